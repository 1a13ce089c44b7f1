import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AUTHED, problems } from '../../server/http-schemas.ts';
import { userActorOf } from '../../server/plugins/auth.ts';
import { getMe, UpdateProfileInput, updateMyProfile } from './me.ts';
import { USER_TYPES } from './schema.ts';
import { SalesPermissionsSchema } from '../access/index.ts';
import { PACKAGES } from '../access/index.ts';

const PermissionsSchema = z.object({
  salesEnablement: z.object({ visible: z.boolean() }),
  individual: z.object({ visible: z.boolean(), edit: z.boolean() }),
  agent: z.object({ visible: z.boolean(), edit: z.boolean() }),
  administrative: z.object({ manageUsers: z.boolean() }),
  marketing: z.object({ visible: z.boolean() }),
  reporting: z.object({ visible: z.boolean() }),
  recordAccess: z.object({
    restriction: z.enum(['none', 'accessible_agents']),
    includeUnassigned: z.boolean(),
  }),
});

export const MeSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    username: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    timeZone: z.string(),
    userType: z.enum(USER_TYPES),
    mustChangePassword: z.boolean(),
    securityGroupName: z.string(),
    isAccountAdmin: z.boolean(),
    permissions: PermissionsSchema,
    salesPermissions: SalesPermissionsSchema,
    /** Tasks of the matrix this user may do (without a particular record), for showing what exists. */
    tasks: z.array(z.string()),
    account: z.object({ id: z.uuid(), name: z.string(), package: z.enum(PACKAGES), timeZone: z.string() }),
    csrfToken: z.string().nullable(),
  })
  .meta({ id: 'Me' });

export const userRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/me',
      {
        config: { allowDuringPasswordChange: true },
        schema: {
          tags: ['me'],
          summary: 'The signed-in user, account and permissions',
          response: { 200: MeSchema, ...problems(...AUTHED) },
        },
      },
      async (request) => ({
        ...(await getMe(deps, { actor: userActorOf(request), identity: request.identity })),
        csrfToken: request.csrfToken,
      }),
    );

    app.patch(
      '/me',
      {
        schema: {
          tags: ['me'],
          summary: 'Edit my name and time zone',
          body: UpdateProfileInput,
          response: { 200: MeSchema, ...problems(...AUTHED) },
        },
      },
      async (request) => ({
        ...(await updateMyProfile(deps, { actor: userActorOf(request), patch: request.body })),
        csrfToken: request.csrfToken,
      }),
    );
  };
