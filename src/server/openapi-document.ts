import pino from 'pino';
import { loadConfig } from '../config.ts';
import type { Deps } from '../deps.ts';
import { buildApp } from './app.ts';

/**
 * The OpenAPI document as the routes declare it, without a database: building the app only
 * registers routes. Used to generate the web client's types and in the document's tests.
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const config = loadConfig({ BASE_URL: 'http://localhost:3000' });
  const unused = new Proxy(
    {},
    {
      get: () => {
        throw new Error('no database while generating the OpenAPI document');
      },
    },
  );
  const deps = {
    config,
    database: unused,
    db: unused,
    jobs: unused,
    storage: unused,
    log: pino({ level: 'silent' }),
  } as unknown as Deps;
  const app = await buildApp(deps, { logger: false, serveWeb: false });
  await app.ready();
  const doc = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  return doc;
}
