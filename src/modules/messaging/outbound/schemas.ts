import { z } from 'zod';
import { ProblemSchema, Timestamp } from '../../../server/http-schemas.ts';
import { DELIVERY_STATUSES } from '../rules/index.ts';
import { MESSAGE_CHANNELS, MESSAGE_DIRECTIONS, MESSAGE_STATES, RECORD_KINDS } from '../schema.ts';

/** `Message` of the messaging contract (sms-in and msg-ui read the same shape). */
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
    attachments: z.array(z.object({ fileId: z.uuid(), name: z.string() })),
    statusHistory: z
      .array(z.object({ status: z.string(), errorCode: z.string().nullable(), occurredAt: Timestamp }))
      .optional(),
  })
  .meta({ id: 'Message' });

/** A refused send: `code` says why (opted_out, outside_window, no_phone_number, too_long…). */
export const MessagingProblem = ProblemSchema.extend({
  code: z.string().optional(),
  nextAllowedAt: Timestamp.nullable().optional(),
  reasons: z
    .array(
      z.object({
        rule: z.string(),
        zone: z.string(),
        localTime: z.string(),
        allowedHours: z.string(),
        citation: z.string(),
      }),
    )
    .optional(),
  optOut: z.object({ id: z.uuid(), action: z.string(), accountNumber: z.string(), at: Timestamp }).optional(),
  problems: z.array(z.object({ code: z.string(), message: z.string() })).optional(),
}).meta({ id: 'MessagingProblem', description: 'RFC 9457 problem details with the messaging reason' });
