import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { AUTHED, IdParams, problems, Timestamp, toJson } from '../../server/http-schemas.ts';
import { actorOf } from '../../server/plugins/auth.ts';
import type { RecordOwner } from '../records/index.ts';
import { addLink, deleteFile, LinkInput, listFiles, openFile, uploadFile } from './files.ts';

const FileSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['upload', 'url']),
    name: z.string(),
    url: z.string().nullable(),
    contentType: z.string().nullable(),
    sizeBytes: z.number().int().nullable(),
    sha256: z.string().nullable(),
    uploadedByUserId: z.uuid().nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'RecordFile' });
const tags = ['files'];

export const fileRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    for (const [base, kind] of [
      ['/sales-records/:id', 'sales_record'],
      ['/individuals/:id', 'individual'],
    ] as const) {
      const owner = (id: string): RecordOwner => ({ kind, id });
      app.get(
        `${base}/files`,
        {
          schema: {
            tags,
            summary: 'Files and links',
            params: IdParams,
            response: { 200: z.object({ items: z.array(FileSchema) }), ...problems(...AUTHED, 404) },
          },
        },
        async (request) => ({
          items: toJson(await listFiles(deps, { actor: actorOf(request), owner: owner(request.params.id) })),
        }),
      );
      app.post(
        `${base}/files`,
        {
          schema: {
            tags,
            summary:
              'Upload a file (multipart/form-data, field "file"; PDF, images, Office documents, CSV, text; size limit FILE_MAX_BYTES)',
            params: IdParams,
            consumes: ['multipart/form-data'],
            response: { 201: FileSchema, ...problems(...AUTHED, 404, 413, 422) },
          },
        },
        async (request, reply) => {
          if (!request.isMultipart())
            throw new AppError(
              'validation',
              'Send the file as multipart/form-data in a field named "file".',
              { errors: [{ path: 'file', message: 'Required.' }] },
            );
          const part = await request.file();
          if (!part || part.fieldname !== 'file')
            throw new AppError('validation', 'Send the file in a field named "file".', {
              errors: [{ path: 'file', message: 'Required.' }],
            });
          const row = await uploadFile(deps, {
            actor: actorOf(request),
            owner: owner(request.params.id),
            filename: part.filename,
            body: part.file,
          });
          return reply.code(201).send(toJson(row));
        },
      );
      app.post(
        `${base}/links`,
        {
          schema: {
            tags,
            summary: 'Attach a URL',
            params: IdParams,
            body: LinkInput,
            response: { 201: FileSchema, ...problems(...AUTHED, 404, 422) },
          },
        },
        async (request, reply) =>
          reply.code(201).send(
            toJson(
              await addLink(deps, {
                actor: actorOf(request),
                owner: owner(request.params.id),
                input: request.body,
              }),
            ),
          ),
      );
    }
    app.get(
      '/files/:id/content',
      {
        schema: {
          tags,
          summary: 'Download an uploaded file',
          params: IdParams,
          response: { 200: z.any().describe('The file'), ...problems(...AUTHED, 404) },
        },
      },
      async (request, reply) => {
        const f = await openFile(deps, { actor: actorOf(request), id: request.params.id });
        reply
          .header('content-type', f.contentType)
          .header('content-length', String(f.sizeBytes))
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
          .header('cache-control', 'private, no-store');
        return reply.send(f.stream);
      },
    );
    app.delete(
      '/files/:id',
      {
        schema: {
          tags,
          summary: 'Remove a file or link',
          params: IdParams,
          response: { 204: z.null(), ...problems(...AUTHED, 404, 422) },
        },
      },
      async (request, reply) => {
        await deleteFile(deps, { actor: actorOf(request), id: request.params.id });
        return reply.code(204).send(null);
      },
    );
  };
