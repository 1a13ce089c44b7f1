import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AUTHED, IdParams, problems, Timestamp, toJson } from '../../server/http-schemas.ts';
import { actorOf } from '../../server/plugins/auth.ts';
import { POLICY_STATUSES, RENEWAL_CYCLES } from '../policies/index.ts';
import type { RecordOwner } from '../records/index.ts';
import {
  addCommission,
  CommissionInput,
  CommissionPatch,
  deleteCommission,
  updateCommission,
} from './commissions.ts';
import { recordCommissions } from './record-commissions.ts';
import { COMMISSION_BASES, COMMISSION_KINDS } from './schema.ts';

const Money = z.string().describe('Decimal amount in US dollars, e.g. "1250.00"');
const Commission = z
  .object({
    id: z.uuid(),
    policyId: z.uuid(),
    kind: z.enum(COMMISSION_KINDS),
    basis: z.enum(COMMISSION_BASES),
    ratePercent: z.string().nullable().describe('Percentage of the annual premium, e.g. "20.000"'),
    amount: Money.nullable().describe('Flat amount a year'),
    payer: z.string(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Commission' });

const PolicyCommissions = z
  .object({
    policy: z.object({
      id: z.uuid(),
      carrier: z.string(),
      product: z.string(),
      status: z.enum(POLICY_STATUSES),
      premium: Money.nullable().describe('Monthly premium'),
      effectiveDate: z.iso.date().nullable(),
      renewalCycle: z.enum(RENEWAL_CYCLES).nullable(),
    }),
    annualPremium: Money.nullable(),
    policyYear: z.number().int().nullable().describe('1 = first year; 0 = not yet in force'),
    nextRenewalDate: z.iso.date().nullable(),
    daysUntilRenewal: z.number().int().nullable(),
    renewalUpcoming: z.boolean(),
    commissions: z.array(Commission.extend({ expectedAnnual: Money.nullable() })),
    expected: z.object({
      firstYear: Money.nullable(),
      renewal: Money.nullable(),
      thisYear: Money.nullable(),
      needsPremium: z.boolean(),
    }),
  })
  .meta({ id: 'PolicyCommissions' });

const AsOfQuery = z.strictObject({
  asOf: z.iso.date({ message: 'Must be a date as YYYY-MM-DD.' }).optional(),
});
const tags = ['policies'];

export const commissionRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    for (const [base, kind] of [
      ['/sales-records/:id', 'sales_record'],
      ['/individuals/:id', 'individual'],
    ] as const) {
      const owner = (id: string): RecordOwner => ({ kind, id });
      app.get(
        `${base}/commissions`,
        {
          schema: {
            tags,
            summary: `Commissions and renewals of the ${kind.replace('_', ' ')}’s policies (upcoming renewals first)`,
            params: IdParams,
            querystring: AsOfQuery,
            response: {
              200: z.object({
                asOf: z.iso.date(),
                upcomingWithinDays: z.number().int(),
                items: z.array(PolicyCommissions),
              }),
              ...problems(...AUTHED, 404),
            },
          },
        },
        async (request) =>
          toJson(
            await recordCommissions(deps, {
              actor: actorOf(request),
              owner: owner(request.params.id),
              asOf: request.query.asOf,
            }),
          ),
      );
    }
    app.post(
      '/policies/:id/commissions',
      {
        schema: {
          tags,
          summary: 'Add an expected commission to a policy',
          params: IdParams,
          body: CommissionInput,
          response: { 201: Commission, ...problems(...AUTHED, 404, 422) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          toJson(
            await addCommission(deps, {
              actor: actorOf(request),
              policyId: request.params.id,
              input: request.body,
            }),
          ),
        ),
    );
    app.patch(
      '/commissions/:id',
      {
        schema: {
          tags,
          summary: 'Edit an expected commission',
          params: IdParams,
          body: CommissionPatch,
          response: { 200: Commission, ...problems(...AUTHED, 404, 422) },
        },
      },
      async (request) =>
        toJson(
          await updateCommission(deps, {
            actor: actorOf(request),
            id: request.params.id,
            patch: request.body,
          }),
        ),
    );
    app.delete(
      '/commissions/:id',
      {
        schema: {
          tags,
          summary: 'Remove an expected commission',
          params: IdParams,
          response: { 204: z.null(), ...problems(...AUTHED, 404, 422) },
        },
      },
      async (request, reply) => {
        await deleteCommission(deps, { actor: actorOf(request), id: request.params.id });
        return reply.code(204).send(null);
      },
    );
  };
