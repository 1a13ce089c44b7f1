import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AUTHED, Id, IdParams, problems, Timestamp, toJson } from '../../server/http-schemas.ts';
import { actorOf } from '../../server/plugins/auth.ts';
import { deleteForm } from './delete-form.ts';
import { openFormPdf } from './document.ts';
import { EditFormInput, editForm } from './edit-form.ts';
import {
  CONTACT_METHODS,
  EXCEPTION_REASONS,
  FORM_CHANNELS,
  FORM_EVENT_TYPES,
  FORM_FAMILIES,
  FORM_KINDS,
  FORM_LANGUAGES,
  FORM_STATUSES,
  SIGNATURE_MODES,
  SOA_PLANS,
} from './schema.ts';
import { SendFormInput, sendForm } from './send-form.ts';
import { FormSettingsPatch, getFormSettings, updateFormSettings } from './settings.ts';
import { getForm, listForms } from './view.ts';

const tags = ['forms'];
const Template = z.object({ subject: z.string(), body: z.string() });
const FormSettings = z
  .object({
    family: z.enum(FORM_FAMILIES),
    active: z.boolean(),
    plansOffered: z.array(z.enum(SOA_PLANS)),
    defaultPlans: z.array(z.enum(SOA_PLANS)),
    signatureModes: z.array(z.enum(SIGNATURE_MODES)),
    templates: z.object({ en: Template, es: Template }),
    successUrl: z.string().nullable(),
    retentionYears: z.number().int(),
    keepFortyEightHourPolicy: z.boolean(),
  })
  .meta({ id: 'FormSettings' });

const Timing = z
  .object({
    regime: z.enum(['forty_eight_hour_rule', 'cy2027']),
    fortyEightHourCheck: z.enum(['regulation', 'policy', 'off']),
    minutesBefore: z.number().int().nullable(),
    status: z.enum([
      'covered',
      'covered_by_exception',
      'exception_required',
      'signed_after_appointment',
      'no_soa',
    ]),
    covered: z.boolean(),
    // A plain string: a nullable enum inside a nullable object does not serialise (plugins/serializer.ts).
    suggestedReason: z
      .string()
      .nullable()
      .describe(`One of ${EXCEPTION_REASONS.join(', ')}`),
  })
  .describe('The SOA timing rule’s outcome (soa-timing.ts)');

const RecordRef = z.object({ type: z.enum(['sales_record', 'individual']), id: z.uuid() });
export const Form = z
  .object({
    id: z.uuid(),
    kind: z.enum(FORM_KINDS),
    status: z.enum(FORM_STATUSES),
    record: RecordRef,
    sender: z.object({ id: z.uuid(), name: z.string() }),
    channel: z.enum(FORM_CHANNELS),
    sentTo: z.string(),
    language: z.enum(FORM_LANGUAGES),
    plans: z.array(z.enum(SOA_PLANS)),
    firstContactMethod: z.enum(CONTACT_METHODS).nullable(),
    appointmentAt: Timestamp.nullable(),
    appointmentCompletedAt: Timestamp.nullable(),
    exceptionReason: z.enum(EXCEPTION_REASONS).nullable(),
    exceptionNote: z.string().nullable(),
    beneficiaryName: z.string(),
    signerName: z.string().nullable(),
    authorizedRep: z.object({ name: z.string(), relationship: z.string() }).nullable(),
    expiresAt: Timestamp,
    signedAt: Timestamp.nullable(),
    createdAt: Timestamp,
    retainUntil: Timestamp.nullable(),
    timing: Timing.nullable(),
    versions: z.array(
      z.object({
        version: z.number().int(),
        sha256: z.string(),
        sizeBytes: z.number().int(),
        createdAt: Timestamp,
      }),
    ),
    events: z.array(
      z.object({
        type: z.enum(FORM_EVENT_TYPES),
        at: Timestamp,
        ip: z.string().nullable(),
        userAgent: z.string().nullable(),
        detail: z.string().nullable().optional(),
      }),
    ),
    canEdit: z.boolean(),
    canDelete: z.boolean(),
  })
  .meta({ id: 'Form' });

const ListQuery = z
  .strictObject({ salesRecordId: Id.optional(), individualId: Id.optional() })
  .refine((q) => (q.salesRecordId ? 1 : 0) + (q.individualId ? 1 : 0) === 1, {
    message: 'Give exactly one of salesRecordId or individualId.',
    path: ['salesRecordId'],
  });

export const formRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/form-settings/:family',
      {
        schema: {
          tags,
          summary: 'SOA or ACA form settings (any signed-in user reads them; the send dialog uses them)',
          params: z.strictObject({ family: z.enum(FORM_FAMILIES) }),
          response: { 200: FormSettings, ...problems(...AUTHED) },
        },
      },
      async (request) => getFormSettings(deps, { actor: actorOf(request), family: request.params.family }),
    );
    app.patch(
      '/form-settings/:family',
      {
        schema: {
          tags,
          summary:
            'Activate and configure SOA (soa.settings.manage) or ACA forms (aca.settings.manage); retention only lengthens',
          params: z.strictObject({ family: z.enum(FORM_FAMILIES) }),
          body: FormSettingsPatch,
          response: { 200: FormSettings, ...problems(...AUTHED, 422) },
        },
      },
      async (request) =>
        updateFormSettings(deps, {
          actor: actorOf(request),
          family: request.params.family,
          patch: request.body,
        }),
    );
    app.post(
      '/forms',
      {
        schema: {
          tags,
          summary:
            'Send a form from a Sales Record or Individual: a 24-hour link by email or by text (through the messaging layer: its windows and opt-outs apply, and a refused text withdraws the form); 422 names each missing profile field',
          body: SendFormInput,
          response: { 201: Form, ...problems(...AUTHED, 404, 409, 422) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(toJson(await sendForm(deps, { actor: actorOf(request), input: request.body }))),
    );
    app.get(
      '/forms',
      {
        schema: {
          tags,
          summary:
            'The forms on a Sales Record or an Individual (an Individual’s include its converted Sales Records’)',
          querystring: ListQuery,
          response: { 200: z.object({ items: z.array(Form) }), ...problems(...AUTHED, 404) },
        },
      },
      async (request) => {
        const q = request.query;
        const record = q.salesRecordId
          ? ({ type: 'sales_record', id: q.salesRecordId } as const)
          : ({ type: 'individual', id: q.individualId! } as const);
        return toJson({ items: await listForms(deps, { actor: actorOf(request), record }) });
      },
    );
    app.get(
      '/forms/:id',
      {
        schema: {
          tags,
          summary: 'A form with its status, timing, versions and audit trail',
          params: IdParams,
          response: { 200: Form, ...problems(...AUTHED, 404) },
        },
      },
      async (request) => toJson(await getForm(deps, { actor: actorOf(request), id: request.params.id })),
    );
    app.patch(
      '/forms/:id',
      {
        schema: {
          tags,
          summary:
            'Edit a signed SOA (sender only): plans, appointment completion date, exception reason → a new PDF version',
          params: IdParams,
          body: EditFormInput,
          response: { 200: Form, ...problems(...AUTHED, 404, 409, 422) },
        },
      },
      async (request) =>
        toJson(await editForm(deps, { actor: actorOf(request), id: request.params.id, input: request.body })),
    );
    app.delete(
      '/forms/:id',
      {
        schema: {
          tags,
          summary: 'Delete a still-requested form (sender only); a signed one never, inside retention (409)',
          params: IdParams,
          response: { 204: z.null(), ...problems(...AUTHED, 404, 409) },
        },
      },
      async (request, reply) => {
        await deleteForm(deps, { actor: actorOf(request), id: request.params.id });
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/forms/:id/pdf',
      {
        schema: {
          tags,
          summary: 'The signed PDF (latest version, or `version`)',
          params: IdParams,
          querystring: z.strictObject({ version: z.coerce.number().int().min(1).max(10_000).optional() }),
          response: { 200: z.any().describe('application/pdf'), ...problems(...AUTHED, 404) },
        },
      },
      async (request, reply) => {
        const f = await openFormPdf(deps, {
          actor: actorOf(request),
          id: request.params.id,
          version: request.query.version,
        });
        reply
          .header('content-type', 'application/pdf')
          .header('content-length', String(f.sizeBytes))
          .header('content-disposition', `attachment; filename="${f.name}"`)
          .header('x-content-sha256', f.sha256)
          .header('cache-control', 'private, no-store');
        return reply.send(f.stream);
      },
    );
  };
