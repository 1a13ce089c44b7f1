import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestAccount, type TestApp } from '../../test/support/app.ts';
import { engine } from '../../test/support/database.ts';
import { newId } from '../lib/ids.ts';
import { recordStatuses } from '../modules/record-types/schema.ts';
import { salesRecords } from '../modules/sales-records/schema.ts';
import {
  bulkInsert,
  bulkInsertTuples,
  copyText,
  insertSelect,
  pgClientOf,
  pgTextArray,
  PreparedStatement,
} from './bulk-insert.ts';

let t: TestApp;
let a: TestAccount;
let type: { recordTypeId: string; statusId: string };
beforeAll(async () => {
  t = await createTestApp();
  a = await t.newAccount();
  const [s] = await t.deps.db
    .select({ recordTypeId: recordStatuses.recordTypeId, statusId: recordStatuses.id })
    .from(recordStatuses)
    .where(eq(recordStatuses.accountId, a.accountId))
    .limit(1);
  type = s!;
});
afterAll(() => t.close());

// Text that COPY's format and array literals must carry unchanged.
const AWKWARD = [
  'tab\there',
  'line\nbreak',
  'carriage\rreturn',
  'back\\slash',
  '\\N',
  '',
  'quote " and \' and , and {braces}',
  'NULL',
  'Núñez 🦆',
];

describe('bulkInsert', () => {
  it(`writes awkward text, nulls, dates and JSON exactly, on this engine's fast path (${engine()}: ${engine() === 'postgres' ? 'COPY' : 'unnest'})`, async () => {
    const rows = AWKWARD.map((text, i) => ({
      accountId: a.accountId,
      id: newId(),
      recordTypeId: type.recordTypeId,
      statusId: type.statusId,
      firstName: text,
      lastName: `Row ${i}`,
      middleName: i % 2 ? null : text,
      dateOfBirth: i % 3 ? null : '1950-01-02',
      customFields: { note: text, n: i, ok: i % 2 === 0, nothing: null },
    }));
    await t.deps.db.transaction(async (tx) => {
      // PostgreSQL streams the rows with COPY on the transaction's connection; PGlite has none.
      expect(pgClientOf(tx) !== null).toBe(engine() === 'postgres');
      await bulkInsert(tx, salesRecords, rows);
    });
    const back = await t.deps.db
      .select({
        firstName: salesRecords.firstName,
        middleName: salesRecords.middleName,
        dateOfBirth: salesRecords.dateOfBirth,
        customFields: salesRecords.customFields,
        email: salesRecords.email,
        createdAt: salesRecords.createdAt,
      })
      .from(salesRecords)
      .where(and(eq(salesRecords.accountId, a.accountId), sql`${salesRecords.lastName} like 'Row %'`))
      .orderBy(asc(salesRecords.id));
    expect(back.map(({ createdAt: _c, ...r }) => r)).toEqual(
      rows.map((r) => ({
        firstName: r.firstName,
        middleName: r.middleName,
        dateOfBirth: r.dateOfBirth,
        customFields: r.customFields,
        email: null, // a column no row gives takes its default
      })),
    );
    expect(back.every((r) => r.createdAt instanceof Date)).toBe(true);
  });

  it('writes the given columns only, and nothing at all for no rows', async () => {
    await bulkInsert(t.deps.db, salesRecords, []);
    const id = newId();
    await t.deps.db.transaction((tx) =>
      bulkInsert(
        tx,
        salesRecords,
        [
          {
            accountId: a.accountId,
            id,
            recordTypeId: type.recordTypeId,
            statusId: type.statusId,
            firstName: 'Only',
            lastName: 'Given',
            email: 'left@out.example',
          },
        ],
        ['accountId', 'id', 'recordTypeId', 'statusId', 'firstName', 'lastName'],
      ),
    );
    const [r] = await t.deps.db.select().from(salesRecords).where(eq(salesRecords.id, id));
    expect(r).toMatchObject({ firstName: 'Only', email: null });
    await expect(bulkInsert(t.deps.db, salesRecords, [{ id }], ['id', 'noSuchColumn'])).rejects.toThrow(
      /noSuchColumn/,
    );
  });

  it('rolls back with the transaction it ran in', async () => {
    const id = newId();
    await expect(
      t.deps.db.transaction(async (tx) => {
        await bulkInsert(tx, salesRecords, [
          {
            accountId: a.accountId,
            id,
            recordTypeId: type.recordTypeId,
            statusId: type.statusId,
            firstName: 'Gone',
            lastName: 'Soon',
          },
        ]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await t.deps.db.select().from(salesRecords).where(eq(salesRecords.id, id))).toEqual([]);
  });
});

describe('bulkInsertTuples', () => {
  it('writes rows given as arrays of values in the columns’ order, awkward text included', async () => {
    const ids = AWKWARD.map(() => newId());
    await t.deps.db.transaction((tx) =>
      bulkInsertTuples(
        tx,
        salesRecords,
        ['accountId', 'id', 'recordTypeId', 'statusId', 'lastName', 'firstName', 'email'],
        AWKWARD.map((text, i) => [
          a.accountId,
          ids[i],
          type.recordTypeId,
          type.statusId,
          'Tuple',
          text,
          null,
        ]),
      ),
    );
    const back = await t.deps.db
      .select({ id: salesRecords.id, firstName: salesRecords.firstName, email: salesRecords.email })
      .from(salesRecords)
      .where(and(eq(salesRecords.accountId, a.accountId), eq(salesRecords.lastName, 'Tuple')))
      .orderBy(asc(salesRecords.id));
    expect(back).toEqual(AWKWARD.map((text, i) => ({ id: ids[i], firstName: text, email: null })));
  });
});

describe('the type–status key of Sales Records (decision 016)', () => {
  const record = (recordTypeId: string, statusId: string) => ({
    accountId: a.accountId,
    id: newId(),
    recordTypeId,
    statusId,
    firstName: 'Key',
    lastName: 'Check',
  });

  /** Rejected by the key itself: PostgreSQL's foreign_key_violation, naming the constraint. */
  const refused = async (write: Promise<unknown>) => {
    const err = await write.then(
      () => null,
      (e: unknown) => e,
    );
    let cause = err as { code?: string; constraint?: string; cause?: unknown } | null;
    while (cause?.cause && !cause.code) cause = cause.cause as typeof cause;
    expect(cause?.code).toBe('23503');
    expect(cause?.constraint ?? String(cause)).toContain('sales_records_type_status_fk');
  };

  it('refuses a status of another record type, or of another account, on every write path', async () => {
    const statuses = await t.deps.db
      .select({ recordTypeId: recordStatuses.recordTypeId, id: recordStatuses.id })
      .from(recordStatuses)
      .where(eq(recordStatuses.accountId, a.accountId));
    const otherType = statuses.find((s) => s.recordTypeId !== type.recordTypeId)!;
    expect(otherType).toBeDefined();
    const b = await t.newAccount();
    const [foreign] = await t.deps.db
      .select({ id: recordStatuses.id })
      .from(recordStatuses)
      .where(eq(recordStatuses.accountId, b.accountId))
      .limit(1);
    for (const bad of [record(type.recordTypeId, otherType.id), record(type.recordTypeId, foreign!.id)]) {
      await refused(t.deps.db.insert(salesRecords).values(bad));
      await refused(t.deps.db.transaction((tx) => bulkInsert(tx, salesRecords, [bad])));
    }
    const good = record(otherType.recordTypeId, otherType.id);
    await t.deps.db.insert(salesRecords).values(good);
    // A record's status cannot be moved to another type's either.
    await refused(
      t.deps.db.update(salesRecords).set({ statusId: type.statusId }).where(eq(salesRecords.id, good.id)),
    );
  });
});

describe('insertSelect and PreparedStatement', () => {
  const firstNameOf = new PreparedStatement<{ id: string }, { first_name: string }>(
    'test_first_name_of',
    () => sql`select first_name from ${salesRecords} where ${salesRecords.id} = ${sql.placeholder('id')}`,
  );

  it('insert one row cast to its column types, conditionally, and read it back by a prepared statement', async () => {
    const id = newId();
    const row = {
      accountId: a.accountId,
      id,
      recordTypeId: type.recordTypeId,
      statusId: type.statusId,
      firstName: AWKWARD.join('|'),
      lastName: 'Prepared',
      dateOfBirth: '1961-07-08',
      customFields: { a: [1, 'two'] },
    };
    await t.deps.db.execute(insertSelect(salesRecords, row, { where: sql`false` }));
    expect(await firstNameOf.run(t.deps.db, { id })).toEqual([]);
    await t.deps.db.execute(insertSelect(salesRecords, row));
    for (let i = 0; i < 7; i++)
      // past the point where PostgreSQL may switch to a generic plan
      expect(await firstNameOf.run(t.deps.db, { id })).toEqual([{ first_name: row.firstName }]);
    await t.deps.db.transaction(async (tx) => {
      expect(await firstNameOf.run(tx, { id })).toEqual([{ first_name: row.firstName }]);
    });
    const [r] = await t.deps.db.select().from(salesRecords).where(eq(salesRecords.id, id));
    expect(r).toMatchObject({ dateOfBirth: '1961-07-08', customFields: { a: [1, 'two'] } });
  });
});

describe('pgTextArray', () => {
  const elements = new PreparedStatement<{ list: string }, { v: string; n: string }>(
    'test_text_array_elements',
    () =>
      sql`select v, ordinality::text as n from unnest(${sql.placeholder('list')}::text[]) with ordinality as u(v, ordinality)`,
  );

  it(`carries awkward text into a text[] parameter unchanged (${engine()})`, async () => {
    const values = [...AWKWARD, '{a,b}', '"', '\\"', ' spaced '];
    const rows = await elements.run(t.deps.db, { list: pgTextArray(values) });
    expect(rows.map((r) => r.v)).toEqual(values);
    expect(await elements.run(t.deps.db, { list: pgTextArray([]) })).toEqual([]);
  });
});

describe('copyText', () => {
  it('escapes what COPY’s text format treats specially, and writes null as \\N', () => {
    expect(copyText('plain, "quoted" {x}')).toBe('plain, "quoted" {x}');
    expect(copyText('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyText('\\N')).toBe('\\\\N');
    expect(copyText('')).toBe('');
    expect(copyText(null)).toBe('\\N');
  });
});
