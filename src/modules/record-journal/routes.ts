import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AUTHED, IdParams, problems, toJson } from '../../server/http-schemas.ts';
import { actorOf } from '../../server/plugins/auth.ts';
import { recordHistory } from './history.ts';
import { HistoryEvent, Note, NoteParams } from './http-schemas.ts';
import { addRecordNote, listRecordNotes, NoteInput, removeRecordNote } from './notes.ts';
import type { RecordOwner } from '../records/index.ts';

/**
 * Notes and history of Sales Records and Individuals: one implementation, registered for both
 * kinds under each kind's path. They live here, above both record modules, so neither record
 * module depends on this one (docs/ARCHITECTURE.md, layers).
 */
const KINDS: { kind: RecordOwner['kind']; path: string; tags: string[] }[] = [
  { kind: 'sales_record', path: 'sales-records', tags: ['sales-records'] },
  { kind: 'individual', path: 'individuals', tags: ['individuals'] },
];

export const recordRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    for (const { kind, path, tags } of KINDS) {
      app.get(
        `/${path}/:id/notes`,
        {
          schema: {
            tags,
            summary: 'Notes, newest first',
            params: IdParams,
            response: { 200: z.object({ items: z.array(Note) }), ...problems(...AUTHED, 404) },
          },
        },
        async (request) => ({
          items: toJson(
            await listRecordNotes(deps, { actor: actorOf(request), record: { kind, id: request.params.id } }),
          ),
        }),
      );
      app.post(
        `/${path}/:id/notes`,
        {
          schema: {
            tags,
            summary: 'Add a note',
            params: IdParams,
            body: NoteInput,
            response: { 201: Note, ...problems(...AUTHED, 404) },
          },
        },
        async (request, reply) =>
          reply.code(201).send(
            toJson(
              await addRecordNote(deps, {
                actor: actorOf(request),
                record: { kind, id: request.params.id },
                body: request.body.body,
              }),
            ),
          ),
      );
      app.delete(
        `/${path}/:id/notes/:noteId`,
        {
          schema: {
            tags,
            summary: 'Remove a note (the history keeps what it said)',
            params: NoteParams,
            response: { 204: z.null(), ...problems(...AUTHED, 404) },
          },
        },
        async (request, reply) => {
          await removeRecordNote(deps, {
            actor: actorOf(request),
            record: { kind, id: request.params.id },
            noteId: request.params.noteId,
          });
          return reply.code(204).send(null);
        },
      );
      app.get(
        `/${path}/:id/history`,
        {
          schema: {
            tags,
            summary:
              'The record’s audit trail: who changed which fields, from → to; notes, files, policies and activities added and removed',
            params: IdParams,
            response: { 200: z.object({ items: z.array(HistoryEvent) }), ...problems(...AUTHED, 404) },
          },
        },
        async (request) => ({
          items: toJson(
            await recordHistory(deps, { actor: actorOf(request), record: { kind, id: request.params.id } }),
          ),
        }),
      );
    }
  };
