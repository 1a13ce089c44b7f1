import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AUTHED, IdParams, page, problems, Timestamp, toJson } from '../../server/http-schemas.ts';
import { actorOf } from '../../server/plugins/auth.ts';
import { getAccount } from '../accounts/account-settings.ts';
import { CreateSalesRecordInput, UpdateSalesRecordInput } from './fields.ts';
import { ListSalesRecordsQuery, listSalesRecords } from './list-sales-records.ts';
import { addNote, listNotes, NoteInput, salesRecordHistory } from './notes.ts';
import { createSalesRecord, getSalesRecord, updateSalesRecord } from './sales-records.ts';
import { GENDERS, TEMPERATURES } from './schema.ts';

const s = z.string().nullable();
const SalesRecord = z
  .object({
    id: z.uuid(),
    recordTypeId: z.uuid(),
    statusId: z.uuid(),
    firstName: z.string(),
    middleName: s,
    lastName: z.string(),
    dateOfBirth: s,
    gender: z.enum(GENDERS).nullable(),
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
    coverageType: s,
    carrier: s,
    product: s,
    assignedUserId: z.uuid().nullable(),
    assignedAgentId: z.uuid().nullable(),
    leadSource: s,
    leadDate: s,
    manualTemperature: z.enum(TEMPERATURES).nullable(),
    customFields: z.record(z.string(), z.unknown()),
    createdByUserId: z.uuid().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'SalesRecord' });

const ListItem = z
  .object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    email: s,
    phone: s,
    cellPhone: s,
    city: s,
    state: s,
    recordTypeId: z.uuid(),
    statusId: z.uuid(),
    assignedUserId: z.uuid().nullable(),
    assignedAgentId: z.uuid().nullable(),
    leadSource: s,
    manualTemperature: z.enum(TEMPERATURES).nullable(),
    temperature: z.enum(TEMPERATURES),
    createdAt: Timestamp,
  })
  .meta({ id: 'SalesRecordListItem' });

const Person = z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }).nullable();
const Note = z
  .object({ id: z.uuid(), body: z.string(), createdAt: Timestamp, author: Person })
  .meta({ id: 'Note' });
const HistoryEvent = z
  .object({
    id: z.uuid(),
    type: z.string(),
    occurredAt: Timestamp,
    data: z.record(z.string(), z.unknown()),
    actor: Person,
  })
  .meta({ id: 'HistoryEvent' });
const tags = ['sales-records'];

export const salesRecordRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/sales-records',
      {
        schema: {
          tags,
          summary:
            'The lead list: search (name, email, phone in any format), filters, sort, cursor pages — within your record scope',
          querystring: ListSalesRecordsQuery,
          response: { 200: page(ListItem), ...problems(...AUTHED) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        return toJson(
          await listSalesRecords(deps, {
            actor,
            query: request.query,
            periods: (await getAccount(deps, { actor })).temperaturePeriods,
          }),
        );
      },
    );
    app.post(
      '/sales-records',
      {
        schema: {
          tags,
          summary: 'Add a Sales Record (Add on its record type)',
          body: CreateSalesRecordInput,
          response: { 201: SalesRecord, ...problems(...AUTHED, 404) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(toJson(await createSalesRecord(deps, { actor: actorOf(request), input: request.body }))),
    );
    app.get(
      '/sales-records/:id',
      {
        schema: {
          tags,
          summary: 'One Sales Record (404 outside your record scope)',
          params: IdParams,
          response: { 200: SalesRecord, ...problems(...AUTHED, 404) },
        },
      },
      async (request) =>
        toJson(await getSalesRecord(deps, { actor: actorOf(request), id: request.params.id })),
    );
    app.patch(
      '/sales-records/:id',
      {
        schema: {
          tags,
          summary: 'Edit a Sales Record (Edit on its record type)',
          params: IdParams,
          body: UpdateSalesRecordInput,
          response: { 200: SalesRecord, ...problems(...AUTHED, 404) },
        },
      },
      async (request) =>
        toJson(
          await updateSalesRecord(deps, {
            actor: actorOf(request),
            id: request.params.id,
            patch: request.body,
          }),
        ),
    );
    app.get(
      '/sales-records/:id/notes',
      {
        schema: {
          tags,
          summary: 'Notes, newest first',
          params: IdParams,
          response: { 200: z.object({ items: z.array(Note) }), ...problems(...AUTHED, 404) },
        },
      },
      async (request) => ({
        items: toJson(await listNotes(deps, { actor: actorOf(request), salesRecordId: request.params.id })),
      }),
    );
    app.post(
      '/sales-records/:id/notes',
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
            await addNote(deps, {
              actor: actorOf(request),
              salesRecordId: request.params.id,
              body: request.body.body,
            }),
          ),
        ),
    );
    app.get(
      '/sales-records/:id/history',
      {
        schema: {
          tags,
          summary: 'The record’s audit trail: who changed which fields, from → to',
          params: IdParams,
          response: { 200: z.object({ items: z.array(HistoryEvent) }), ...problems(...AUTHED, 404) },
        },
      },
      async (request) => ({
        items: toJson(
          await salesRecordHistory(deps, { actor: actorOf(request), salesRecordId: request.params.id }),
        ),
      }),
    );
  };
