import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPermissionDocs } from './permission-docs.ts';
import { TASK_IDS } from './tasks.ts';

describe('docs/permissions.md', () => {
  it('is generated from the task matrix and up to date (run `npm run docs:permissions` when this fails)', () => {
    const committed = fs.readFileSync(
      path.resolve(import.meta.dirname, '../../../docs/permissions.md'),
      'utf8',
    );
    expect(committed).toBe(renderPermissionDocs());
    for (const id of TASK_IDS) expect(committed).toContain(`\`${id}\``);
  });
});
