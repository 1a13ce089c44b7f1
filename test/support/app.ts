import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Deps } from '../../src/deps.ts';
import { createAccount } from '../../src/modules/onboarding/index.ts';
import type { Package } from '../../src/modules/accounts/schema.ts';
import { buildApp } from '../../src/server/app.ts';
import { openRuntime, type Runtime } from '../../src/server/runtime.ts';
import { freshDatabase } from './database.ts';

export type TestApp = {
  app: FastifyInstance;
  deps: Runtime;
  /** Create an account with an admin whose password is known; returns a signed-in client. */
  newAccount(opts?: { package?: Package; name?: string }): Promise<TestAccount>;
  login(login: string, password: string): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
};

export type TestAccount = {
  accountId: string;
  adminId: string;
  username: string;
  password: string;
  admin: Client;
};

export type Client = {
  cookie?: string;
  csrfToken?: string;
  request(opts: InjectOptions & { auth?: 'bearer'; key?: string }): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
};

let counter = 0;
export const unique = (prefix: string) => `${prefix}${process.pid}x${Date.now().toString(36)}x${counter++}`;
export const PASSWORD = 'correct-horse-battery';

function client(app: FastifyInstance, cookie?: string, csrfToken?: string): Client {
  const c: Client = {
    ...(cookie ? { cookie } : {}),
    ...(csrfToken ? { csrfToken } : {}),
    request: (opts) => {
      const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
      if (c.cookie) headers.cookie = c.cookie;
      if (c.csrfToken && opts.method && opts.method !== 'GET') headers['x-csrf-token'] ??= c.csrfToken;
      return app.inject({ ...opts, headers });
    },
    get: (url) => c.request({ method: 'GET', url }),
    post: (url, body) =>
      c.request({ method: 'POST', url, ...(body !== undefined ? { payload: body as object } : {}) }),
    patch: (url, body) => c.request({ method: 'PATCH', url, payload: body as object }),
    delete: (url) => c.request({ method: 'DELETE', url }),
  };
  return c;
}

export function cookieFrom(res: LightMyRequestResponse): string {
  const set = res.cookies.find((k) => k.name === 'openams_session');
  if (!set) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
  return `openams_session=${set.value}`;
}

/** An app on a fresh database of its own (PGlite, or PostgreSQL with TEST_DATABASE_URL). */
export async function createTestApp(
  overrides: Partial<Config> & { workers?: boolean; webDist?: string } = {},
): Promise<TestApp> {
  const database = await freshDatabase();
  const { workers, webDist, ...configOverrides } = overrides;
  const config: Config = {
    ...loadConfig({ LOG_LEVEL: 'silent', BASE_URL: 'http://openams.test' }),
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'openams-test-data-')),
    ...configOverrides,
  };
  const deps = await openRuntime(config, { role: 'server', database, workers: workers ?? false });
  const app = await buildApp(deps, { logger: false, ...(webDist ? { webDist } : { serveWeb: false }) });
  await app.ready();

  const login = async (loginName: string, password: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { login: loginName, password },
    });
    if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode}: ${res.body}`);
    return client(app, cookieFrom(res), res.json<{ csrfToken: string }>().csrfToken);
  };

  return {
    app,
    deps,
    anonymous: client(app),
    login,
    async newAccount(opts = {}) {
      const username = unique('admin');
      const created = await createAccount(deps.db, {
        name: opts.name ?? unique('Agency '),
        package: opts.package ?? 'scale',
        admin: { email: `${username}@example.test`, username, password: PASSWORD },
      });
      return {
        accountId: created.account.id,
        adminId: created.admin.id,
        username,
        password: PASSWORD,
        admin: await login(username, PASSWORD),
      };
    },
    async close() {
      await app.close();
      await deps.shutdown();
      await database.dispose();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

export type { Deps };

/** Poll until a condition holds (for work done by background jobs). */
export async function until(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
