/** Every kind of audit event, as a typed union: a new kind is added here first. */
export type AuditEvent =
  | {
      type: 'account.created';
      subjectType: 'account';
      subjectId: string;
      data: { name: string; package: string };
    }
  | { type: 'account.updated'; subjectType: 'account'; subjectId: string; data: { changes: Changes } }
  | {
      type: 'user.created';
      subjectType: 'user';
      subjectId: string;
      data: { username: string; email: string };
    }
  | { type: 'user.updated'; subjectType: 'user'; subjectId: string; data: { changes: Changes } }
  | { type: 'user.logged_in'; subjectType: 'user'; subjectId: string; data: Record<string, never> }
  | { type: 'user.logged_out'; subjectType: 'user'; subjectId: string; data: Record<string, never> }
  | { type: 'user.login_refused'; subjectType: 'user'; subjectId: string; data: { reason: string } }
  | {
      type: 'user.password_changed';
      subjectType: 'user';
      subjectId: string;
      data: { via: 'change' | 'reset' };
    }
  | {
      type: 'user.password_reset_requested';
      subjectType: 'user';
      subjectId: string;
      data: Record<string, never>;
    }
  | {
      type: 'api_key.created';
      subjectType: 'api_key';
      subjectId: string;
      data: { name: string; scope: string };
    }
  | { type: 'api_key.revoked'; subjectType: 'api_key'; subjectId: string; data: { name: string } }
  | {
      type: 'user.suspended' | 'user.reactivated' | 'user.deleted';
      subjectType: 'user';
      subjectId: string;
      data: Record<string, unknown>;
    }
  | { type: 'user.login_info_sent'; subjectType: 'user'; subjectId: string; data: { email: string } }
  | {
      type: `${'security_group' | 'team' | 'agent' | 'record_type'}.${'created' | 'updated' | 'deleted'}`;
      subjectType: 'security_group' | 'team' | 'agent' | 'record_type';
      subjectId: string;
      data: Record<string, unknown>;
    }
  | {
      type: 'sales_record.created';
      subjectType: 'sales_record';
      subjectId: string;
      data: { fields: Record<string, unknown> };
    }
  | {
      type: 'sales_record.updated';
      subjectType: 'sales_record';
      subjectId: string;
      data: { changes: Changes };
    }
  | {
      type: 'sales_record.note_added';
      subjectType: 'sales_record';
      subjectId: string;
      data: { noteId: string };
    }
  | {
      type: 'sales_record.note_removed';
      subjectType: 'sales_record';
      subjectId: string;
      data: { noteId: string; body: string; authorUserId: string | null; createdAt: string };
    }
  | {
      type: 'sales_record.deleted' | 'sales_record.restored';
      subjectType: 'sales_record';
      subjectId: string;
      data: { name: string };
    }
  | {
      /** The tombstone: what the record was, readable after its row is gone. */
      type: 'sales_record.purged';
      subjectType: 'sales_record';
      subjectId: string;
      data: { name: string; record: Record<string, unknown> };
    }
  | {
      type: 'sales_record.bulk_updated';
      subjectType: 'sales_record';
      subjectId: string;
      data: { changes: Changes };
    }
  | {
      type: 'sales_record.converted';
      subjectType: 'sales_record';
      subjectId: string;
      data: { individualId: string; merged: boolean };
    }
  | {
      type: 'individual.created';
      subjectType: 'individual';
      subjectId: string;
      data: { fields: Record<string, unknown>; fromSalesRecordId?: string };
    }
  | {
      type: 'individual.updated';
      subjectType: 'individual';
      subjectId: string;
      data: { changes: Changes; fromSalesRecordId?: string };
    }
  | { type: 'individual.note_added'; subjectType: 'individual'; subjectId: string; data: { noteId: string } }
  | {
      type: 'individual.note_removed';
      subjectType: 'individual';
      subjectId: string;
      data: { noteId: string; body: string; authorUserId: string | null; createdAt: string };
    }
  | {
      type: `policy.${'created' | 'updated' | 'deleted'}`;
      subjectType: 'policy';
      subjectId: string;
      data: Record<string, unknown>;
    }
  | {
      type: `commission.${'created' | 'updated' | 'deleted'}`;
      subjectType: 'policy';
      subjectId: string;
      data: Record<string, unknown>;
    }
  | {
      type: `form.${'sent' | 'signed' | 'edited' | 'deleted'}`;
      subjectType: 'form';
      subjectId: string;
      data: Record<string, unknown>;
    }
  | {
      type: 'form_settings.updated';
      subjectType: 'account';
      subjectId: string;
      data: { family: string; changes: Changes };
    }
  | {
      type: 'file.added' | 'file.removed';
      subjectType: 'sales_record' | 'individual';
      subjectId: string;
      data: Record<string, unknown>;
    }
  | {
      type: `custom_field.${'created' | 'updated' | 'deleted'}`;
      subjectType: 'custom_field';
      subjectId: string;
      data: Record<string, unknown>;
    }
  | {
      type: 'import.completed' | 'import.rolled_back';
      subjectType: 'import';
      subjectId: string;
      data: Record<string, unknown>;
    }
  | {
      type: `activity.${'created' | 'updated' | 'completed' | 'reopened' | 'deleted'}`;
      subjectType: 'activity';
      subjectId: string;
      data: Record<string, unknown>;
    }
  | {
      type: `${'activity_type' | 'activity_status'}.${'created' | 'updated' | 'reordered'}`;
      subjectType: 'activity_type' | 'activity_status';
      subjectId: string;
      data: Record<string, unknown>;
    }
  | {
      type: `appointment_schedule.${'created' | 'updated' | 'deleted'}`;
      subjectType: 'appointment_schedule';
      subjectId: string;
      data: Record<string, unknown>;
    }
  | {
      type: `appointment.${'booked' | 'cancelled' | 'rescheduled'}`;
      subjectType: 'appointment_booking';
      subjectId: string;
      data: Record<string, unknown>;
    }
  | {
      // Messaging (issue 13): account numbers, templates, settings, each message sent or canceled.
      type:
        | `phone_number.${'created' | 'updated' | 'deleted'}`
        | `message_template.${'created' | 'updated' | 'deleted'}`
        | 'messaging_settings.updated'
        | 'user.default_phone_number_set'
        | `message.${'sent' | 'queued' | 'canceled'}`;
      subjectType: 'phone_number' | 'message_template' | 'account' | 'user' | 'message';
      subjectId: string;
      data: Record<string, unknown>;
    }
  | {
      type: 'calendar_feed.created' | 'calendar_feed.revoked';
      subjectType: 'user';
      subjectId: string;
      data: Record<string, unknown>;
    };

/** The Sales Record or Individual something (a policy, an activity) belongs to. */
export type RecordRef = { kind: 'sales_record' | 'individual'; id: string };

/** The record of an activity-like row, if it has one (an Agent's activity has none). */
export const recordOf = (r: {
  salesRecordId?: string | null;
  individualId?: string | null;
}): RecordRef | null =>
  r.salesRecordId
    ? { kind: 'sales_record', id: r.salesRecordId }
    : r.individualId
      ? { kind: 'individual', id: r.individualId }
      : null;

/** Field-level change set: `{ field: { from, to } }`. */
export type Changes = Record<string, { from: unknown; to: unknown }>;

export function diff<T extends Record<string, unknown>>(before: T, patch: Partial<T>): Changes {
  const out: Changes = {};
  for (const [k, to] of Object.entries(patch)) {
    if (to === undefined) continue;
    const from = before[k];
    if (JSON.stringify(from) !== JSON.stringify(to)) out[k] = { from, to };
  }
  return out;
}
