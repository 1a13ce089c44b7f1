import { z } from 'zod';
import { RT_BITS, SALES_FLAGS } from './sales-permissions.ts';

/** Security-group permissions: every category and level, nothing else (unknown names are errors). */
export const GroupPermissionsSchema = z
  .strictObject({
    salesEnablement: z.strictObject({ visible: z.boolean() }),
    individual: z.strictObject({ visible: z.boolean(), edit: z.boolean() }),
    agent: z.strictObject({ visible: z.boolean(), edit: z.boolean() }),
    administrative: z.strictObject({ manageUsers: z.boolean() }),
    marketing: z.strictObject({ visible: z.boolean() }),
    reporting: z.strictObject({ visible: z.boolean() }),
    recordAccess: z.strictObject({
      restriction: z.enum(['none', 'accessible_agents']),
      includeUnassigned: z.boolean(),
    }),
  })
  .refine((p) => !p.individual.edit || p.individual.visible, {
    path: ['individual', 'edit'],
    message: 'Edit needs Visible.',
  })
  .refine((p) => !p.agent.edit || p.agent.visible, {
    path: ['agent', 'edit'],
    message: 'Edit needs Visible.',
  })
  .meta({ id: 'GroupPermissions' });

const HHMM = z
  .string()
  .max(5)
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour).');

export const SalesPermissionsSchema = z
  .strictObject({
    textingWindow: z
      .strictObject({ start: HHMM, end: HHMM })
      .refine((w) => w.start < w.end, { message: 'The window must end after it starts.', path: ['end'] }),
    recordAccess: z.enum(['all', 'assigned']),
    agentDropdownView: z.enum(['self', 'all']),
    recordTypeAccess: z.record(
      z.uuid({ message: 'Keys must be record type ids.' }),
      z.strictObject(
        Object.fromEntries(RT_BITS.map((b) => [b, z.boolean().optional()])) as Record<
          (typeof RT_BITS)[number],
          z.ZodOptional<z.ZodBoolean>
        >,
      ),
    ),
    flags: z.strictObject(
      Object.fromEntries(SALES_FLAGS.map((f) => [f, z.boolean()])) as Record<
        (typeof SALES_FLAGS)[number],
        z.ZodBoolean
      >,
    ),
  })
  .meta({ id: 'SalesPermissions' });
