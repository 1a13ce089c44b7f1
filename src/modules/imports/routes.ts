import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { AUTHED, IdParams, problems, Timestamp, toJson } from '../../server/http-schemas.ts';
import { actorOf } from '../../server/plugins/auth.ts';
import { LEAD_FIELDS, NOTE_HEADING } from '../intake/index.ts';
import { csvCell } from './csv.ts';
import { getImport, importErrorReport, listImports, rollbackImport } from './manage-imports.ts';
import { IMPORT_STATUSES } from './schema.ts';
import { resumeImport, StartImportInput, startImport } from './start-import.ts';
import { uploadImport } from './upload-import.ts';
import { safeFileName } from '../../lib/file-names.ts';

const Import = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    status: z.enum(IMPORT_STATUSES),
    encoding: z.string(),
    sizeBytes: z.number().int(),
    headings: z.array(z.string()),
    mapping: z.array(z.object({ heading: z.string(), target: z.string() })).nullable(),
    options: z.record(z.string(), z.unknown()).nullable(),
    totalRows: z.number().int(),
    processedRows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
    lastError: z.string().nullable(),
    createdByUserId: z.uuid().nullable(),
    createdAt: Timestamp,
    startedAt: Timestamp.nullable(),
    finishedAt: Timestamp.nullable(),
  })
  .meta({ id: 'Import' });
const tags = ['imports'];
const template = [...LEAD_FIELDS.map((f) => f.heading), NOTE_HEADING].map(csvCell).join(',') + '\r\n';

export const importRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/imports/columns',
      {
        schema: {
          tags,
          summary: 'The documented CSV column headings (matched exactly), with their API field names',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  key: z.string(),
                  heading: z.string(),
                  required: z.boolean(),
                  hint: z.string().nullable(),
                }),
              ),
            }),
            ...problems(...AUTHED),
          },
        },
      },
      async () => ({
        items: [
          ...LEAD_FIELDS.map((f) => ({
            key: f.key,
            heading: f.heading,
            required: 'required' in f && f.required === true,
            hint: 'hint' in f ? f.hint : null,
          })),
          {
            key: 'note',
            heading: NOTE_HEADING,
            required: false,
            hint: 'Each non-empty cell becomes a note; any other column can be mapped to Note too.',
          },
        ],
      }),
    );
    app.get(
      '/imports/template.csv',
      {
        schema: {
          tags,
          summary: 'A CSV template with every documented heading',
          response: { 200: z.string(), ...problems(...AUTHED) },
        },
      },
      async (_request, reply) =>
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="openams-leads-template.csv"')
          .send(template),
    );
    app.get(
      '/imports',
      {
        schema: {
          tags,
          summary: 'Import history',
          response: { 200: z.object({ items: z.array(Import) }), ...problems(...AUTHED) },
        },
      },
      async (request) => ({
        items: toJson(await listImports(deps, { actor: actorOf(request) })),
      }),
    );
    app.post(
      '/imports',
      {
        schema: {
          tags,
          summary:
            'Step 1: upload a CSV (multipart field "file"): returns the row count, headings, suggested mapping and the first rows',
          consumes: ['multipart/form-data'],
          response: {
            201: z.object({
              id: z.uuid(),
              fileName: z.string(),
              encoding: z.string(),
              totalRows: z.number().int(),
              headings: z.array(z.string()),
              suggestedMapping: z.array(z.object({ heading: z.string(), target: z.string() })),
              preview: z.array(z.array(z.string())),
              /** Each preview row's number, headings being row 1: the error report's Row. */
              previewRows: z.array(z.number().int()),
            }),
            ...problems(...AUTHED),
          },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart())
          throw new AppError('validation', 'Send the CSV as multipart/form-data in a field named "file".', {
            errors: [{ path: 'file', message: 'Required.' }],
          });
        const part = await request.file({ limits: { fileSize: deps.config.importMaxBytes + 1 } });
        if (!part || part.fieldname !== 'file')
          throw new AppError('validation', 'Send the CSV in a field named "file".', {
            errors: [{ path: 'file', message: 'Required.' }],
          });
        return reply.code(201).send(
          await uploadImport(deps, {
            actor: actorOf(request),
            filename: safeFileName(part.filename),
            body: part.file,
          }),
        );
      },
    );
    app.get(
      '/imports/:id',
      {
        schema: {
          tags,
          summary: 'One import and its progress',
          params: IdParams,
          response: { 200: Import, ...problems(...AUTHED, 404) },
        },
      },
      async (request) => toJson(await getImport(deps, { actor: actorOf(request), id: request.params.id })),
    );
    app.post(
      '/imports/:id/start',
      {
        schema: {
          tags,
          summary: 'Step 2: confirm the mapping and defaults; the import runs in the background',
          params: IdParams,
          body: StartImportInput,
          response: { 202: Import, ...problems(...AUTHED, 404, 409) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        await startImport(deps, { actor, id: request.params.id, input: request.body });
        return reply.code(202).send(toJson(await getImport(deps, { actor, id: request.params.id })));
      },
    );
    app.post(
      '/imports/:id/resume',
      {
        schema: {
          tags,
          summary: 'Continue a failed import from its last committed batch',
          params: IdParams,
          response: { 202: Import, ...problems(...AUTHED, 404, 409) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        await resumeImport(deps, { actor, id: request.params.id });
        return reply.code(202).send(toJson(await getImport(deps, { actor, id: request.params.id })));
      },
    );
    app.post(
      '/imports/:id/rollback',
      {
        schema: {
          tags,
          summary: 'Remove the records this import created',
          params: IdParams,
          response: { 200: z.object({ removed: z.number().int() }), ...problems(...AUTHED, 404, 409) },
        },
      },
      async (request) => rollbackImport(deps, { actor: actorOf(request), id: request.params.id }),
    );
    app.get(
      '/imports/:id/errors.csv',
      {
        schema: {
          tags,
          summary: 'The error report: row, column, reason',
          params: IdParams,
          response: { 200: z.string(), ...problems(...AUTHED, 404) },
        },
      },
      async (request, reply) =>
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="import-${request.params.id}-errors.csv"`)
          .send(await importErrorReport(deps, { actor: actorOf(request), id: request.params.id })),
    );
  };
