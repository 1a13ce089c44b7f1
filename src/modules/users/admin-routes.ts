import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AUTHED, IdParams, page, PageQuery, problems, Timestamp, toJson } from '../../server/http-schemas.ts';
import { actorOf, userActorOf } from '../../server/plugins/auth.ts';
import { GroupPermissionsSchema, SalesPermissionsSchema } from '../access/index.ts';
import {
  CreateUserInput,
  createUser,
  deleteUser,
  getUser,
  listAssignableUsers,
  listUsers,
  reactivateUser,
  suspendUser,
  UpdateUserInput,
  updateUser,
} from './manage-users.ts';
import { getSalesProfile, SalesProfileInput, updateSalesProfile } from './sales-profile.ts';
import { USER_TYPES } from './schema.ts';
import {
  createSecurityGroup,
  deleteSecurityGroup,
  listSecurityGroups,
  SecurityGroupInput,
  SecurityGroupPatch,
  updateSecurityGroup,
} from './security-groups.ts';

const UserSummary = z
  .object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    username: z.string(),
    active: z.boolean(),
    timeZone: z.string(),
    userType: z.enum(USER_TYPES),
    suspendedAt: Timestamp.nullable(),
    reactivationAllowedAt: Timestamp.nullable(),
    createdAt: Timestamp,
    securityGroup: z.object({ id: z.uuid(), name: z.string() }),
  })
  .meta({ id: 'UserSummary' });

const UserDetail = UserSummary.extend({
  viewOtherUsersActivities: z.boolean(),
  salesPermissions: SalesPermissionsSchema,
  customFields: z.array(z.string()),
  mustChangePassword: z.boolean(),
  linkedAgentIds: z.array(z.uuid()),
  accessibleAgentIds: z.array(z.uuid()),
  teamIds: z.array(z.uuid()),
  visibleUserIds: z.array(z.uuid()),
  /** Public booking pages of the Appointment Schedules the user is on (empty: not on any). */
  calendarLinks: z.array(z.object({ scheduleId: z.uuid(), name: z.string(), url: z.url() })),
}).meta({ id: 'User' });

const SecurityGroup = z
  .object({
    id: z.uuid(),
    name: z.string(),
    permissions: GroupPermissionsSchema,
    userCount: z.number().int(),
  })
  .meta({ id: 'SecurityGroup' });

const SalesProfile = z
  .object({
    phone: z.string().nullable(),
    npn: z.string().nullable(),
    signature: z
      .union([
        z.object({ kind: z.literal('typed'), text: z.string() }),
        z.object({ kind: z.literal('drawn'), dataUrl: z.string() }),
      ])
      .nullable(),
    salesRepIds: z.array(z.object({ value: z.string(), isDefault: z.boolean() })),
  })
  .meta({ id: 'SalesProfile' });

const tags = ['users'];

export const userAdminRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/users',
      {
        schema: {
          tags,
          summary: 'List users (Manage Users)',
          querystring: PageQuery.extend({
            q: z.string().max(100).optional(),
            status: z.enum(['active', 'suspended', 'all']).default('all'),
          }),
          response: {
            200: page(UserSummary.extend({ teamNames: z.array(z.string()) })),
            ...problems(...AUTHED),
          },
        },
      },
      async (request) => toJson(await listUsers(deps, { actor: actorOf(request), ...request.query })),
    );
    app.post(
      '/users',
      {
        schema: {
          tags,
          summary:
            'Create a user; with sendLoginInfo (default) a temporary password is emailed, else returned once',
          body: CreateUserInput,
          response: {
            201: z.object({ user: UserDetail, temporaryPassword: z.string().nullable() }),
            ...problems(...AUTHED, 404, 409, 422),
          },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(toJson(await createUser(deps, { actor: actorOf(request), input: request.body }))),
    );
    app.get(
      '/users/assignable',
      {
        schema: {
          tags,
          summary: 'Users the caller may pick in agent dropdowns (Agent Dropdown View)',
          response: {
            200: z.object({
              items: z.array(z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() })),
            }),
            ...problems(...AUTHED),
          },
        },
      },
      async (request) => ({ items: await listAssignableUsers(deps, { actor: actorOf(request) }) }),
    );
    app.get(
      '/users/:id',
      {
        schema: {
          tags,
          summary: 'One user with groups, agents, teams and sales permissions',
          params: IdParams,
          response: { 200: UserDetail, ...problems(...AUTHED, 404) },
        },
      },
      async (request) => toJson(await getUser(deps, { actor: actorOf(request), id: request.params.id })),
    );
    app.patch(
      '/users/:id',
      {
        schema: {
          tags,
          summary: 'Edit a user (nobody can raise their own permissions)',
          params: IdParams,
          body: UpdateUserInput,
          response: { 200: UserDetail, ...problems(...AUTHED, 404, 409, 422) },
        },
      },
      async (request) =>
        toJson(
          await updateUser(deps, { actor: actorOf(request), id: request.params.id, patch: request.body }),
        ),
    );
    app.post(
      '/users/:id/suspend',
      {
        schema: {
          tags,
          summary: 'Suspend: sign-in refused and sessions ended at once',
          params: IdParams,
          response: { 200: UserDetail, ...problems(...AUTHED, 404, 409, 422) },
        },
      },
      async (request) => toJson(await suspendUser(deps, { actor: actorOf(request), id: request.params.id })),
    );
    app.post(
      '/users/:id/reactivate',
      {
        schema: {
          tags,
          summary: 'Reactivate: allowed from 14 days after the suspension',
          params: IdParams,
          response: { 200: UserDetail, ...problems(...AUTHED, 404, 409, 422) },
        },
      },
      async (request) =>
        toJson(await reactivateUser(deps, { actor: actorOf(request), id: request.params.id })),
    );
    app.delete(
      '/users/:id',
      {
        schema: {
          tags,
          summary: 'Delete a user (history stays attributed to them)',
          params: IdParams,
          response: { 204: z.null(), ...problems(...AUTHED, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        await deleteUser(deps, { actor: actorOf(request), id: request.params.id });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/me/sales-profile',
      {
        schema: {
          tags: ['me'],
          summary: 'My phone, signature, sales rep IDs and NPN (needed to send SOA/ACA forms)',
          response: { 200: SalesProfile, ...problems(...AUTHED) },
        },
      },
      async (request) => getSalesProfile(deps, { actor: userActorOf(request) }),
    );
    app.patch(
      '/me/sales-profile',
      {
        schema: {
          tags: ['me'],
          summary: 'Edit my phone, signature, sales rep IDs and NPN',
          body: SalesProfileInput,
          response: { 200: SalesProfile, ...problems(...AUTHED) },
        },
      },
      async (request) => updateSalesProfile(deps, { actor: userActorOf(request), patch: request.body }),
    );

    const g = ['security-groups'];
    app.get(
      '/security-groups',
      {
        schema: {
          tags: g,
          summary: 'List security groups (Manage Users)',
          response: { 200: z.object({ items: z.array(SecurityGroup) }), ...problems(...AUTHED) },
        },
      },
      async (request) => ({ items: await listSecurityGroups(deps, { actor: actorOf(request) }) }),
    );
    app.post(
      '/security-groups',
      {
        schema: {
          tags: g,
          summary: 'Create a security group',
          body: SecurityGroupInput,
          response: { 201: z.object({ id: z.uuid() }), ...problems(...AUTHED, 409) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send({ id: await createSecurityGroup(deps, { actor: actorOf(request), input: request.body }) }),
    );
    app.patch(
      '/security-groups/:id',
      {
        schema: {
          tags: g,
          summary: 'Edit a security group; its users get the change on their next request',
          params: IdParams,
          body: SecurityGroupPatch,
          response: { 204: z.null(), ...problems(...AUTHED, 404, 409) },
        },
      },
      async (request, reply) => {
        await updateSecurityGroup(deps, {
          actor: actorOf(request),
          id: request.params.id,
          patch: request.body,
        });
        return reply.code(204).send(null);
      },
    );
    app.delete(
      '/security-groups/:id',
      {
        schema: {
          tags: g,
          summary: 'Delete a security group that has no users',
          params: IdParams,
          response: { 204: z.null(), ...problems(...AUTHED, 404, 409) },
        },
      },
      async (request, reply) => {
        await deleteSecurityGroup(deps, { actor: actorOf(request), id: request.params.id });
        return reply.code(204).send(null);
      },
    );
  };
