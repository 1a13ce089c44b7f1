import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fillPlaceholders, getTableColumns, getTableName, is, SQL, sql } from 'drizzle-orm';
import { PgDialect, type PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DbOrTx } from './client.ts';

type Column = { name: string; getSQLType(): string };

/**
 * The columns to write, by property name: those given, else those any row has a value for (the
 * others take their defaults).
 */
function usedColumns(table: PgTable, rows: Record<string, unknown>[], keys?: string[]): [string, Column][] {
  const columns = getTableColumns(table) as unknown as Record<string, Column>;
  if (keys) {
    const unknown = keys.filter((k) => !columns[k]);
    if (unknown.length) throw new Error(`${getTableName(table)} has no ${unknown.join(', ')}`);
    return keys.map((k) => [k, columns[k]!]);
  }
  const present = new Set<string>();
  for (const r of rows) for (const k in r) if (r[k] !== undefined) present.add(k);
  return Object.keys(columns)
    .filter((k) => present.has(k))
    .map((k) => [k, columns[k]!]);
}

const isJson = (c: Column) => ['json', 'jsonb'].includes(c.getSQLType());

/** A value as PostgreSQL's text input for its column (null stays null). */
function textOf(v: unknown, json: boolean): string | null {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString();
  return json ? JSON.stringify(v) : String(v);
}

/**
 * The node-postgres connection a transaction runs on, or null (PGlite, or the pool itself outside
 * a transaction). Drizzle keeps it as the session's client.
 */
export function pgClientOf(tx: DbOrTx): pg.Client | null {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  return client instanceof pg.Client ? client : null;
}

/**
 * Insert many rows with the fastest statement the engine has:
 * - PostgreSQL: `COPY … FROM STDIN` (text format) on the transaction's own connection — the rows
 *   are streamed once, parsed by COPY's own reader and inserted in multi-row heap batches;
 * - PGlite (or outside a transaction): one `insert … select … from unnest($1::uuid[], $2::text[], …)`,
 *   a handful of array parameters instead of rows × columns, parsed once.
 * Both run inside the caller's transaction and fire the same constraints and triggers. `columns`
 * (property names) says which columns to write; without it, those any row has a value for — the
 * others take their defaults.
 */
export async function bulkInsert<T extends PgTable>(
  tx: DbOrTx,
  table: T,
  rows: Record<string, unknown>[],
  columns?: string[],
): Promise<void> {
  if (rows.length === 0) return;
  const cols = usedColumns(table, rows, columns);
  await insertTuples(
    tx,
    table,
    cols,
    rows.map((r) => cols.map(([k]) => r[k])),
  );
}

/**
 * bulkInsert for rows given as arrays of values, in the order of `columns` (property names): no
 * object per row, for the largest writes (CSV import).
 */
export async function bulkInsertTuples<T extends PgTable>(
  tx: DbOrTx,
  table: T,
  columns: readonly string[],
  tuples: unknown[][],
): Promise<void> {
  if (tuples.length === 0) return;
  await insertTuples(tx, table, columnsOf(table, columns), tuples);
}

async function insertTuples(tx: DbOrTx, table: PgTable, cols: [string, Column][], tuples: unknown[][]) {
  const client = pgClientOf(tx);
  if (client) await copyRows(client, table, cols, tuples);
  else await unnestRows(tx, table, cols, tuples);
}

/**
 * A text[] parameter as PostgreSQL's array literal, built here in one pass: every element quoted,
 * `"` and `\` escaped. `pg` builds the same literal from a JS array, but per element through its
 * generic value mapping (a third of a 5,000-lead match query's client time); PGlite passes a string
 * through unchanged.
 */
export function pgTextArray(values: readonly string[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (i > 0) out += ',';
    out += v.includes('"') || v.includes('\\') ? `"${v.replace(/[\\"]/g, '\\$&')}"` : `"${v}"`;
  }
  return `${out}}`;
}

/** COPY's text format: tab-separated, `\N` for null, backslash escapes for \, tab, LF and CR. */
const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
export function copyText(v: string | null): string {
  if (v === null) return '\\N';
  return COPY_SPECIAL.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : v;
}

/**
 * Rows of COPY text, in pieces of about 1 MiB so memory stays bounded for large batches. Lines and
 * pieces are joined from arrays, so each is one flat string (appending piece by piece would build
 * a tree of string pieces per line, to be flattened again on its way to the socket).
 */
function* copyLines(cols: [string, Column][], tuples: unknown[][]): Generator<string> {
  const json = cols.map(([, c]) => isJson(c));
  const fields: string[] = new Array<string>(cols.length);
  let lines: string[] = [];
  let size = 0;
  for (const t of tuples) {
    for (let i = 0; i < fields.length; i++) {
      const v = t[i];
      fields[i] = copyText(typeof v === 'string' && !json[i] ? v : textOf(v, json[i]!));
    }
    const line = fields.join('\t');
    lines.push(line);
    size += line.length + 1;
    if (size >= 1 << 20) {
      lines.push(''); // the last line's end
      yield lines.join('\n');
      lines = [];
      size = 0;
    }
  }
  if (lines.length) {
    lines.push('');
    yield lines.join('\n');
  }
}

async function copyRows(client: pg.Client, table: PgTable, cols: [string, Column][], tuples: unknown[][]) {
  const names = cols.map(([, c]) => `"${c.name}"`).join(', ');
  const stream = client.query(copyFrom(`copy "${getTableName(table)}" (${names}) from stdin`));
  await pipeline(Readable.from(copyLines(cols, tuples)), stream);
}

async function unnestRows(tx: DbOrTx, table: PgTable, cols: [string, Column][], tuples: unknown[][]) {
  const arrays: SQL[] = cols.map(([, col], i) => {
    const json = isJson(col);
    const values = tuples.map((t) => textOf(t[i], json));
    return sql`${sql.param(values)}::${sql.raw(json ? 'text' : col.getSQLType())}[]`;
  });
  const names = cols.map(([, c]) => sql.identifier(c.name));
  const selects = cols.map(([, c], i) => sql.raw(isJson(c) ? `c${i}::${c.getSQLType()}` : `c${i}`));
  const aliases = sql.raw(cols.map((_, i) => `c${i}`).join(', '));
  await tx.execute(
    sql`insert into ${table} (${sql.join(names, sql`, `)}) select ${sql.join(selects, sql`, `)} from unnest(${sql.join(arrays, sql`, `)}) as u(${aliases})`,
  );
}

/**
 * `insert into <table> (<columns>) select <values> [from …] [where …] [on conflict do nothing]
 * [returning …]` for one row, each value cast to its column's type; a value that is itself SQL (a
 * sub-select, a column of a `from` CTE) is used as it is. For composing several writes into one
 * statement with data-modifying CTEs, where one may depend on another's result.
 */
export function insertSelect(
  table: PgTable,
  row: Record<string, unknown>,
  opts: { from?: SQL; where?: SQL; onConflictDoNothing?: boolean; returning?: SQL } = {},
): SQL {
  const cols = usedColumns(table, [row]);
  const names = cols.map(([, c]) => sql.identifier(c.name));
  const values = cols.map(([k, c]) => {
    const v = row[k];
    if (is(v, SQL)) return v;
    return sql`${textOf(v, isJson(c))}::${sql.raw(c.getSQLType())}`;
  });
  return sql`insert into ${table} (${sql.join(names, sql`, `)}) select ${sql.join(values, sql`, `)}${opts.from ? sql` from ${opts.from}` : sql``}${opts.where ? sql` where ${opts.where}` : sql``}${opts.onConflictDoNothing ? sql` on conflict do nothing` : sql``}${opts.returning ? sql` returning ${opts.returning}` : sql``}`;
}

/**
 * A statement whose SQL is built once — from a drizzle `sql` template whose changing values are
 * `sql.placeholder(name)` — and then run with new values: no query building per call, and on
 * PostgreSQL a named prepared statement, parsed and planned once per connection. For hot paths
 * (lead posts, import batches). Values go to the driver as they are (arrays, strings, numbers;
 * JSON as text); rows come back as the driver returns them.
 */
export class PreparedStatement<Values extends Record<string, unknown>, Row> {
  private query: { sql: string; params: unknown[] } | null = null;

  constructor(
    private readonly name: string,
    private readonly build: () => SQL,
  ) {}

  async run(db: DbOrTx, values: Values): Promise<Row[]> {
    this.query ??= new PgDialect().sqlToQuery(this.build());
    const params = fillPlaceholders(this.query.params, values);
    const client = (db as unknown as { session: { client: unknown } }).session.client;
    if (client instanceof pg.Pool || client instanceof pg.Client) {
      const res = await client.query({ name: this.name, text: this.query.sql, values: params });
      return res.rows as Row[];
    }
    const res = await (
      client as { query(text: string, params: unknown[]): Promise<{ rows: unknown[] }> }
    ).query(this.query.sql, params);
    return res.rows as Row[];
  }
}

/** Columns by property name, looked up once per table and list (these run on every lead post). */
const columnCache = new WeakMap<PgTable, Map<string, [string, Column][]>>();
function columnsOf(table: PgTable, keys: readonly string[]): [string, Column][] {
  let byKeys = columnCache.get(table);
  if (!byKeys) columnCache.set(table, (byKeys = new Map()));
  const id = keys.join(',');
  let cols = byKeys.get(id);
  if (!cols) byKeys.set(id, (cols = usedColumns(table, [], [...keys])));
  return cols;
}

/**
 * For a PreparedStatement that inserts a row: each of `keys` (property names of `table`) as a
 * placeholder named `<prefix>.<key>`, cast to its column's type — a row for insertSelect. Fill them
 * with placeholderValues.
 */
export function rowPlaceholders(
  table: PgTable,
  prefix: string,
  keys: readonly string[],
): Record<string, SQL> {
  return Object.fromEntries(
    columnsOf(table, keys).map(([k, c]) => [
      k,
      sql`${sql.placeholder(`${prefix}.${k}`)}::${sql.raw(c.getSQLType())}`,
    ]),
  );
}

/** The values for rowPlaceholders: the row's values as PostgreSQL text input (null stays null). */
export function placeholderValues(
  table: PgTable,
  prefix: string,
  keys: readonly string[],
  row: Record<string, unknown>,
): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [k, c] of columnsOf(table, keys)) out[`${prefix}.${k}`] = textOf(row[k], isJson(c));
  return out;
}
