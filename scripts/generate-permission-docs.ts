// Writes docs/permissions.md from the task matrix (npm run docs:permissions).
import fs from 'node:fs';
import path from 'node:path';
import { renderPermissionDocs } from '../src/modules/access/permission-docs.ts';

const target = path.resolve(import.meta.dirname, '../docs/permissions.md');
fs.writeFileSync(target, renderPermissionDocs());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
