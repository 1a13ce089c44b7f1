// Writes docs/import-columns.md from the lead field catalogue (npm run docs:columns).
import fs from 'node:fs';
import path from 'node:path';
import { renderImportColumnsDoc } from '../src/modules/intake/columns-doc.ts';

const target = path.resolve(import.meta.dirname, '../docs/import-columns.md');
fs.writeFileSync(target, renderImportColumnsDoc());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
