import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { bulkInsert } from '../../db/bulk-insert.ts';
import type { DbOrTx } from '../../db/client.ts';
import { inAccount } from '../../db/tenant.ts';
import type { Deps } from '../../deps.ts';
import { newId } from '../../lib/ids.ts';
import type { JobDefinition } from '../../jobs/queue.ts';
import type { AccountScope, SystemActor } from '../access/actor.ts';
import { accounts } from '../accounts/schema.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { type LeadValues, validateLead } from '../intake/lead-fields.ts';
import { salesRecordNotes, salesRecords } from '../sales-records/schema.ts';
import { csvRecords } from './read-file.ts';
import { importErrors, type ImportOptions, imports } from './schema.ts';

export const BATCH_ROWS = 1000;
export const runImportJob = { name: 'import.run' } as const;
const Payload = z.object({ accountId: z.uuid(), importId: z.uuid() });

type Row = { line: number; values: LeadValues; notes: string[] };
type Counts = { created: number; updated: number; skipped: number; failed: number };

const keysOf = (v: LeadValues): string[] => {
  const k: string[] = [];
  if (v.email) k.push(`e:${v.email.toLowerCase()}`);
  if (v.phone) k.push(`p:${v.phone}`);
  if (v.cellPhone) k.push(`p:${v.cellPhone}`);
  if (v.dateOfBirth && v.firstName && v.lastName)
    k.push(`n:${v.firstName.toLowerCase()}|${v.lastName.toLowerCase()}|${v.dateOfBirth}`);
  return k;
};

/** Existing (not deleted) records matching any of the batch's keys, as key → record id. */
async function existingKeys(tx: DbOrTx, scope: AccountScope, rows: Row[]): Promise<Map<string, string>> {
  const emails = new Set<string>();
  const phones = new Set<string>();
  const lasts = new Set<string>();
  const dobs = new Set<string>();
  for (const r of rows) {
    if (r.values.email) emails.add(r.values.email.toLowerCase());
    if (r.values.phone) phones.add(r.values.phone);
    if (r.values.cellPhone) phones.add(r.values.cellPhone);
    if (r.values.dateOfBirth && r.values.lastName) {
      lasts.add(r.values.lastName.toLowerCase());
      dobs.add(r.values.dateOfBirth);
    }
  }
  // One query per key kind, each on its own index (one OR across them makes the planner scan).
  const cols = {
    id: salesRecords.id,
    email: salesRecords.email,
    phone: salesRecords.phone,
    cellPhone: salesRecords.cellPhone,
    firstName: salesRecords.firstName,
    lastName: salesRecords.lastName,
    dateOfBirth: salesRecords.dateOfBirth,
  };
  const live = (cond: SQL) =>
    tx
      .select(cols)
      .from(salesRecords)
      .where(inAccount(scope, salesRecords, isNull(salesRecords.deletedAt), cond));
  const arr = (xs: Set<string>) => sql.param([...xs]);
  const found = [
    ...(emails.size ? await live(sql`lower(${salesRecords.email}) = any(${arr(emails)}::text[])`) : []),
    ...(phones.size ? await live(sql`${salesRecords.phone} = any(${arr(phones)}::text[])`) : []),
    ...(phones.size ? await live(sql`${salesRecords.cellPhone} = any(${arr(phones)}::text[])`) : []),
    ...(dobs.size
      ? await live(
          sql`${salesRecords.dateOfBirth} = any(${arr(dobs)}::date[]) and lower(${salesRecords.lastName}) = any(${arr(lasts)}::text[])`,
        )
      : []),
  ];
  const map = new Map<string, string>();
  for (const f of found) for (const k of keysOf(f as LeadValues)) if (!map.has(k)) map.set(k, f.id);
  return map;
}

async function processBatch(
  tx: DbOrTx,
  scope: AccountScope,
  imp: { id: string; options: ImportOptions; createdByUserId: string | null },
  batch: { line: number; raw: Record<string, string>; notes: string[]; width?: string }[],
) {
  const counts: Counts = { created: 0, updated: 0, skipped: 0, failed: 0 };
  const errors: { accountId: string; importId: string; row: number; column: string; reason: string }[] = [];
  const valid: Row[] = [];
  for (const b of batch) {
    if (b.width) {
      errors.push({
        accountId: scope.accountId,
        importId: imp.id,
        row: b.line,
        column: '(row)',
        reason: b.width,
      });
      counts.failed++;
      continue;
    }
    const r = validateLead(b.raw);
    if (r.problems.length) {
      for (const p of r.problems)
        errors.push({
          accountId: scope.accountId,
          importId: imp.id,
          row: b.line,
          column: p.path,
          reason: p.message,
        });
      counts.failed++;
    } else valid.push({ line: b.line, values: r.values, notes: b.notes });
  }
  const existing = await existingKeys(tx, scope, valid);
  const inBatch = new Map<string, string>();
  const inserts: (typeof salesRecords.$inferInsert)[] = [];
  const notes: (typeof salesRecordNotes.$inferInsert)[] = [];
  const o = imp.options;
  for (const r of valid) {
    const keys = keysOf(r.values);
    const dupOf = keys.map((k) => existing.get(k) ?? inBatch.get(k)).find(Boolean);
    if (dupOf) {
      if (o.duplicates === 'update' && existing.has(keys.find((k) => existing.has(k)) ?? '')) {
        const fill = Object.fromEntries(Object.entries(r.values).filter(([, v]) => v != null));
        const set = Object.fromEntries(
          Object.keys(fill).map((k) => [k, sql`coalesce(${sql.identifier(toColumn(k))}, ${fill[k]})`]),
        );
        await tx
          .update(salesRecords)
          .set({ ...set, updatedAt: sql`now()` as never })
          .where(inAccount(scope, salesRecords, eq(salesRecords.id, dupOf)));
        counts.updated++;
      } else counts.skipped++;
      continue;
    }
    const id = newId();
    for (const k of keys) inBatch.set(k, id);
    inserts.push({
      ...(r.values as { firstName: string; lastName: string }),
      accountId: scope.accountId,
      id,
      recordTypeId: o.recordTypeId,
      statusId: o.statusId!,
      assignedUserId: o.assignedUserId,
      assignedAgentId: o.assignedAgentId,
      createdByUserId: imp.createdByUserId,
      importId: imp.id,
    } as typeof salesRecords.$inferInsert);
    for (const body of r.notes)
      notes.push({
        accountId: scope.accountId,
        id: newId(),
        salesRecordId: id,
        body,
        authorUserId: imp.createdByUserId,
      });
    counts.created++;
  }
  await bulkInsert(tx, salesRecords, inserts);
  await bulkInsert(tx, salesRecordNotes, notes);
  await bulkInsert(tx, importErrors, errors);
  return counts;
}

const toColumn = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The import job: stream the stored file, skip rows already done (resume), and handle batches of
 * 1,000 rows — validate, match duplicates within the file and against existing records, insert —
 * each batch with its progress in one transaction, so a crash loses no committed batch and a
 * resume neither repeats nor skips rows.
 */
export function runImportDefinition(deps: Deps): JobDefinition<z.infer<typeof Payload>> {
  return {
    name: runImportJob.name,
    retryLimit: 2,
    retryDelaySeconds: 5,
    async handler(raw, meta) {
      const { accountId, importId } = Payload.parse(raw);
      const scope = { accountId };
      const where = and(eq(imports.accountId, accountId), eq(imports.id, importId));
      const [imp] = await deps.db.select().from(imports).where(where);
      if (!imp || !['queued', 'running'].includes(imp.status) || !imp.mapping || !imp.options) return;
      await deps.db
        .update(imports)
        .set({ status: 'running', startedAt: imp.startedAt ?? new Date() })
        .where(where);
      const targets = imp.mapping.map((m) => m.target);
      const width = imp.headings.length;
      let dataRow = 0;
      let batch: Parameters<typeof processBatch>[3] = [];
      const flush = async () => {
        const size = batch.length;
        const current = batch;
        batch = [];
        await deps.db.transaction(async (tx) => {
          const c = await processBatch(
            tx,
            scope,
            { id: imp.id, options: imp.options!, createdByUserId: imp.createdByUserId },
            current,
          );
          await tx
            .update(imports)
            .set({
              processedRows: sql`${imports.processedRows} + ${size}`,
              created: sql`${imports.created} + ${c.created}`,
              updated: sql`${imports.updated} + ${c.updated}`,
              skipped: sql`${imports.skipped} + ${c.skipped}`,
              failed: sql`${imports.failed} + ${c.failed}`,
            })
            .where(where);
        });
      };
      try {
        let header = true;
        for await (const rec of csvRecords(
          deps.storage.get(imp.storageKey),
          imp.encoding as 'utf-8' | 'windows-1252',
        )) {
          if (header) {
            header = false;
            continue;
          }
          dataRow++;
          if (dataRow <= imp.processedRows) continue; // done in an earlier run
          if (rec.fields.length !== width) {
            batch.push({
              line: rec.line,
              raw: {},
              notes: [],
              width: `Expected ${width} columns, found ${rec.fields.length}.`,
            });
          } else {
            const rawValues: Record<string, string> = {};
            const notes: string[] = [];
            rec.fields.forEach((v, i) => {
              const t = targets[i]!;
              if (t === 'note') {
                if (v.trim())
                  notes.push(
                    imp.headings[i] === 'Note' || /^Note \d+$/.test(imp.headings[i]!)
                      ? v.trim()
                      : `${imp.headings[i]}: ${v.trim()}`,
                  );
              } else if (t !== 'ignore') rawValues[t] = v;
            });
            batch.push({ line: rec.line, raw: rawValues, notes });
          }
          if (batch.length >= BATCH_ROWS) await flush();
        }
        if (batch.length) await flush();
        const [done] = await deps.db
          .update(imports)
          .set({ status: 'completed', finishedAt: new Date() })
          .where(where)
          .returning();
        const [acc] = await deps.db
          .select({ pkg: accounts.package })
          .from(accounts)
          .where(eq(accounts.id, accountId));
        const actor: SystemActor = { kind: 'system', accountId, accountPackage: acc!.pkg, ctx: {} };
        await recordAudit(deps.db, actor, {
          type: 'import.completed',
          subjectType: 'import',
          subjectId: importId,
          data: {
            fileName: done!.fileName,
            created: done!.created,
            updated: done!.updated,
            skipped: done!.skipped,
            failed: done!.failed,
            byUserId: imp.createdByUserId,
          },
        });
      } catch (err) {
        // Retries resume from the last committed batch; after the last one it waits for a person.
        await deps.db
          .update(imports)
          .set({
            status: meta && !meta.isLastAttempt ? 'running' : 'failed',
            lastError: String((err as Error).message).slice(0, 1000),
          })
          .where(where);
        throw err;
      }
    },
  };
}
