import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AUTHED, IdParams, problems } from '../../server/http-schemas.ts';
import { actorOf } from '../../server/plugins/auth.ts';
import { getAccount } from '../accounts/index.ts';
import {
  createRecordType,
  deleteRecordType,
  listRecordTypes,
  RecordTypeInput,
  RecordTypePatch,
  updateRecordType,
} from './record-types.ts';

const RecordType = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    sortOrder: z.number().int(),
    listOptions: z.object({ columns: z.array(z.string()), sort: z.string() }),
    isDefault: z.boolean(),
    statuses: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        sortOrder: z.number().int(),
        isClosedWon: z.boolean(),
        isClosed: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'RecordType' });
const tags = ['record-types'];

export const recordTypeRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const list = async (actor: ReturnType<typeof actorOf>) => {
      const account = await getAccount(deps, { actor });
      return listRecordTypes(deps, { actor, defaultRecordTypeId: account.defaultRecordTypeId });
    };
    app.get(
      '/record-types',
      {
        schema: {
          tags,
          summary: 'Record Types with their ordered Statuses (any signed-in user)',
          response: { 200: z.object({ items: z.array(RecordType) }), ...problems(...AUTHED) },
        },
      },
      async (request) => ({ items: await list(actorOf(request)) }),
    );
    app.post(
      '/record-types',
      {
        schema: {
          tags,
          summary: 'Create a Record Type (at most 10 per account)',
          body: RecordTypeInput,
          response: { 201: RecordType, ...problems(...AUTHED, 409, 422) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const id = await createRecordType(deps, { actor, input: request.body });
        return reply.code(201).send((await list(actor)).find((t) => t.id === id)!);
      },
    );
    app.patch(
      '/record-types/:id',
      {
        schema: {
          tags,
          summary:
            'Edit a Record Type; `statuses` is the full ordered list (ids keep, new ones add, missing ones go)',
          params: IdParams,
          body: RecordTypePatch,
          response: { 200: RecordType, ...problems(...AUTHED, 404, 409) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await updateRecordType(deps, { actor, id: request.params.id, patch: request.body });
        return (await list(actor)).find((t) => t.id === request.params.id)!;
      },
    );
    app.delete(
      '/record-types/:id',
      {
        schema: {
          tags,
          summary: 'Delete a Record Type (not the default)',
          params: IdParams,
          response: { 204: z.null(), ...problems(...AUTHED, 404, 422) },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const account = await getAccount(deps, { actor });
        await deleteRecordType(deps, {
          actor,
          id: request.params.id,
          defaultRecordTypeId: account.defaultRecordTypeId,
        });
        return reply.code(204).send(null);
      },
    );
  };
