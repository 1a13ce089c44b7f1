import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { problems, Timestamp, toJson } from '../../server/http-schemas.ts';
import { requestContext } from '../../server/plugins/auth.ts';
import { getPublicForm, SignFormInput, signForm } from './public-form.ts';
import { FORM_KINDS, FORM_LANGUAGES, SIGNATURE_MODES, SOA_PLANS } from './schema.ts';
import { VerifyInput, verifyDocument } from './verify.ts';

const tags = ['public'];
const security: never[] = [];
const TokenParams = z.strictObject({ token: z.string().min(1).max(200) });
const Texts = z.object({
  title: z.string(),
  intro: z.array(z.string()),
  esign: z.array(z.string()),
  esignAgree: z.string(),
  body: z.array(z.string()),
  plansQuestion: z.string(),
  signAgree: z.string(),
});
const PublicForm = z
  .object({
    kind: z.enum(FORM_KINDS),
    language: z.enum(FORM_LANGUAGES),
    expiresAt: Timestamp,
    agent: z.object({
      name: z.string(),
      phone: z.string(),
      agencyName: z.string(),
      salesRepId: z.string().nullable(),
      npn: z.string().nullable(),
    }),
    beneficiaryName: z.string(),
    plans: z.array(z.enum(SOA_PLANS)),
    plansOffered: z.array(z.enum(SOA_PLANS)),
    signatureModes: z.array(z.enum(SIGNATURE_MODES)),
    successUrl: z.string().nullable(),
    texts: z.object({ en: Texts, es: Texts }),
  })
  .meta({ id: 'PublicForm' });

/** Rate limits per IP (this process): a token is 48 random bytes, so guessing is hopeless anyway. */
const READ_LIMIT = { max: 60, timeWindow: 60_000 };
const WRITE_LIMIT = { max: 10, timeWindow: 60_000 };

export const formPublicRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(rateLimit, { global: true, ...READ_LIMIT });
    app.get(
      '/forms/:token',
      {
        schema: {
          tags,
          security,
          summary:
            'The form a link names (404 unknown, 410 expired, 409 already signed); the first open is logged',
          params: TokenParams,
          response: { 200: PublicForm, ...problems(400, 404, 409, 410, 429) },
        },
      },
      async (request) =>
        toJson(await getPublicForm(deps, { token: request.params.token, ctx: requestContext(request) })),
    );
    app.post(
      '/forms/:token/sign',
      {
        config: { rateLimit: WRITE_LIMIT },
        bodyLimit: 512 * 1024,
        schema: {
          tags,
          security,
          summary:
            'Sign: E-SIGN consent, the plans (SOA), a typed or drawn (PNG) signature, an authorized representative',
          params: TokenParams,
          body: SignFormInput,
          response: {
            200: z.object({
              status: z.literal('completed'),
              signedAt: Timestamp,
              sha256: z.string(),
              successUrl: z.string().nullable(),
              agencyName: z.string(),
            }),
            ...problems(400, 404, 409, 410, 413, 422, 429),
          },
        },
      },
      async (request) =>
        toJson(
          await signForm(deps, {
            token: request.params.token,
            input: request.body,
            ctx: requestContext(request),
          }),
        ),
    );
    app.post(
      '/form-verifications',
      {
        config: { rateLimit: WRITE_LIMIT },
        schema: {
          tags,
          security,
          summary: 'Was a PDF with this SHA-256 issued here? (no personal data in the answer)',
          body: VerifyInput,
          response: {
            200: z.object({
              issued: z.boolean(),
              agencyName: z.string().optional(),
              kind: z.enum(FORM_KINDS).optional(),
              version: z.number().int().optional(),
              issuedAt: Timestamp.optional(),
              latestVersion: z.boolean().optional(),
            }),
            ...problems(400, 429),
          },
        },
      },
      async (request) => toJson(await verifyDocument(deps, { sha256: request.body.sha256 })),
    );
  };
