import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AUTHED, IdParams, page, problems, Timestamp, toJson } from '../../server/http-schemas.ts';
import { actorOf } from '../../server/plugins/auth.ts';
import {
  FromIndividualInput,
  NoteInput,
  SalesRecordSchema,
  createSalesRecordForIndividual,
} from '../sales-records/index.ts';
import { listClientSalesRecords } from './client-sales-records.ts';
import { individualHistory } from './individual-history.ts';
import {
  addIndividualNote,
  CreateIndividualInput,
  createIndividual,
  getIndividual,
  ListIndividualsQuery,
  listIndividualNotes,
  listIndividuals,
  UpdateIndividualInput,
  updateIndividual,
} from './individuals.ts';

const s = z.string().nullable();
const Individual = z
  .object({
    id: z.uuid(),
    firstName: z.string(),
    middleName: s,
    lastName: z.string(),
    dateOfBirth: s,
    gender: s,
    email: s,
    phone: s,
    cellPhone: s,
    street: s,
    city: s,
    state: s,
    zip: s,
    county: s,
    medicareNumber: s,
    partADate: s,
    partBDate: s,
    servicingAgentId: z.uuid().nullable(),
    customFields: z.record(z.string(), z.unknown()),
    createdByUserId: z.uuid().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Individual' });
const ListItem = Individual.pick({
  id: true,
  firstName: true,
  lastName: true,
  email: true,
  phone: true,
  cellPhone: true,
  city: true,
  state: true,
  servicingAgentId: true,
  createdAt: true,
});
const Person = z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }).nullable();
const Note = z.object({
  id: z.uuid(),
  body: z.string(),
  createdAt: Timestamp,
  fromSalesRecordId: z.uuid().nullable(),
  author: Person,
});
const HistoryEvent = z
  .object({
    id: z.uuid(),
    type: z.string(),
    occurredAt: Timestamp,
    subjectType: z.enum(['individual', 'policy']),
    subjectId: z.uuid(),
    data: z.record(z.string(), z.unknown()),
    actor: Person,
  })
  .meta({ id: 'IndividualHistoryEvent' });
const ClientSalesRecord = z
  .object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    recordTypeId: z.uuid(),
    recordTypeName: z.string(),
    statusId: z.uuid(),
    statusName: z.string(),
    isClosedWon: z.boolean(),
    coverageType: s,
    carrier: s,
    product: s,
    assignedUserId: z.uuid().nullable(),
    assignedAgentId: z.uuid().nullable(),
    convertedAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'ClientSalesRecord' });
const tags = ['individuals'];

export const individualRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/individuals',
      {
        schema: {
          tags,
          summary: 'Individuals (clients) within your reach',
          querystring: ListIndividualsQuery,
          response: { 200: page(ListItem), ...problems(...AUTHED) },
        },
      },
      async (request) =>
        toJson(await listIndividuals(deps, { actor: actorOf(request), query: request.query })),
    );
    app.post(
      '/individuals',
      {
        schema: {
          tags,
          summary: 'Add an Individual',
          body: CreateIndividualInput,
          response: { 201: Individual, ...problems(...AUTHED, 404) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(toJson(await createIndividual(deps, { actor: actorOf(request), input: request.body }))),
    );
    app.get(
      '/individuals/:id',
      {
        schema: {
          tags,
          summary: 'One Individual',
          params: IdParams,
          response: { 200: Individual, ...problems(...AUTHED, 404) },
        },
      },
      async (request) =>
        toJson(await getIndividual(deps, { actor: actorOf(request), id: request.params.id })),
    );
    app.patch(
      '/individuals/:id',
      {
        schema: {
          tags,
          summary: 'Edit an Individual',
          params: IdParams,
          body: UpdateIndividualInput,
          response: { 200: Individual, ...problems(...AUTHED, 404) },
        },
      },
      async (request) =>
        toJson(
          await updateIndividual(deps, {
            actor: actorOf(request),
            id: request.params.id,
            patch: request.body,
          }),
        ),
    );
    app.get(
      '/individuals/:id/notes',
      {
        schema: {
          tags,
          summary: 'Notes (including those carried over from Sales Records)',
          params: IdParams,
          response: { 200: z.object({ items: z.array(Note) }), ...problems(...AUTHED, 404) },
        },
      },
      async (request) => ({
        items: toJson(
          await listIndividualNotes(deps, { actor: actorOf(request), individualId: request.params.id }),
        ),
      }),
    );
    app.post(
      '/individuals/:id/notes',
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
            await addIndividualNote(deps, {
              actor: actorOf(request),
              individualId: request.params.id,
              body: request.body.body,
            }),
          ),
        ),
    );
    app.get(
      '/individuals/:id/history',
      {
        schema: {
          tags,
          summary: 'The client’s audit trail (the client and its policies): who changed what, from → to',
          params: IdParams,
          response: { 200: z.object({ items: z.array(HistoryEvent) }), ...problems(...AUTHED, 404) },
        },
      },
      async (request) => ({
        items: toJson(
          await individualHistory(deps, { actor: actorOf(request), individualId: request.params.id }),
        ),
      }),
    );
    app.get(
      '/individuals/:id/sales-records',
      {
        schema: {
          tags,
          summary:
            'The client’s Sales Records (created for it or converted into it) that you may see, newest first',
          params: IdParams,
          response: { 200: z.object({ items: z.array(ClientSalesRecord) }), ...problems(...AUTHED, 404) },
        },
      },
      async (request) => ({
        items: toJson(
          await listClientSalesRecords(deps, { actor: actorOf(request), individualId: request.params.id }),
        ),
      }),
    );
    app.post(
      '/individuals/:id/sales-records',
      {
        schema: {
          tags,
          summary: 'Create a Sales Record for this existing Individual (a new sale to a client)',
          params: IdParams,
          body: FromIndividualInput,
          response: { 201: SalesRecordSchema, ...problems(...AUTHED, 404) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          toJson(
            await createSalesRecordForIndividual(deps, {
              actor: actorOf(request),
              individualId: request.params.id,
              input: request.body,
            }),
          ),
        ),
    );
  };
