// The module import graph of src/modules, built from the source text (no TypeScript program needed).
//
//   npx tsx scripts/module-graph.ts          prints the measures and the edges
//   npx tsx scripts/module-graph.ts --json   the same as JSON
//   npx tsx scripts/module-graph.ts --root /path/to/another/checkout   measure another tree
//   npx tsx scripts/module-graph.ts --edges  also list each module's imports
//
// Measures (what docs/ARCHITECTURE.md and src/modules/module-layers.test.ts rely on):
// - modules in cycles: the modules of every strongly connected component larger than one;
// - table readers: non-test files of a module that import a table (a `pgTable(...)` export of another
//   module's schema.ts) of another module, as a share of all non-test module files. A module's
//   schema.ts referencing another module's table for a foreign key is not a read and is not counted.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ImportRef {
  /** importing file, relative to the repository root, with / separators */
  from: string;
  /** imported file, relative to the repository root */
  to: string;
  names: string[];
  typeOnly: boolean;
}

export interface ModuleGraph {
  modules: string[];
  files: string[];
  imports: ImportRef[];
  /**
   * module → modules it imports. Type-only imports count (they are design dependencies too); a schema.ts
   * naming another module's table for a foreign key does not (the relational schema is one whole).
   */
  edges: Map<string, Set<string>>;
  /** the same without type-only imports: what loads what at run time */
  runtimeEdges: Map<string, Set<string>>;
  /** module → names of its pgTable exports */
  tables: Map<string, Set<string>>;
}

/**
 * The layers, bottom first; inside a layer, modules are listed bottom first too. A module imports only
 * modules listed before it (docs/ARCHITECTURE.md draws this).
 */
export const LAYERS: Record<string, string[]> = {
  kernel: ['access', 'person', 'audit'],
  account: ['accounts', 'email', 'record-types', 'custom-fields'],
  identity: ['agents', 'users', 'teams', 'auth', 'api-keys'],
  records: ['individuals', 'sales-records', 'records', 'policies', 'files'],
  features: [
    'activities',
    'scheduler',
    'intake',
    'imports',
    'commissions',
    'live',
    'messaging',
    'forms',
    'record-journal',
    'audit-log',
  ],
  composition: ['onboarding'],
};

/**
 * Imports that still point up (each one would close a cycle). Empty since decision 042: a lower module
 * that needs something from above declares a hook or slot (src/lib/hooks.ts) that src/server/wiring.ts
 * fills. The layer test fails on any upward import not listed here, and on a listed one that is gone.
 */
export const KNOWN_UPWARD: string[] = [];

/** Edges that point to a module listed later (upward), as 'from -> to'. */
export function upwardEdges(edges: Map<string, Set<string>>): string[] {
  const rank = new Map(
    Object.values(LAYERS)
      .flat()
      .map((m, i) => [m, i]),
  );
  const out: string[] = [];
  for (const [from, tos] of edges)
    for (const to of tos)
      if ((rank.get(to) ?? Infinity) > (rank.get(from) ?? -1)) out.push(`${from} -> ${to}`);
  return out.sort();
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MODULES_DIR = 'src/modules';

const isTest = (file: string) => /\.test\.ts$/.test(file);
const posix = (p: string) => p.split(sep).join('/');

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else if (name.endsWith('.ts')) out.push(full);
  }
  return out;
}

/** The module a repository-relative path belongs to, or undefined outside src/modules. */
export function moduleOf(file: string): string | undefined {
  const m = /^src\/modules\/([^/]+)\//.exec(file);
  return m?.[1];
}

const IMPORT_RE =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export function parseImports(root: string, file: string, text: string): ImportRef[] {
  const refs: ImportRef[] = [];
  for (const m of text.matchAll(IMPORT_RE)) {
    const spec = m[4] ?? m[5];
    if (!spec || !spec.startsWith('.')) continue;
    const to = posix(relative(root, resolve(root, dirname(file), spec)));
    const clause = m[3] ?? '';
    const typeOnly = Boolean(m[2]);
    const names: string[] = [];
    const braces = /\{([\s\S]*)\}/.exec(clause);
    if (braces?.[1]) {
      for (const part of braces[1].split(',')) {
        const p = part.trim();
        if (!p || p.startsWith('type ')) continue;
        names.push(p.split(/\s+as\s+/)[0]!.trim());
      }
    }
    refs.push({ from: file, to, names, typeOnly });
  }
  return refs;
}

export function buildModuleGraph(root = ROOT): ModuleGraph {
  const modulesDir = join(root, MODULES_DIR);
  const modules = readdirSync(modulesDir)
    .filter((n) => statSync(join(modulesDir, n)).isDirectory())
    .sort();
  const files = walk(modulesDir)
    .map((f) => posix(relative(root, f)))
    .sort();
  const tables = new Map<string, Set<string>>();
  for (const mod of modules) {
    const set = new Set<string>();
    try {
      const text = readFileSync(join(modulesDir, mod, 'schema.ts'), 'utf8');
      for (const m of text.matchAll(/export const (\w+)\s*=\s*pgTable\b/g)) set.add(m[1]!);
    } catch {
      // a module without tables
    }
    tables.set(mod, set);
  }
  const imports: ImportRef[] = [];
  const edges = new Map<string, Set<string>>(modules.map((m) => [m, new Set<string>()]));
  const runtimeEdges = new Map<string, Set<string>>(modules.map((m) => [m, new Set<string>()]));
  for (const file of files) {
    const refs = parseImports(root, file, readFileSync(join(root, file), 'utf8'));
    imports.push(...refs);
    if (isTest(file) || file.endsWith('/schema.ts')) continue;
    const from = moduleOf(file)!;
    for (const ref of refs) {
      const to = moduleOf(ref.to);
      if (!to || to === from) continue;
      edges.get(from)!.add(to);
      if (!ref.typeOnly) runtimeEdges.get(from)!.add(to);
    }
  }
  return { modules, files, imports, edges, runtimeEdges, tables };
}

/** Strongly connected components (Tarjan), only those with more than one module. */
export function cycles(edges: Map<string, Set<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!idx.has(v)) visit(v);
  return out;
}

/** Non-test module files (schema.ts excluded) that import another module's table, with what they read. */
export function tableReaders(graph: ModuleGraph): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const ref of graph.imports) {
    if (isTest(ref.from) || ref.typeOnly) continue;
    const from = moduleOf(ref.from)!;
    const to = moduleOf(ref.to);
    if (!to || to === from) continue;
    if (ref.from.endsWith('/schema.ts')) continue; // foreign keys
    const owned = graph.tables.get(to)!;
    const read = ref.names.filter((n) => owned.has(n));
    if (read.length === 0) continue;
    out.set(ref.from, [...(out.get(ref.from) ?? []), ...read.map((n) => `${to}.${n}`)]);
  }
  return out;
}

export function measure(graph = buildModuleGraph()) {
  const sccs = cycles(graph.edges);
  const runtimeSccs = cycles(graph.runtimeEdges);
  const sourceFiles = graph.files.filter((f) => !isTest(f) && !f.endsWith('/index.ts'));
  const readers = tableReaders(graph);
  return {
    modules: graph.modules.length,
    modulesInCycles: sccs.reduce((n, c) => n + c.length, 0),
    cycles: sccs,
    modulesInRuntimeCycles: runtimeSccs.reduce((n, c) => n + c.length, 0),
    sourceFiles: sourceFiles.length,
    tableReaderFiles: readers.size,
    tableReaderShare: Math.round((1000 * readers.size) / sourceFiles.length) / 10,
    tableReaders: Object.fromEntries([...readers].sort()),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rootArg = process.argv.indexOf('--root');
  const graph = buildModuleGraph(rootArg > 0 ? resolve(process.argv[rootArg + 1]!) : ROOT);
  const m = measure(graph);
  if (process.argv.includes('--json')) {
    console.log(
      JSON.stringify(
        { ...m, edges: Object.fromEntries([...graph.edges].map(([k, v]) => [k, [...v].sort()])) },
        null,
        2,
      ),
    );
  } else {
    console.log(`modules: ${m.modules}`);
    console.log(`modules in cycles (type imports included): ${m.modulesInCycles}`);
    for (const c of m.cycles) console.log(`  cycle: ${c.join(', ')}`);
    console.log(`modules in cycles (run-time imports only): ${m.modulesInRuntimeCycles}`);
    console.log(
      `files reading another module's tables: ${m.tableReaderFiles} of ${m.sourceFiles} (${m.tableReaderShare}%)`,
    );
    for (const [file, read] of Object.entries(m.tableReaders)) console.log(`  ${file}: ${read.join(', ')}`);
    const up = upwardEdges(graph.edges);
    console.log(`upward imports: ${up.length}`);
    for (const e of up) console.log(`  ${e}`);
    if (process.argv.includes('--edges'))
      for (const [k, v] of graph.edges) console.log(`  ${k} → ${[...v].sort().join(', ')}`);
  }
}
