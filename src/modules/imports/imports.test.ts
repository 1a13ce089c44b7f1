import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTestApp,
  type TestAccount,
  type TestApp,
  until,
} from '../../../test/support/app.ts';
import { salesRecords } from '../sales-records/schema.ts';
import { BATCH_ROWS } from './run-import.ts';
import { imports } from './schema.ts';

let t: TestApp;
let a: TestAccount;
beforeAll(async () => {
  t = await createTestApp({ workers: true, importMaxBytes: 1024 * 1024 });
  a = await t.newAccount();
});
afterAll(() => t.close());

const HEAD = 'First Name,Last Name,Email,Phone,Date of Birth,State,Note';
function multipart(filename: string, content: Buffer | string) {
  const boundary = '----openams-import';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (c: Client, name: string, content: Buffer | string) =>
  c.request({ method: 'POST', url: '/api/v1/imports', ...multipart(name, content) });

async function runImport(
  c: Client,
  name: string,
  content: Buffer | string,
  extra: Record<string, unknown> = {},
) {
  const up = await upload(c, name, content);
  expect(up.statusCode, up.body).toBe(201);
  const mapping = up
    .json()
    .suggestedMapping.map((m: { target: string }) => (m.target === 'unmapped' ? 'note' : m.target));
  const start = await c.post(`/api/v1/imports/${up.json().id}/start`, { mapping, ...extra });
  expect(start.statusCode, start.body).toBe(202);
  await until(
    async () =>
      ['completed', 'failed'].includes((await c.get(`/api/v1/imports/${up.json().id}`)).json().status),
    30_000,
  );
  return (await c.get(`/api/v1/imports/${up.json().id}`)).json();
}

describe('CSV import', () => {
  it('previews, imports good rows, reports bad ones by row and column, and turns Note cells into notes', async () => {
    const csv = [
      HEAD,
      'Ann,Arbor,ann@example.com,(312) 401-0001,04/02/1955,MI,"Prefers mornings, not Mondays"',
      'Bob,,bob@example.com,312-401-0002,,OH,',
      'Cy,Press,not-an-email,12,1950-13-40,ZZ,',
      '"Dee ""DJ""",Jay,dee@example.com,,,FL,"Line one',
      'line two"',
    ].join('\r\n');
    const up = await upload(a.admin, 'leads.csv', csv);
    expect(up.json()).toMatchObject({ totalRows: 4, encoding: 'utf-8', headings: HEAD.split(',') });
    expect(up.json().suggestedMapping.map((m: { target: string }) => m.target)).toEqual([
      'firstName',
      'lastName',
      'email',
      'phone',
      'dateOfBirth',
      'state',
      'note',
    ]);
    expect(up.json().preview[3]).toEqual([
      'Dee "DJ"',
      'Jay',
      'dee@example.com',
      '',
      '',
      'FL',
      'Line one\r\nline two',
    ]);

    const done = await runImport(a.admin, 'leads.csv', csv);
    expect(done).toMatchObject({
      status: 'completed',
      totalRows: 4,
      processedRows: 4,
      created: 2,
      failed: 2,
      skipped: 0,
    });
    const report = (await a.admin.get(`/api/v1/imports/${done.id}/errors.csv`)).body;
    expect(report.split('\r\n').slice(0, 1)).toEqual([`Row,Column,Reason,${HEAD}`]);
    expect(report).toContain('3,lastName,Required.');
    for (const col of ['email', 'phone', 'dateOfBirth', 'state']) expect(report).toContain(`4,${col},`);
    const ann = (await a.admin.get('/api/v1/sales-records?q=ann@example.com')).json().items[0];
    expect(ann).toMatchObject({ phone: '+13124010001', state: 'MI' });
    expect((await a.admin.get(`/api/v1/sales-records/${ann.id}`)).json().dateOfBirth).toBe('1955-04-02');
    expect((await a.admin.get(`/api/v1/sales-records/${ann.id}/notes`)).json().items[0].body).toBe(
      'Prefers mornings, not Mondays',
    );
  });

  it('numbers a bad row in the error report as the preview does, and reports the row’s values as uploaded', async () => {
    // A quoted cell over two lines before the bad row: the file's line numbers and its rows part.
    const csv = [
      HEAD,
      'Ann,Arbor,ann2@example.com,,,MI,"Call after',
      'five"',
      'Cy,,not-an-email,,,OH,"Said ""no"", then yes"',
      'Di,Done,,,,,',
    ].join('\n');
    const up = await upload(a.admin, 'rows.csv', csv);
    expect(up.json().previewRows).toEqual([2, 3, 4]);
    expect(up.json().preview[1]![0]).toBe('Cy');
    const done = await runImport(a.admin, 'rows.csv', csv);
    expect(done).toMatchObject({ created: 2, failed: 1 });
    const report = (await a.admin.get(`/api/v1/imports/${done.id}/errors.csv`)).body;
    expect(report.split('\r\n')).toEqual([
      'Row,Column,Reason,First Name,Last Name,Email,Phone,Date of Birth,State,Note',
      '3,lastName,Required.,Cy,,not-an-email,,,OH,"Said ""no"", then yes"',
      '3,email,Must be a valid email address.,Cy,,not-an-email,,,OH,"Said ""no"", then yes"',
      '',
    ]);
  });

  it('matches duplicates within the file and against existing records; re-importing creates nothing new', async () => {
    const csv = [
      HEAD,
      'Eve,Echo,eve@example.com,312-401-0010,,,',
      'Eve,Echo,EVE@example.com,,,,',
      'Fay,Fox,,(312) 401-0011,,,',
      'Fay,F,,312 401 0011,,,',
    ].join('\n');
    const first = await runImport(a.admin, 'dups.csv', csv);
    expect(first).toMatchObject({ created: 2, skipped: 2 });
    const again = await runImport(a.admin, 'dups.csv', csv);
    expect(again).toMatchObject({ created: 0, skipped: 4 });
    const updated = await runImport(
      a.admin,
      'more.csv',
      [HEAD, 'Eve,Echo,eve@example.com,,1961-07-08,TX,'].join('\n'),
      { duplicates: 'update' },
    );
    expect(updated).toMatchObject({ created: 0, updated: 1 });
    const eve = (await a.admin.get('/api/v1/sales-records?q=eve@example.com')).json().items;
    expect(eve).toHaveLength(1);
    expect((await a.admin.get(`/api/v1/sales-records/${eve[0].id}`)).json()).toMatchObject({
      state: 'TX',
      dateOfBirth: '1961-07-08',
      phone: '+13124010010',
    });
  });

  it('a refused upload never removes bytes an attachment shares (identical files share storage on disk)', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from([0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01]),
    ]);
    const r = (await a.admin.post('/api/v1/sales-records', { firstName: 'Pic', lastName: 'Ture' })).json();
    const boundary = 'b0undary';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="card.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const attached = await a.admin.request({
      method: 'POST',
      url: `/api/v1/sales-records/${r.id}/files`,
      payload: body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(attached.statusCode, attached.body).toBe(201);
    expect((await upload(a.admin, 'card.csv', png)).statusCode).toBe(400);
    const dl = await a.admin.get(`/api/v1/files/${attached.json().id}/content`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(png)).toBe(true);
  });

  it('converts Windows-1252 files and refuses binary, oversized, headerless and unknown-heading files clearly', async () => {
    const cp1252 = Buffer.concat([
      Buffer.from('First Name,Last Name\r\n'),
      Buffer.from([0x4a, 0x6f, 0x73, 0xe9, 0x2c, 0x4e, 0xfa, 0xf1, 0x65, 0x7a, 0x0d, 0x0a]),
    ]);
    const done = await runImport(a.admin, 'excel.csv', cp1252);
    expect(done).toMatchObject({ encoding: 'windows-1252', created: 1 });
    expect((await a.admin.get('/api/v1/sales-records?q=jos')).json().items[0].lastName).toBe('Núñez');

    const cases: [string, Buffer | string, RegExp][] = [
      ['photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]), /binary/],
      ['book.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), /Excel/],
      ['huge.csv', `${HEAD}\n${'Ann,Arbor,,,,,\n'.repeat(80_000)}`, /larger than/],
      ['empty.csv', '', /empty/],
      ['only-head.csv', HEAD, /no rows/],
      ['leads.pdf', 'First Name,Last Name\nA,B\n', /\.csv/],
      ['broken.csv', 'First Name,Last Name\n"unclosed,B\n', /never closed/],
    ];
    for (const [name, content, message] of cases) {
      const res = await upload(a.admin, name, content);
      expect(res.statusCode, name).toBe(400);
      expect(res.json().detail, name).toMatch(message);
    }

    const wrong = await upload(a.admin, 'wrong.csv', 'Frist Name,last name,Comments\nA,B,C\n');
    expect(wrong.json().suggestedMapping.map((m: { target: string }) => m.target)).toEqual([
      'unmapped',
      'unmapped',
      'unmapped',
    ]);
    const start = await a.admin.post(`/api/v1/imports/${wrong.json().id}/start`, {
      mapping: ['unmapped', 'unmapped', 'note'],
    });
    expect(start.statusCode).toBe(400);
    const messages = start
      .json()
      .errors.map((e: { message: string }) => e.message)
      .join('\n');
    expect(messages).toContain(
      '“Frist Name” is not a documented heading; expected one of: First Name, Middle Name, Last Name',
    );
    expect(messages).toContain(
      'The required column “First Name” is missing (found: Frist Name, last name, Comments)',
    );
  });

  it('reports rows with the wrong number of columns', async () => {
    const done = await runImport(
      a.admin,
      'ragged.csv',
      [HEAD, 'Gil,Gray,,,,,', 'Hal,Hill', 'Ivy,Ice,,,,,,extra'].join('\n'),
    );
    expect(done).toMatchObject({ created: 1, failed: 2 });
    expect((await a.admin.get(`/api/v1/imports/${done.id}/errors.csv`)).body).toContain(
      '3,(row),"Expected 7 columns, found 2."',
    );
  });

  it('a failed import resumes from its last committed batch without duplicating rows, or rolls back', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `Res${i},Ume,res${i}@example.com,,,,`);
    const up = await upload(a.admin, 'big.csv', [HEAD, ...rows].join('\n'));
    const id = up.json().id;
    await a.admin.post(`/api/v1/imports/${id}/start`, {
      mapping: up.json().suggestedMapping.map((m: { target: string }) => m.target),
    });
    await until(
      async () => (await a.admin.get(`/api/v1/imports/${id}`)).json().status === 'completed',
      30_000,
    );
    // Pretend it had died after its first batch: resume must not repeat the first 1,000 rows.
    await t.deps.db
      .update(imports)
      .set({ status: 'failed', processedRows: 1000, created: 1000 })
      .where(and(eq(imports.accountId, a.accountId), eq(imports.id, id)));
    const res = await a.admin.post(`/api/v1/imports/${id}/resume`);
    expect(res.statusCode).toBe(202);
    await until(
      async () => (await a.admin.get(`/api/v1/imports/${id}`)).json().status === 'completed',
      30_000,
    );
    expect((await a.admin.get(`/api/v1/imports/${id}`)).json()).toMatchObject({
      processedRows: 2500,
      created: 1000,
      skipped: 1500,
    });
    const rolled = await a.admin.post(`/api/v1/imports/${id}/rollback`);
    expect(rolled.json()).toEqual({ removed: 2500 });
    expect((await a.admin.get('/api/v1/sales-records?q=res1@example.com')).json().items).toHaveLength(0);
    expect(
      (await a.admin.get('/api/v1/imports')).json().items.find((i: { id: string }) => i.id === id).status,
    ).toBe('rolled_back');
  });

  it(
    'a crash in the middle leaves whole batches only, and the retry resumes after the last one: every row once',
    { timeout: 90_000 },
    async () => {
      // A row that makes the database fail once, mid-file (in the second batch), as a crash would:
      // a trigger that raises the first time it sees it (a sequence is not rolled back).
      const statements = [
        'create sequence crash_once',
        `create function crash_once() returns trigger language plpgsql as $$ begin if new.last_name = 'Crash' and nextval('crash_once') = 1 then raise exception 'simulated crash'; end if; return new; end $$`,
        'create trigger crash_once before insert on sales_records for each row execute function crash_once()',
      ];
      for (const s of statements) await t.deps.db.execute(sql.raw(s));
      try {
        const total = BATCH_ROWS * 2 + 1234;
        const crashAt = BATCH_ROWS + 1500;
        const rows = Array.from({ length: total }, (_, i) => `C${i},${i === crashAt ? 'Crash' : 'Ok'}`);
        const up = await upload(a.admin, 'crash.csv', ['First Name,Last Name', ...rows].join('\n'));
        expect(up.statusCode, up.body).toBe(201);
        const id = up.json().id;
        const created = async () =>
          (
            await t.deps.db
              .select({ n: count() })
              .from(salesRecords)
              .where(and(eq(salesRecords.accountId, a.accountId), eq(salesRecords.importId, id)))
          )[0]!.n;
        expect(
          (await a.admin.post(`/api/v1/imports/${id}/start`, { mapping: ['firstName', 'lastName'] }))
            .statusCode,
        ).toBe(202);
        // The failed attempt: the first batch is committed with its progress, the second not at all.
        await until(
          async () => Boolean((await a.admin.get(`/api/v1/imports/${id}`)).json().lastError),
          30_000,
        );
        // (pg-boss waits 5 s before the retry: long enough to look.)
        expect((await a.admin.get(`/api/v1/imports/${id}`)).json()).toMatchObject({
          status: 'running',
          lastError: 'simulated crash',
          processedRows: BATCH_ROWS,
          created: BATCH_ROWS,
        });
        expect(await created()).toBe(BATCH_ROWS);
        // pg-boss retries the job; it resumes after the last committed batch.
        await until(
          async () => (await a.admin.get(`/api/v1/imports/${id}`)).json().status === 'completed',
          60_000,
        );
        expect((await a.admin.get(`/api/v1/imports/${id}`)).json()).toMatchObject({
          processedRows: total,
          created: total,
          failed: 0,
          skipped: 0,
        });
        expect(await created()).toBe(total); // every row once: none repeated, none lost
        const names = await t.deps.db
          .select({ n: sql<number>`count(distinct ${salesRecords.firstName})::int` })
          .from(salesRecords)
          .where(and(eq(salesRecords.accountId, a.accountId), eq(salesRecords.importId, id)));
        expect(names[0]!.n).toBe(total);
        expect((await a.admin.post(`/api/v1/imports/${id}/rollback`)).json()).toEqual({ removed: total });
        expect(await created()).toBe(0);
      } finally {
        for (const s of [
          'drop trigger crash_once on sales_records',
          'drop function crash_once()',
          'drop sequence crash_once',
        ])
          await t.deps.db.execute(sql.raw(s));
      }
    },
  );

  it(
    'finds duplicates of rows in the previous batch, even while that batch is still being written',
    { timeout: 90_000 },
    async () => {
      // Three batches. Batch 2 opens with copies of batch 1's last rows (by email); batch 3 with
      // copies of batch 2's last rows (by phone) and of rows inside batch 2 (by name + birth
      // date). On PostgreSQL batches 2 and 3 are in the database together (decision 015).
      const total = BATCH_ROWS * 2 + 10;
      const person = (i: number) => ({
        first: `L${i}`,
        email: `l${i}@x.io`,
        phone: `212${2_000_000 + i}`,
      });
      const rows = Array.from({ length: total }, (_, i) => {
        const p = person(i);
        const k = i % BATCH_ROWS;
        if (i >= BATCH_ROWS && i < 2 * BATCH_ROWS && k < 5) p.email = person(BATCH_ROWS - 1 - k).email;
        if (i >= 2 * BATCH_ROWS && k < 5) p.phone = person(2 * BATCH_ROWS - 1 - k).phone;
        if (i >= 2 * BATCH_ROWS && k >= 5 && k < 10) p.first = person(BATCH_ROWS + 100 + k).first;
        return `${p.first},N,${p.email},${p.phone},1950-01-01`;
      });
      const csv = ['First Name,Last Name,Email,Phone,Date of Birth', ...rows].join('\n');
      const done = await runImport(a.admin, 'lanes.csv', csv);
      expect(done).toMatchObject({
        status: 'completed',
        processedRows: total,
        created: total - 15,
        skipped: 15,
        failed: 0,
      });
      const [n] = await t.deps.db
        .select({
          records: count(),
          emails: sql<number>`count(distinct ${salesRecords.email})::int`,
          phones: sql<number>`count(distinct ${salesRecords.phone})::int`,
          names: sql<number>`count(distinct ${salesRecords.firstName})::int`,
        })
        .from(salesRecords)
        .where(and(eq(salesRecords.accountId, a.accountId), eq(salesRecords.importId, done.id)));
      expect(n).toEqual({ records: total - 15, emails: total - 15, phones: total - 15, names: total - 15 });
    },
  );

  it('needs Add on the target record type; imports of another account are 404', async () => {
    const b = await t.newAccount();
    const done = (await a.admin.get('/api/v1/imports')).json().items[0];
    expect((await b.admin.get(`/api/v1/imports/${done.id}`)).statusCode).toBe(404);
    expect((await b.admin.get(`/api/v1/imports/${done.id}/errors.csv`)).statusCode).toBe(404);
    expect((await b.admin.post(`/api/v1/imports/${done.id}/rollback`)).statusCode).toBe(404);
    expect((await b.admin.get('/api/v1/imports')).json().items).toHaveLength(0);
    const cols = (await a.admin.get('/api/v1/imports/columns')).json().items;
    expect(
      cols.filter((c: { required: boolean }) => c.required).map((c: { heading: string }) => c.heading),
    ).toEqual(['First Name', 'Last Name']);
    expect(
      (await a.admin.get('/api/v1/imports/template.csv')).body.startsWith('First Name,Middle Name,Last Name'),
    ).toBe(true);
  });
});
