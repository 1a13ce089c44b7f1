import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderImportColumnsDoc } from './columns-doc.ts';

describe('docs/import-columns.md', () => {
  it('is generated from the lead fields and up to date (run `npm run docs:columns` when this fails)', () => {
    expect(
      fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/import-columns.md'), 'utf8'),
    ).toBe(renderImportColumnsDoc());
  });
});
