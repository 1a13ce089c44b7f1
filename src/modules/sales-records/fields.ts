import { z } from 'zod';
import { IsoDate, opt, PersonFields, Text } from '../person/index.ts';
import { TEMPERATURES } from './schema.ts';

export { Mbi, US_STATES } from '../person/index.ts';

/** Every default field of a Sales Record (PRODUCT.md): the person's, and the sale's. */
export const SalesRecordFields = {
  ...PersonFields,
  coverageType: opt(Text(100)),
  carrier: opt(Text(100)),
  product: opt(Text(100)),
  leadSource: opt(Text(100)),
  leadDate: opt(IsoDate),
  manualTemperature: opt(z.enum(TEMPERATURES)),
  assignedUserId: opt(z.uuid()),
  assignedAgentId: opt(z.uuid()),
};

export const CreateSalesRecordInput = z.strictObject({
  ...SalesRecordFields,
  recordTypeId: z.uuid().optional(),
  statusId: z.uuid().optional(),
});

export const UpdateSalesRecordInput = z.strictObject({
  ...Object.fromEntries(Object.entries(SalesRecordFields).map(([k, v]) => [k, (v as z.ZodType).optional()])),
  recordTypeId: z.uuid().optional(),
  statusId: z.uuid().optional(),
}) as unknown as z.ZodObject<
  { [K in keyof typeof SalesRecordFields]: z.ZodOptional<(typeof SalesRecordFields)[K]> } & {
    recordTypeId: z.ZodOptional<z.ZodUUID>;
    statusId: z.ZodOptional<z.ZodUUID>;
  }
>;
