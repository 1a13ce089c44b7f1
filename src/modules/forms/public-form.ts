import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { accountIdOfToken, sha256 } from '../../lib/tokens.ts';
import type { FormRow } from './access.ts';
import { storeNextVersion } from './document.ts';
import { pngBytes } from './pdf.ts';
import { accounts, recordAudit, type RequestContext, type SystemActor } from './ports.ts';
import { familyOf, formEvents, formRequests, SOA_PLANS } from './schema.ts';
import { loadFormSettings } from './settings.ts';
import { formTexts } from './texts.ts';
import { statusOf } from './view.ts';

/** The signature, in the same shape as the sales profile's (users/sales-profile.ts). */
export const SignatureInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('typed'), text: z.string().trim().min(1, 'Required.').max(100) }),
  z.strictObject({
    kind: z.literal('drawn'),
    dataUrl: z
      .string()
      .max(300_000, 'The drawing is too large.')
      .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, 'Must be a PNG data URL.'),
  }),
]);

export const SignFormInput = z
  .strictObject({
    consentToElectronicRecords: z.literal(true, { message: 'Agree to electronic records to sign online.' }),
    plans: z.array(z.enum(SOA_PLANS)).max(SOA_PLANS.length).optional(),
    signature: SignatureInput,
    signerName: z.string().trim().min(1, 'Required.').max(200).optional(),
    authorizedRepresentative: z
      .strictObject({
        name: z.string().trim().min(1, 'Required.').max(200),
        relationship: z.string().trim().min(1, 'Required.').max(100),
      })
      .nullable()
      .optional(),
  })
  .meta({ id: 'SignFormInput' });

const invalidLink = () => new AppError('not_found', 'This link is not valid. / Este enlace no es válido.');

/** The form a link's token names (only its SHA-256 is stored; the token carries the account id). */
async function loadByToken(tx: DbOrTx, token: string, forUpdate = false) {
  const accountId = accountIdOfToken(token);
  if (!accountId) throw invalidLink();
  const q = tx
    .select()
    .from(formRequests)
    .where(inAccount({ accountId }, formRequests, eq(formRequests.tokenHash, sha256(token))));
  const [form] = forUpdate ? await q.for('update') : await q;
  if (!form || form.status === 'deleted') throw invalidLink();
  return form;
}

/** Expired, already signed: said so (EN/ES), with nothing of the form shown. */
function assertOpen(form: FormRow, now: Date) {
  const status = statusOf(form, now);
  if (status === 'expired')
    throw new AppError(
      'gone',
      'This link has expired; ask your agent for a new one. / Este enlace venció; pida uno nuevo a su agente.',
    );
  if (status !== 'requested' && status !== 'opened')
    throw new AppError('conflict', 'This form has already been signed. / Este formulario ya fue firmado.');
}

const systemActor = (
  account: { id: string; package: SystemActor['accountPackage'] },
  ctx: RequestContext,
): SystemActor => ({
  kind: 'system',
  accountId: account.id,
  accountPackage: account.package,
  ctx,
});

const eventCtx = (ctx: RequestContext) => ({
  ip: ctx.ip ?? null,
  userAgent: ctx.userAgent?.slice(0, 500) ?? null,
});

/** What the signing page shows, once the token is valid; the first open is an "opened" event. */
export async function getPublicForm(deps: Pick<Deps, 'db'>, opts: { token: string; ctx: RequestContext }) {
  const now = new Date();
  const form = await deps.db.transaction(async (tx) => {
    const f = await loadByToken(tx, opts.token, true);
    assertOpen(f, now);
    if (f.status === 'requested') {
      await tx
        .update(formRequests)
        .set({ status: 'opened', updatedAt: now })
        .where(inAccount(f, formRequests, eq(formRequests.id, f.id)));
      await tx.insert(formEvents).values({
        accountId: f.accountId,
        id: newId(),
        formId: f.id,
        type: 'opened',
        at: now,
        ...eventCtx(opts.ctx),
      });
    }
    return f;
  });
  const settings = await loadFormSettings(deps.db, form, familyOf(form.kind));
  const facts = { agencyName: form.agent.agencyName, agentName: form.agent.name, npn: form.agent.npn };
  return {
    kind: form.kind,
    language: form.language,
    expiresAt: form.expiresAt,
    agent: {
      name: form.agent.name,
      phone: form.agent.phone,
      agencyName: form.agent.agencyName,
      salesRepId: form.kind === 'soa' ? form.agent.salesRepId : null,
      npn: form.kind === 'soa' ? null : form.agent.npn,
    },
    beneficiaryName: form.beneficiaryName,
    plans: form.plans,
    plansOffered: form.kind === 'soa' ? settings.plansOffered : [],
    signatureModes: settings.signatureModes,
    successUrl: settings.successUrl,
    texts: { en: formTexts(form.kind, 'en', facts), es: formTexts(form.kind, 'es', facts) },
  };
}

/**
 * Sign: E-SIGN consent, the plans confirmed (SOA), the signature (typed or drawn PNG), an authorized
 * representative if one signs. One transaction holding the form's row: a double submit finds it
 * signed (409) and nothing changes. The PDF (version 1) is generated and stored before commit.
 */
export async function signForm(
  deps: Pick<Deps, 'db' | 'storage'>,
  opts: { token: string; input: z.infer<typeof SignFormInput>; ctx: RequestContext },
) {
  const { input } = opts;
  return deps.db.transaction(async (tx) => {
    const now = new Date();
    const form = await loadByToken(tx, opts.token, true);
    assertOpen(form, now);
    const settings = await loadFormSettings(tx, form, familyOf(form.kind));
    const problems: { path: string; message: string }[] = [];
    if (!settings.signatureModes.includes(input.signature.kind))
      problems.push({
        path: 'signature.kind',
        message: `A ${input.signature.kind} signature is not accepted here.`,
      });
    if (input.signature.kind === 'drawn' && !pngBytes(input.signature.dataUrl))
      problems.push({ path: 'signature.dataUrl', message: 'The drawing is not a PNG image.' });
    let plans = form.plans;
    if (form.kind === 'soa') {
      plans = input.plans ?? form.plans;
      if (plans.length === 0)
        problems.push({ path: 'plans', message: 'Choose at least one product to discuss.' });
      const stray = plans.filter((p) => !settings.plansOffered.includes(p) && !form.plans.includes(p));
      if (stray.length) problems.push({ path: 'plans', message: `Not offered: ${stray.join(', ')}.` });
    } else if (input.plans?.length) problems.push({ path: 'plans', message: 'This form has no plan types.' });
    if (problems.length)
      throw new AppError('validation', 'The form has invalid fields.', { errors: problems });

    const signerName = input.authorizedRepresentative?.name ?? input.signerName ?? form.beneficiaryName;
    const ctx = eventCtx(opts.ctx);
    const signedAt = new Date(now.getTime() + 1);
    await tx.insert(formEvents).values([
      {
        accountId: form.accountId,
        id: newId(),
        formId: form.id,
        type: 'consented',
        at: now,
        ...ctx,
        detail: 'Consent to electronic records (E-SIGN)',
      },
      {
        accountId: form.accountId,
        id: newId(),
        formId: form.id,
        type: 'signed',
        at: signedAt,
        ...ctx,
        detail: `${input.signature.kind} signature by ${signerName}${input.authorizedRepresentative ? ` (authorized representative: ${input.authorizedRepresentative.relationship})` : ''}`,
      },
    ]);
    const [signed] = await tx
      .update(formRequests)
      .set({
        status: 'completed',
        plans,
        signature: input.signature,
        signerName,
        authorizedRep: input.authorizedRepresentative ?? null,
        consentedAt: now,
        signedAt,
        updatedAt: signedAt,
      })
      .where(inAccount(form, formRequests, eq(formRequests.id, form.id)))
      .returning();
    let doc;
    try {
      doc = await storeNextVersion(deps, tx, form, signed!, null);
    } catch (e) {
      if (e instanceof AppError) throw e;
      // pdf-lib could not read the image (a PNG header on bytes that are not a PNG).
      throw new AppError('validation', 'The signature image could not be read.', {
        errors: [{ path: 'signature.dataUrl', message: 'Not a readable PNG image.' }],
      });
    }
    const [account] = await tx
      .select({ id: accounts.id, name: accounts.name, package: accounts.package })
      .from(accounts)
      .where(eq(accounts.id, form.accountId));
    await recordAudit(tx, systemActor(account!, opts.ctx), {
      type: 'form.signed',
      subjectType: 'form',
      subjectId: form.id,
      data: { kind: form.kind, sha256: doc.sha256 },
      record: form.individualId
        ? { kind: 'individual', id: form.individualId }
        : { kind: 'sales_record', id: form.salesRecordId! },
    });
    return {
      status: 'completed' as const,
      signedAt,
      sha256: doc.sha256,
      successUrl: settings.successUrl,
      agencyName: account?.name ?? '',
    };
  });
}
