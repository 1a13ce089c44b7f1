import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { mintAccountToken, sha256 } from '../../lib/tokens.ts';
import { formTask, loadFormRecord } from './access.ts';
import {
  type Actor,
  accounts,
  authorize,
  queueEmail,
  recordAudit,
  sendFormText,
  users,
  userSalesRepIds,
} from './ports.ts';
import {
  CONTACT_METHODS,
  EXCEPTION_REASONS,
  familyOf,
  type FormAgent,
  formEvents,
  FORM_CHANNELS,
  FORM_KINDS,
  FORM_LANGUAGES,
  formRequests,
} from './schema.ts';
import { loadFormSettings } from './settings.ts';
import { fillTemplate } from './texts.ts';
import { toView } from './view.ts';

/** How long a form's link works (PRODUCT.md: valid 24 hours). */
export const LINK_VALID_MS = 24 * 3600 * 1000;

export const SendFormInput = z
  .strictObject({
    kind: z.enum(FORM_KINDS),
    record: z.strictObject({ type: z.enum(['sales_record', 'individual']), id: z.uuid().toLowerCase() }),
    channel: z.enum(FORM_CHANNELS),
    plans: z
      .array(
        z.enum([
          'part_d',
          'medicare_advantage',
          'dental_vision_hearing',
          'hospital_indemnity',
          'medicare_supplement',
        ]),
      )
      .max(5)
      .optional(),
    appointmentAt: z.iso.datetime({ offset: true }).nullable().optional(),
    language: z.enum(FORM_LANGUAGES),
    firstContactMethod: z.enum(CONTACT_METHODS).nullable().optional(),
    exceptionReason: z.enum(EXCEPTION_REASONS).nullable().optional(),
    exceptionNote: z.string().trim().max(500).nullable().optional(),
  })
  .meta({ id: 'SendFormInput' });

/** The profile link a 422 points to for the missing sender details. */
export const PROFILE_PATH = '/profile';

/**
 * Send a form from a Sales Record or an Individual: checks the matrix row, that the family is
 * active, the sender's profile (SOA: phone, signature, sales rep ID; ACA: phone, NPN — every
 * missing item listed), then stores the request with a 24-hour link (only its hash kept) and
 * queues the email in the same transaction. Texting goes through `sendFormText` (ports.ts).
 */
export async function sendForm(deps: Deps, opts: { actor: Actor; input: z.infer<typeof SendFormInput> }) {
  const { actor, input } = opts;
  if (actor.kind !== 'user')
    throw new AppError('forbidden', 'A form is sent by a signed-in user (its sender).');
  const family = familyOf(input.kind);
  const record = await loadFormRecord(deps.db, actor, { type: input.record.type, id: input.record.id });
  authorize(actor, formTask(input.kind, 'send', record.ref.type), { record: record.context });

  const settings = await loadFormSettings(deps.db, actor, family);
  if (!settings.active)
    throw new AppError(
      'conflict',
      `${family === 'soa' ? 'Scope of Appointment' : 'ACA'} forms are not turned on for this account (My Agency Settings).`,
    );

  const problems: FieldProblem[] = [];
  const missing: string[] = [];
  const [me] = await deps.db
    .select({
      firstName: users.firstName,
      lastName: users.lastName,
      phone: users.phone,
      npn: users.npn,
      signature: users.signature,
    })
    .from(users)
    .where(inAccount(actor, users, eq(users.id, actor.userId)));
  const [repId] = await deps.db
    .select({ value: userSalesRepIds.value })
    .from(userSalesRepIds)
    .where(
      inAccount(
        actor,
        userSalesRepIds,
        eq(userSalesRepIds.userId, actor.userId),
        eq(userSalesRepIds.isDefault, true),
      ),
    )
    .orderBy(asc(userSalesRepIds.createdAt));
  const need = (ok: boolean, field: string, label: string) => {
    if (ok) return;
    missing.push(`profile.${field}`);
    problems.push({
      path: `profile.${field}`,
      message: `Add your ${label} on your profile (${PROFILE_PATH}).`,
    });
  };
  need(!!me?.phone, 'phone', 'phone');
  if (family === 'soa') {
    need(!!me?.signature, 'signature', 'signature');
    need(!!repId, 'salesRepId', 'sales rep ID');
  } else need(!!me?.npn, 'npn', 'NPN');

  let plans = input.plans ?? [];
  if (family === 'soa') {
    if (!input.plans) plans = settings.defaultPlans;
    const notOffered = plans.filter((p) => !settings.plansOffered.includes(p));
    if (notOffered.length)
      problems.push({ path: 'plans', message: `Not offered by this account: ${notOffered.join(', ')}.` });
    if (plans.length === 0)
      problems.push({ path: 'plans', message: 'Choose at least one plan type to represent.' });
    if (!input.appointmentAt) problems.push({ path: 'appointmentAt', message: 'Give the appointment date.' });
  } else if (input.plans?.length)
    problems.push({ path: 'plans', message: 'Plan types apply to SOA forms only.' });

  const to = input.channel === 'email' ? record.email : (record.cellPhone ?? record.phone);
  if (!to)
    problems.push({
      path: 'channel',
      message:
        input.channel === 'email' ? 'The record has no email address.' : 'The record has no phone number.',
    });
  if (problems.length)
    throw new AppError('rule_violation', 'The form cannot be sent yet.', { errors: problems, missing });

  const [account] = await deps.db
    .select({ name: accounts.name })
    .from(accounts)
    .where(eq(accounts.id, actor.accountId));
  const agentName = `${me!.firstName} ${me!.lastName}`;
  const agent: FormAgent = {
    name: agentName,
    phone: me!.phone!,
    salesRepId: repId?.value ?? null,
    npn: me!.npn ?? null,
    agencyName: account?.name ?? '',
    signature: me!.signature ?? null,
  };
  const token = mintAccountToken(actor.accountId);
  // The page opens in the form's language (`?lang=`, public/kit/i18n.tsx); the signer can switch.
  const link = `${deps.config.baseUrl}/forms/${token}?lang=${input.language}`;
  const template = settings.templates[input.language];
  const values = { link, name: record.firstName, agent: `${agentName}, ${agent.agencyName}` };
  const body = fillTemplate(template.body, values);

  const id = newId();
  const now = new Date();
  const ctx = {
    ip: actor.ctx.ip ?? null,
    userAgent: actor.ctx.userAgent?.slice(0, 500) ?? null,
    userId: actor.userId,
  };
  const { form, dispatch } = await deps.db.transaction(async (tx) => {
    const mail =
      input.channel === 'email'
        ? await queueEmail(tx, actor.accountId, {
            kind: `form.${input.kind}`,
            to: to!,
            subject: fillTemplate(template.subject, values),
            text: body,
          })
        : null;
    const [form] = await tx
      .insert(formRequests)
      .values({
        accountId: actor.accountId,
        id,
        kind: input.kind,
        salesRecordId: record.ref.type === 'sales_record' ? record.ref.id : null,
        individualId: record.ref.type === 'individual' ? record.ref.id : null,
        senderUserId: actor.userId,
        tokenHash: sha256(token),
        expiresAt: new Date(now.getTime() + LINK_VALID_MS),
        channel: input.channel,
        sentTo: to!,
        messageId: mail?.id ?? null,
        language: input.language,
        plans,
        firstContactMethod: input.firstContactMethod ?? null,
        appointmentAt: input.appointmentAt ? new Date(input.appointmentAt) : null,
        exceptionReason: input.exceptionReason ?? null,
        exceptionNote: input.exceptionNote ?? null,
        beneficiaryName: `${record.firstName} ${record.lastName}`,
        agent,
      })
      .returning();
    await tx.insert(formEvents).values([
      { accountId: actor.accountId, id: newId(), formId: id, type: 'created', ...ctx, at: now },
      {
        accountId: actor.accountId,
        id: newId(),
        formId: id,
        type: 'sent',
        ...ctx,
        at: now,
        detail: `${input.channel} to ${to}`,
      },
    ]);
    await recordAudit(tx, actor, {
      type: 'form.sent',
      subjectType: 'form',
      subjectId: id,
      data: { kind: input.kind, channel: input.channel },
      record: { kind: record.ref.type, id: record.ref.id },
    });
    return { form: form!, dispatch: mail?.dispatch };
  });
  if (dispatch) await dispatch(deps);
  if (input.channel === 'sms') {
    // The text goes through the messaging layer (its windows, opt-outs and pacing apply) once the
    // form and its link exist. A refusal withdraws the form at once, with the reason in its trail,
    // and answers the refusal: no link is ever texted for a form that does not exist, and a form
    // whose text was refused cannot be opened.
    try {
      const sent = await sendFormText(deps, actor, {
        to: { type: record.ref.type, id: record.ref.id },
        body,
      });
      await deps.db
        .update(formRequests)
        .set({ messageId: sent.messageId })
        .where(inAccount(actor, formRequests, eq(formRequests.id, id)));
      form.messageId = sent.messageId;
    } catch (err) {
      await withdrawUnsent(deps, actor, id, record.ref, err);
      throw err;
    }
  }
  return toView(deps.db, actor, form, record.ref);
}

/** A form whose text the messaging layer refused: withdrawn (status `deleted`), the reason kept. */
async function withdrawUnsent(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  id: string,
  ref: { type: 'sales_record' | 'individual'; id: string },
  err: unknown,
) {
  const reason = err instanceof AppError ? `${err.code}: ${err.message}` : 'the text could not be sent';
  await deps.db.transaction(async (tx) => {
    const now = new Date();
    await tx
      .update(formRequests)
      .set({ status: 'deleted', updatedAt: now })
      .where(inAccount(actor, formRequests, eq(formRequests.id, id)));
    await tx.insert(formEvents).values({
      accountId: actor.accountId,
      id: newId(),
      formId: id,
      type: 'deleted',
      at: now,
      detail: `Text not sent (${reason.slice(0, 300)}); the link was withdrawn.`,
      ip: actor.ctx.ip ?? null,
      userAgent: actor.ctx.userAgent?.slice(0, 500) ?? null,
      userId: actor.kind === 'user' ? actor.userId : null,
    });
    await recordAudit(tx, actor, {
      type: 'form.deleted',
      subjectType: 'form',
      subjectId: id,
      data: { reason: 'text_refused' },
      record: { kind: ref.type, id: ref.id },
    });
  });
}
