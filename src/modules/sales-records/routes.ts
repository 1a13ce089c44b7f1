import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AUTHED, IdParams, page, problems, Timestamp, toJson } from '../../server/http-schemas.ts';
import { actorOf, userActorOf } from '../../server/plugins/auth.ts';
import { DASHBOARD_WHOSE, salesDashboard } from './dashboard.ts';
import { createSavedView, deleteSavedView, listSavedViews, SavedViewInput } from './saved-views.ts';
import { temperaturePeriodsOf } from '../accounts/index.ts';
import { CreateSalesRecordInput, UpdateSalesRecordInput } from './fields.ts';
import { ListSalesRecordsQuery, listSalesRecords } from './list-sales-records.ts';
import { PersonOutput } from '../person/index.ts';
import { createSalesRecord, getSalesRecord, updateSalesRecord } from './sales-records.ts';
import { BulkUpdateInput, bulkUpdateSalesRecords } from './bulk-update.ts';
import { BatchConvertInput, convertSalesRecord, convertSalesRecords } from './convert-sales-record.ts';
import {
  deleteSalesRecord,
  listDeletedSalesRecords,
  restoreSalesRecord,
  RETENTION_NOTICE,
} from './delete-sales-record.ts';
import { TEMPERATURES } from './schema.ts';

const s = z.string().nullable();
export const SalesRecordSchema = z
  .object({
    ...PersonOutput,
    recordTypeId: z.uuid(),
    statusId: z.uuid(),
    coverageType: s,
    carrier: s,
    product: s,
    assignedUserId: z.uuid().nullable(),
    assignedAgentId: z.uuid().nullable(),
    /** The Agent Record's name (a downline's agent is not among the reader's own agents). */
    assignedAgentName: s,
    leadSource: s,
    leadDate: s,
    manualTemperature: z.enum(TEMPERATURES).nullable(),
    /** None (null) when the record's status is closed (won or lost). */
    temperature: z.enum(TEMPERATURES).nullable(),
    individualId: z.uuid().nullable(),
    convertedAt: Timestamp.nullable(),
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
    assignedAgentName: s,
    leadSource: s,
    manualTemperature: z.enum(TEMPERATURES).nullable(),
    /** None (null) when the record's status is closed (won or lost). */
    temperature: z.enum(TEMPERATURES).nullable(),
    convertedAt: Timestamp.nullable(),

    createdAt: Timestamp,
  })
  .meta({ id: 'SalesRecordListItem' });

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
            periods: await temperaturePeriodsOf(deps, actor),
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
          response: { 201: SalesRecordSchema, ...problems(...AUTHED, 404) },
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
          response: { 200: SalesRecordSchema, ...problems(...AUTHED, 404) },
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
          response: { 200: SalesRecordSchema, ...problems(...AUTHED, 404) },
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
    app.delete(
      '/sales-records/:id',
      {
        schema: {
          tags,
          summary: `Delete (Delete on its type; recoverable by an admin for 30 days). ${RETENTION_NOTICE}`,
          params: IdParams,
          querystring: z.strictObject({ acknowledgeRetention: z.enum(['true', 'false']).default('false') }),
          response: { 204: z.null(), ...problems(...AUTHED, 404, 422) },
        },
      },
      async (request, reply) => {
        await deleteSalesRecord(deps, {
          actor: actorOf(request),
          id: request.params.id,
          acknowledgeRetention: request.query.acknowledgeRetention === 'true',
        });
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/sales-records/deleted',
      {
        schema: {
          tags,
          summary: 'Deleted records still recoverable (Manage Users)',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.uuid(),
                  firstName: z.string(),
                  lastName: z.string(),
                  deletedAt: Timestamp,
                  deletedByUserId: z.uuid().nullable(),
                  recoverableUntil: Timestamp,
                }),
              ),
            }),
            ...problems(...AUTHED),
          },
        },
      },
      async (request) => ({
        items: toJson(await listDeletedSalesRecords(deps, { actor: actorOf(request) })),
      }),
    );
    app.post(
      '/sales-records/:id/restore',
      {
        schema: {
          tags,
          summary: 'Restore a deleted record within 30 days (Manage Users)',
          params: IdParams,
          response: { 204: z.null(), ...problems(...AUTHED, 404, 410) },
        },
      },
      async (request, reply) => {
        await restoreSalesRecord(deps, { actor: actorOf(request), id: request.params.id });
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/sales-records/dashboard',
      {
        schema: {
          tags,
          summary:
            'Dashboard of open records (not converted, status not closed): counts by record type (with temperatures) and status, and recent records — your own (assigned to you or your Linked Agents) by default, or all within your scope',
          querystring: z.strictObject({ whose: z.enum(DASHBOARD_WHOSE).default('mine') }),
          response: {
            200: z.object({
              byRecordType: z.array(
                z.object({
                  recordTypeId: z.uuid(),
                  count: z.number().int(),
                  temperatures: z.object({
                    hot: z.number().int(),
                    warm: z.number().int(),
                    cool: z.number().int(),
                    cold: z.number().int(),
                  }),
                }),
              ),
              byStatus: z.array(z.object({ statusId: z.uuid(), count: z.number().int() })),
              recent: z.array(
                z.object({
                  id: z.uuid(),
                  firstName: z.string(),
                  lastName: z.string(),
                  recordTypeId: z.uuid(),
                  statusId: z.uuid(),
                  createdAt: Timestamp,
                  manualTemperature: z.enum(TEMPERATURES).nullable(),
                  temperature: z.enum(TEMPERATURES),
                }),
              ),
            }),
            ...problems(...AUTHED),
          },
        },
      },
      async (request) =>
        toJson(await salesDashboard(deps, { actor: actorOf(request), whose: request.query.whose })),
    );
    const SavedView = z
      .object({
        id: z.uuid(),
        name: z.string(),
        query: z.record(z.string(), z.unknown()),
        createdAt: Timestamp,
      })
      .meta({ id: 'SavedView' });
    app.get(
      '/saved-views',
      {
        schema: {
          tags,
          summary: 'My saved lead-list views',
          response: { 200: z.object({ items: z.array(SavedView) }), ...problems(...AUTHED) },
        },
      },
      async (request) => ({ items: toJson(await listSavedViews(deps, { actor: userActorOf(request) })) }),
    );
    app.post(
      '/saved-views',
      {
        schema: {
          tags,
          summary: 'Save the current filters, search and sort as a named view',
          body: SavedViewInput,
          response: { 201: SavedView, ...problems(...AUTHED, 409, 422) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(toJson(await createSavedView(deps, { actor: userActorOf(request), input: request.body }))),
    );
    app.delete(
      '/saved-views/:id',
      {
        schema: {
          tags,
          summary: 'Delete one of my views',
          params: IdParams,
          response: { 204: z.null(), ...problems(...AUTHED, 404) },
        },
      },
      async (request, reply) => {
        await deleteSavedView(deps, { actor: actorOf(request), id: request.params.id });
        return reply.code(204).send(null);
      },
    );
    app.post(
      '/sales-records/bulk',
      {
        schema: {
          tags,
          summary: 'Assign or change the status of selected records (all or nothing)',
          body: BulkUpdateInput,
          response: { 200: z.object({ updated: z.number().int() }), ...problems(...AUTHED, 404) },
        },
      },
      async (request) => bulkUpdateSalesRecords(deps, { actor: actorOf(request), input: request.body }),
    );
    app.post(
      '/sales-records/:id/convert',
      {
        schema: {
          tags,
          summary:
            'Convert a closed-won Sales Record to an Individual (or merge into the Individual it was made for); the record stays read-only',
          params: IdParams,
          response: {
            200: z.object({ individualId: z.uuid(), merged: z.boolean() }),
            ...problems(...AUTHED, 404, 409, 422),
          },
        },
      },
      async (request) => convertSalesRecord(deps, { actor: actorOf(request), id: request.params.id }),
    );
    app.post(
      '/sales-records/convert',
      {
        schema: {
          tags,
          summary:
            'Convert selected Sales Records, each in its own transaction; the answer lists each outcome',
          body: BatchConvertInput,
          response: {
            200: z.object({
              converted: z.number().int(),
              results: z.array(
                z.union([
                  z.object({ id: z.uuid(), individualId: z.uuid() }),
                  z.object({ id: z.uuid(), error: z.string(), status: z.number().int() }),
                ]),
              ),
            }),
            ...problems(...AUTHED),
          },
        },
      },
      async (request) => convertSalesRecords(deps, { actor: actorOf(request), ids: request.body.ids }),
    );
  };
