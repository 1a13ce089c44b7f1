import { z } from 'zod';
import { Timestamp } from '../../../server/http-schemas.ts';
import { DELIVERY_STATUSES } from '../rules/index.ts';
import { MESSAGE_CHANNELS, MESSAGE_DIRECTIONS, MESSAGE_STATES, RECORD_KINDS } from '../schema.ts';

/** The contract's `Message` (messaging-contract.md). */
export const MessageSchema = z
  .object({
    id: z.uuid(),
    channel: z.enum(MESSAGE_CHANNELS),
    direction: z.enum(MESSAGE_DIRECTIONS),
    status: z.enum(MESSAGE_STATES),
    deliveryStatus: z.enum(DELIVERY_STATUSES).nullable(),
    from: z.string(),
    to: z.string(),
    subject: z.string().nullable(),
    body: z.string(),
    segments: z.number().int().nullable(),
    encoding: z.enum(['GSM-7', 'UCS-2']).nullable(),
    sendAfter: Timestamp.nullable(),
    createdAt: Timestamp,
    sentAt: Timestamp.nullable(),
    statusAt: Timestamp.nullable(),
    user: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    records: z.array(z.object({ type: z.enum(RECORD_KINDS), id: z.uuid(), name: z.string() })),
    phoneNumber: z.object({ id: z.uuid(), number: z.string(), label: z.string() }).nullable(),
    readAt: Timestamp.nullable(),
    revocation: z.enum(['flagged', 'confirmed', 'dismissed']).nullable(),
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable(),
    attachments: z.array(z.object({ fileId: z.string(), name: z.string() })),
  })
  .meta({ id: 'Message' });
