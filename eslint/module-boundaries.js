// Module doors (docs/ARCHITECTURE.md, docs/adding-a-module.md).
//
// Code outside a module (another module, src/server, src/cli, src/jobs, src/db) reaches it only through
// src/modules/<name>/index.ts. The one other door is a module's schema.ts, and only for its tables:
// - another module's schema.ts (foreign keys) and src/db/schema.ts (the list drizzle-kit reads);
// - tests, which make their own data;
// - the files in legacy-table-readers.json, which still read another module's tables directly. This list
//   only shrinks (src/modules/module-layers.test.ts fails when a listed file no longer needs it);
//   a new reader asks the owner module for a function or a read model instead.
import { dirname, relative, resolve, sep } from 'node:path';
import LEGACY_TABLE_READERS from './legacy-table-readers.json' with { type: 'json' };

export { LEGACY_TABLE_READERS };

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const posix = (p) => p.split(sep).join('/');
const moduleOf = (file) => /^src\/modules\/([^/]+)\//.exec(file)?.[1];

/** @type {import('eslint').Rule.RuleModule} */
const moduleDoors = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Import another module only through its index.ts (its tables only from its schema.ts, where allowed)',
    },
    schema: [],
    messages: {
      deep: "Import '{{module}}' through its public entry '{{index}}', not '{{spec}}' (docs/adding-a-module.md).",
      tables:
        "'{{spec}}' reads the {{module}} module's tables: call a function or read model exported by its index.ts instead (docs/ARCHITECTURE.md).",
    },
  },
  create(context) {
    const file = posix(relative(ROOT, context.filename));
    const own = moduleOf(file);
    const isTest = /\.test\.ts$/.test(file);
    const mayReadTables =
      isTest ||
      file === 'src/db/schema.ts' ||
      (own !== undefined && file.startsWith(`src/modules/${own}/`) && file.endsWith('/schema.ts')) ||
      LEGACY_TABLE_READERS.includes(file);
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = posix(relative(ROOT, resolve(dirname(context.filename), spec)));
      const mod = moduleOf(target + (target.endsWith('.ts') ? '' : '/'));
      if (!mod || mod === own) return;
      const rest = target.slice(`src/modules/${mod}/`.length);
      if (rest === 'index.ts') return;
      const index = posix(relative(dirname(file), `src/modules/${mod}/index.ts`));
      const data = { module: mod, spec, index: index.startsWith('.') ? index : `./${index}` };
      if (rest === 'schema.ts' || rest.endsWith('/schema.ts')) {
        if (!mayReadTables) context.report({ node: node.source, messageId: 'tables', data });
        return;
      }
      context.report({ node: node.source, messageId: 'deep', data });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { 'module-doors': moduleDoors } };
