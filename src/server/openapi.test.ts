import fs from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { generateApiTypes } from '../../scripts/generate-api-types.ts';
import { openApiDocument } from './openapi-document.ts';

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document according to an independent validator', async () => {
    const doc = await openApiDocument();
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('documents every API route with problem+json errors', async () => {
    const doc = (await openApiDocument()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const paths = Object.keys(doc.paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/v1/session', '/api/v1/me', '/api/v1/api-keys/{id}', '/api/v1/emails']),
    );
    for (const p of paths) {
      for (const [method, op] of Object.entries(doc.paths[p]!)) {
        if (`${method} ${p}` === 'get /api/v1/setup') continue; // cannot fail but for a 5xx
        expect(
          Object.keys(op.responses).some((c) => c.startsWith('4')),
          `${method} ${p}`,
        ).toBe(true);
      }
    }
  });

  it('matches the web client’s generated types (run `npm run api:generate` when this fails)', async () => {
    const committed = fs.readFileSync(
      path.resolve(import.meta.dirname, '../../web/src/api/schema.d.ts'),
      'utf8',
    );
    expect(committed).toBe(await generateApiTypes());
  });
});
