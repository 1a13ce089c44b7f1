import { eq } from 'drizzle-orm';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { DbOrTx } from '../../../db/client.ts';
import { inAccount } from '../../../db/tenant.ts';
import { notFound } from '../../../lib/errors.ts';
import {
  agents,
  accounts,
  users,
  authorize,
  can,
  loadVisibleIndividual,
  loadVisibleSalesRecord,
  recordContext,
  type Actor,
} from '../ports.ts';
import type { MergeValues } from '../rules/index.ts';
import type { RecordKind } from '../schema.ts';

export type RecipientRef = { type: RecordKind; id: string };

/** A record a message goes to, with what sending needs to know about it. */
export type Recipient = {
  ref: RecipientRef;
  name: string;
  firstName: string;
  lastName: string;
  /** The number to text as stored (cell phone first on people records), or null. */
  phone: string | null;
  email: string | null;
  zip: string | null;
  state: string | null;
  /** Record-level requirements not met (PERMISSIONS.md, last paragraph). */
  problems: { code: string; message: string }[];
};

const SEND_TASK = {
  sales_record: 'sms.send.sales_record',
  individual: 'sms.send.individual',
  agent: 'sms.send.agent',
} as const;

/**
 * Load the record a message goes to: "not found" when the actor cannot see it (another account's,
 * or outside their scope), forbidden without the record kind's send task. Email from a record uses
 * the same task as a text (the task matrix has no separate email row).
 */
export async function loadRecipient(db: DbOrTx, actor: Actor, ref: RecipientRef): Promise<Recipient> {
  const problems: Recipient['problems'] = [];
  if (ref.type === 'sales_record') {
    const r = await loadVisibleSalesRecord(db, actor, ref.id);
    authorize(actor, SEND_TASK.sales_record, { record: recordContext(r) });
    if (!r.assignedUserId && !r.assignedAgentId)
      problems.push({
        code: 'no_assignee',
        message: 'This Sales Record has no assigned Agent or User: assign one before sending.',
      });
    return {
      ref,
      name: `${r.firstName} ${r.lastName}`.trim(),
      firstName: r.firstName,
      lastName: r.lastName,
      phone: r.cellPhone ?? r.phone,
      email: r.email,
      zip: r.zip,
      state: r.state,
      problems,
    };
  }
  if (ref.type === 'individual') {
    const r = await loadVisibleIndividual(db, actor, ref.id);
    authorize(actor, SEND_TASK.individual, {
      record: { kind: 'individual', servicingAgentId: r.servicingAgentId },
    });
    if (!r.servicingAgentId)
      problems.push({
        code: 'no_servicing_agent',
        message: 'This Individual has no Servicing Agent: link one before sending.',
      });
    return {
      ref,
      name: `${r.firstName} ${r.lastName}`.trim(),
      firstName: r.firstName,
      lastName: r.lastName,
      phone: r.cellPhone ?? r.phone,
      email: r.email,
      zip: r.zip,
      state: r.state,
      problems,
    };
  }
  authorize(actor, 'agent.view');
  const [a] = await db
    .select()
    .from(agents)
    .where(inAccount(actor, agents, eq(agents.id, ref.id)));
  if (!a) throw notFound('Agent');
  if (
    actor.kind === 'user' &&
    !can(actor.profile, 'agent.view', { record: { kind: 'agent', agentId: a.id } }).allowed
  )
    throw notFound('Agent');
  authorize(actor, SEND_TASK.agent, { record: { kind: 'agent', agentId: a.id } });
  return {
    ref,
    name: `${a.firstName} ${a.lastName}`.trim(),
    firstName: a.firstName,
    lastName: a.lastName,
    phone: a.phone,
    email: a.email,
    zip: null,
    state: null,
    problems,
  };
}

export type NumberCheck =
  | { ok: true; e164: string }
  | { ok: false; code: 'no_phone' | 'invalid_recipient_number' | 'landline'; message: string };

/**
 * Can this number receive a text? Valid for its country (libphonenumber-js, full metadata), and not
 * a landline: FIXED_LINE is refused, FIXED_LINE_OR_MOBILE (most US numbers) allowed.
 */
export function checkTextableNumber(phone: string | null, recordName: string): NumberCheck {
  if (!phone)
    return {
      ok: false,
      code: 'no_phone',
      message: `${recordName} has no cell phone or phone: add one to text them.`,
    };
  const p = parsePhoneNumberFromString(phone, 'US');
  if (!p || !p.isValid() || p.ext)
    return {
      ok: false,
      code: 'invalid_recipient_number',
      message: `${phone} is not a valid phone number: correct the record's cell phone.`,
    };
  if (p.getType() === 'FIXED_LINE')
    return {
      ok: false,
      code: 'landline',
      message: `${p.number} is a landline and cannot receive texts: add a cell phone to the record.`,
    };
  return { ok: true, e164: p.number };
}

export type Sender = {
  userId: string | null;
  name: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  /** The sender's zone, for the sender's texting window. */
  timeZone: string;
  accountName: string;
};

/** Who sends: the signed-in user, or (API key, operator, a job) the account itself. */
export async function loadSender(db: DbOrTx, actor: Actor): Promise<Sender> {
  const [acct] = await db
    .select({ name: accounts.name, timeZone: accounts.timeZone })
    .from(accounts)
    .where(eq(accounts.id, actor.accountId));
  const accountName = acct?.name ?? '';
  if (actor.kind === 'user') {
    const [u] = await db
      .select({
        firstName: users.firstName,
        lastName: users.lastName,
        email: users.email,
        phone: users.phone,
        timeZone: users.timeZone,
      })
      .from(users)
      .where(inAccount(actor, users, eq(users.id, actor.userId)));
    if (u)
      return {
        userId: actor.userId,
        name: `${u.firstName} ${u.lastName}`.trim(),
        firstName: u.firstName,
        lastName: u.lastName,
        email: u.email,
        phone: u.phone,
        timeZone: u.timeZone,
        accountName,
      };
  }
  return {
    userId: null,
    name: accountName,
    firstName: accountName,
    lastName: '',
    email: null,
    phone: null,
    timeZone: acct?.timeZone ?? 'America/New_York',
    accountName,
  };
}

export const mergeValues = (r: Recipient, s: Sender, fromNumber: string | null): MergeValues => ({
  firstName: r.firstName,
  lastName: r.lastName,
  fullName: r.name,
  agentName: s.name,
  agentFirstName: s.firstName,
  agentLastName: s.lastName,
  agentPhone: s.phone,
  agentEmail: s.email,
  agencyName: s.accountName,
  agencyPhone: fromNumber,
});
