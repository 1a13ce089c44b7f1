import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../../db/client.ts';
import { inAccount } from '../../../db/tenant.ts';
import type { Deps } from '../../../deps.ts';
import { AppError, notFound } from '../../../lib/errors.ts';
import { newId } from '../../../lib/ids.ts';
import { MAX_SMS_CHARACTERS, MERGE_FIELDS, validateTemplate, type TemplateProblem } from '../rules/index.ts';
import { MESSAGE_CHANNELS, messageTemplates } from '../schema.ts';
import { authorize, recordAudit, type Actor } from '../ports.ts';

export const TemplateInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  channel: z.enum(MESSAGE_CHANNELS),
  subject: z.string().max(200).nullable().optional(),
  body: z.string().min(1).max(20_000),
});
export const TemplatePatch = TemplateInput.omit({ channel: true }).partial();

type Row = typeof messageTemplates.$inferSelect;
export type TemplateView = {
  id: string;
  name: string;
  channel: 'sms' | 'email';
  subject: string | null;
  body: string;
};
const view = (r: Row): TemplateView => ({
  id: r.id,
  name: r.name,
  channel: r.channel,
  subject: r.subject,
  body: r.body,
});

export const problemText = (p: TemplateProblem) =>
  p.code === 'unknown_field'
    ? `Unknown merge field {{${p.field}}}: use one of ${MERGE_FIELDS.join(', ')}.`
    : p.code === 'unsupported'
      ? `Unsupported template syntax ${p.syntax}: only {{field}}, {{#if field}} and {{#unless field}}.`
      : `Template syntax error: ${p.message}`;

/** Every problem of a template's texts, as field problems. */
function check(t: {
  channel: 'sms' | 'email';
  subject?: string | null | undefined;
  body?: string | undefined;
}) {
  const errors: { path: string; message: string }[] = [];
  if (t.body !== undefined) {
    for (const p of validateTemplate(t.body)) errors.push({ path: 'body', message: problemText(p) });
    if (t.channel === 'sms' && t.body.length > MAX_SMS_CHARACTERS)
      errors.push({ path: 'body', message: `A text is at most ${MAX_SMS_CHARACTERS} characters.` });
  }
  if (t.subject)
    for (const p of validateTemplate(t.subject)) errors.push({ path: 'subject', message: problemText(p) });
  if (t.channel === 'sms' && t.subject) errors.push({ path: 'subject', message: 'A text has no subject.' });
  if (errors.length)
    throw new AppError('rule_violation', 'The template cannot be used as written.', { errors });
}

export async function listTemplates(deps: Pick<Deps, 'db'>, { actor }: { actor: Actor }) {
  const rows = await deps.db
    .select()
    .from(messageTemplates)
    .where(inAccount(actor, messageTemplates))
    .orderBy(messageTemplates.channel, messageTemplates.name);
  return rows.map(view);
}

export async function loadTemplate(db: DbOrTx, actor: Actor, id: string): Promise<Row> {
  const [row] = await db
    .select()
    .from(messageTemplates)
    .where(inAccount(actor, messageTemplates, eq(messageTemplates.id, id)));
  if (!row) throw notFound('Message template');
  return row;
}

async function assertNameFree(
  db: DbOrTx,
  actor: Actor,
  channel: 'sms' | 'email',
  name: string,
  except?: string,
) {
  const [other] = await db
    .select({ id: messageTemplates.id })
    .from(messageTemplates)
    .where(
      inAccount(
        actor,
        messageTemplates,
        and(eq(messageTemplates.channel, channel), eq(messageTemplates.name, name)),
      ),
    );
  if (other && other.id !== except)
    throw new AppError('conflict', `A ${channel} template named “${name}” exists already.`);
}

/** Templates are account settings: account admins (users.manage) write them, every user reads them. */
export async function createTemplate(
  deps: Pick<Deps, 'db'>,
  { actor, input }: { actor: Actor; input: z.infer<typeof TemplateInput> },
): Promise<TemplateView> {
  authorize(actor, 'users.manage');
  check(input);
  return deps.db.transaction(async (tx) => {
    await assertNameFree(tx, actor, input.channel, input.name);
    const id = newId();
    const [row] = await tx
      .insert(messageTemplates)
      .values({
        accountId: actor.accountId,
        id,
        name: input.name,
        channel: input.channel,
        subject: input.subject ?? null,
        body: input.body,
        createdByUserId: actor.kind === 'user' ? actor.userId : null,
      })
      .returning();
    await recordAudit(tx, actor, {
      type: 'message_template.created',
      subjectType: 'message_template',
      subjectId: id,
      data: { name: input.name, channel: input.channel },
    });
    return view(row!);
  });
}

export async function updateTemplate(
  deps: Pick<Deps, 'db'>,
  { actor, id, patch }: { actor: Actor; id: string; patch: z.infer<typeof TemplatePatch> },
): Promise<TemplateView> {
  authorize(actor, 'users.manage');
  return deps.db.transaction(async (tx) => {
    const before = await loadTemplate(tx, actor, id);
    check({ channel: before.channel, subject: patch.subject, body: patch.body });
    if (patch.name && patch.name !== before.name)
      await assertNameFree(tx, actor, before.channel, patch.name, id);
    const [row] = await tx
      .update(messageTemplates)
      .set({ ...patch, updatedAt: new Date() })
      .where(inAccount(actor, messageTemplates, eq(messageTemplates.id, id)))
      .returning();
    await recordAudit(tx, actor, {
      type: 'message_template.updated',
      subjectType: 'message_template',
      subjectId: id,
      data: { fields: Object.keys(patch) },
    });
    return view(row!);
  });
}

export async function deleteTemplate(deps: Pick<Deps, 'db'>, { actor, id }: { actor: Actor; id: string }) {
  authorize(actor, 'users.manage');
  await deps.db.transaction(async (tx) => {
    const before = await loadTemplate(tx, actor, id);
    await tx.delete(messageTemplates).where(inAccount(actor, messageTemplates, eq(messageTemplates.id, id)));
    await recordAudit(tx, actor, {
      type: 'message_template.deleted',
      subjectType: 'message_template',
      subjectId: id,
      data: { name: before.name },
    });
  });
}

const FIELD_LABELS: Record<(typeof MERGE_FIELDS)[number], string> = {
  firstName: 'Recipient’s first name',
  lastName: 'Recipient’s last name',
  fullName: 'Recipient’s full name',
  agentName: 'Your (the sender’s) name',
  agentFirstName: 'Your first name',
  agentLastName: 'Your last name',
  agentPhone: 'Your phone',
  agentEmail: 'Your email',
  agencyName: 'The agency’s name',
  agencyPhone: 'The number the text is sent from',
};

export const mergeFieldList = () =>
  MERGE_FIELDS.map((name) => ({ name, label: FIELD_LABELS[name], token: `{{${name}}}` }));
