import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client.ts';

/**
 * Insert many rows with one statement whose parameters are one array per column
 * (`insert … select * from unnest($1::uuid[], $2::text[], …)`): a handful of parameters instead of
 * rows × columns, parsed once — several times faster than a multi-row VALUES on both engines.
 * Columns missing from every row take their defaults.
 */
export async function bulkInsert<T extends PgTable>(
  tx: DbOrTx,
  table: T,
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<
    string,
    { name: string; getSQLType(): string; columnType: string }
  >;
  const used = Object.keys(columns).filter((k) => rows.some((r) => r[k] !== undefined));
  const arrays: SQL[] = used.map((k) => {
    const col = columns[k]!;
    const type = col.getSQLType();
    const isJson = type === 'jsonb' || type === 'json';
    const values = rows.map((r) => {
      const v = r[k];
      if (v === undefined || v === null) return null;
      if (v instanceof Date) return v.toISOString();
      return isJson ? JSON.stringify(v) : String(v);
    });
    return sql`${sql.param(values)}::${sql.raw(isJson ? 'text' : type)}[]`;
  });
  const names = used.map((k) => sql.identifier(columns[k]!.name));
  const selects = used.map((k, i) => {
    const type = columns[k]!.getSQLType();
    return type === 'jsonb' || type === 'json' ? sql.raw(`c${i}::${type}`) : sql.raw(`c${i}`);
  });
  const aliases = sql.raw(used.map((_, i) => `c${i}`).join(', '));
  await tx.execute(
    sql`insert into ${table} (${sql.join(names, sql`, `)}) select ${sql.join(selects, sql`, `)} from unnest(${sql.join(arrays, sql`, `)}) as u(${aliases})`,
  );
}
