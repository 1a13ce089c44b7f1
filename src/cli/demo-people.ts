import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { newId } from '../lib/ids.ts';
import { agents } from '../modules/agents/schema.ts';
import { individualNotes, individuals } from '../modules/individuals/schema.ts';
import { policies } from '../modules/policies/schema.ts';
import { recordStatuses, recordTypes } from '../modules/record-types/schema.ts';
import { salesRecordNotes, salesRecords } from '../modules/sales-records/schema.ts';
import { users } from '../modules/users/schema.ts';

const FIRST = [
  'Mary',
  'Robert',
  'Patricia',
  'John',
  'Linda',
  'Michael',
  'Barbara',
  'William',
  'Elizabeth',
  'David',
  'Susan',
  'Richard',
  'Jessica',
  'Joseph',
  'Sarah',
  'Thomas',
  'Karen',
  'Charles',
  'Nancy',
  'Daniel',
  'Lisa',
  'Matthew',
  'Betty',
  'Anthony',
  'Margaret',
  'Donald',
  'Sandra',
  'Mark',
  'Ashley',
  'Paul',
  'Dorothy',
  'Steven',
  'Carmen',
  'Luis',
  'Rosa',
  'Jorge',
  'Mei',
  'Wei',
  'Aaliyah',
  'Kwame',
];
const LAST = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Perez',
  'Thompson',
  'White',
  'Harris',
  'Sanchez',
  'Clark',
  'Ramirez',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Nguyen',
  'Chen',
  'Okafor',
  'Patel',
];
const PLACES = [
  ['Miami', 'FL', '33125', 'Miami-Dade', '305'],
  ['Tampa', 'FL', '33602', 'Hillsborough', '813'],
  ['Orlando', 'FL', '32801', 'Orange', '407'],
  ['Phoenix', 'AZ', '85004', 'Maricopa', '602'],
  ['Scottsdale', 'AZ', '85251', 'Maricopa', '480'],
  ['Dallas', 'TX', '75201', 'Dallas', '214'],
  ['Houston', 'TX', '77002', 'Harris', '713'],
  ['Atlanta', 'GA', '30303', 'Fulton', '404'],
  ['Charlotte', 'NC', '28202', 'Mecklenburg', '704'],
  ['Columbus', 'OH', '43215', 'Franklin', '614'],
] as const;
const SOURCES = [
  'Website form',
  'Facebook ad',
  'Referral',
  'Seminar',
  'Lead vendor',
  'Direct mail',
  'Walk-in',
];
const COVERAGE = [
  'Medicare Advantage',
  'Medicare Supplement',
  'Part D',
  'Final Expense',
  'Dental/Vision/Hearing',
  'ACA',
];
const CARRIERS = ['Humana', 'Aetna', 'UnitedHealthcare', 'Cigna', 'Mutual of Omaha', 'Wellcare', 'Anthem'];
const NOTES = [
  'Left voicemail; will try again Thursday.',
  'Interested in plans with dental coverage.',
  'Asked about drug coverage for Eliquis.',
  'Turning 65 in the spring; wants to compare options.',
  'Prefers calls after 2 pm.',
  'Spouse also interested — call together.',
  'Sent plan comparison by email.',
  'Needs a Spanish-speaking agent.',
];
const MBI_LETTERS = 'ACDEFGHJKMNPQRTUVWXY';

/** A small deterministic PRNG so the demo data is the same on every install. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Several hundred leads across types and statuses, clients with policies, and notes. */
export async function seedDemoPeople(tx: DbOrTx, accountId: string, now = new Date()) {
  const r = rng(2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');
  const mbi = () =>
    `${1 + Math.floor(r() * 9)}${pick([...MBI_LETTERS])}${pick([...MBI_LETTERS])}${digits(1)}-${pick([...MBI_LETTERS])}${digits(1)}${digits(1)}-${pick([...MBI_LETTERS])}${pick([...MBI_LETTERS])}${digits(2)}`.replace(
      /-/g,
      '',
    );
  const types = await tx.select().from(recordTypes).where(eq(recordTypes.accountId, accountId));
  const statuses = await tx.select().from(recordStatuses).where(eq(recordStatuses.accountId, accountId));
  const agentRows = await tx.select({ id: agents.id }).from(agents).where(eq(agents.accountId, accountId));
  const userRows = await tx.select({ id: users.id }).from(users).where(eq(users.accountId, accountId));
  const weights: Record<string, number> = { Lead: 0.75, Renewal: 0.18, Archive: 0.07 };

  const records: (typeof salesRecords.$inferInsert)[] = [];
  const notes: (typeof salesRecordNotes.$inferInsert)[] = [];
  const quoted: (typeof policies.$inferInsert)[] = [];
  for (let i = 0; i < 420; i++) {
    const x = r();
    let acc = 0;
    const type = types.find((t) => (acc += weights[t.name] ?? 0) >= x) ?? types[0]!;
    const st = statuses.filter((s) => s.recordTypeId === type.id);
    const [city, state, zip, county, area] = pick(PLACES);
    const first = pick(FIRST);
    const last = pick(LAST);
    const age = 63 + Math.floor(r() * 20);
    const id = newId();
    const created = new Date(now.getTime() - Math.floor(r() * 150) * 86400_000 - Math.floor(r() * 86400_000));
    records.push({
      accountId,
      id,
      recordTypeId: type.id,
      statusId: pick(st).id,
      firstName: first,
      lastName: last,
      dateOfBirth: `${now.getUTCFullYear() - age}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      gender: r() < 0.55 ? 'female' : 'male',
      email: r() < 0.7 ? `${first}.${last}${Math.floor(r() * 90 + 10)}@example.net`.toLowerCase() : null,
      phone: r() < 0.8 ? `+1${area}555${digits(4)}` : null,
      cellPhone: r() < 0.6 ? `+1${area}555${digits(4)}` : null,
      street: `${100 + Math.floor(r() * 9000)} ${pick(['Oak', 'Palm', 'Main', 'Cedar', 'Lakeview', 'Sunset'])} ${pick(['St', 'Ave', 'Blvd', 'Dr'])}`,
      city,
      state,
      zip,
      county,
      medicareNumber: age >= 65 && r() < 0.6 ? mbi() : null,
      coverageType: pick(COVERAGE),
      leadSource: pick(SOURCES),
      leadDate: created.toISOString().slice(0, 10),
      assignedAgentId: agentRows.length && r() < 0.8 ? pick(agentRows).id : null,
      assignedUserId: userRows.length && r() < 0.3 ? pick(userRows).id : null,
      createdAt: created,
      updatedAt: created,
    });
    if (r() < 0.5)
      notes.push({
        accountId,
        id: newId(),
        salesRecordId: id,
        body: pick(NOTES),
        authorUserId: userRows.length ? pick(userRows).id : null,
        createdAt: new Date(created.getTime() + 3600_000),
      });
    if (r() < 0.2)
      quoted.push({
        accountId,
        id: newId(),
        salesRecordId: id,
        carrier: pick(CARRIERS),
        product: `${pick(['Gold', 'Silver', 'Value', 'Choice'])} ${pick(['HMO', 'PPO', 'Plan G', 'Rx'])}`,
        premium: (r() * 250).toFixed(2),
        status: 'quoted',
      });
  }
  for (let i = 0; i < records.length; i += 200)
    await tx.insert(salesRecords).values(records.slice(i, i + 200));
  if (notes.length) await tx.insert(salesRecordNotes).values(notes);
  if (quoted.length) await tx.insert(policies).values(quoted);

  const clients: (typeof individuals.$inferInsert)[] = [];
  const clientPolicies: (typeof policies.$inferInsert)[] = [];
  const clientNotes: (typeof individualNotes.$inferInsert)[] = [];
  for (let i = 0; i < 80; i++) {
    const [city, state, zip, county, area] = pick(PLACES);
    const id = newId();
    const first = pick(FIRST);
    clients.push({
      accountId,
      id,
      firstName: first,
      lastName: pick(LAST),
      city,
      state,
      zip,
      county,
      phone: `+1${area}555${digits(4)}`,
      medicareNumber: mbi(),
      servicingAgentId: agentRows.length ? pick(agentRows).id : null,
    });
    clientPolicies.push({
      accountId,
      id: newId(),
      individualId: id,
      carrier: pick(CARRIERS),
      product: `${pick(['Gold', 'Silver', 'Value'])} ${pick(['HMO', 'PPO', 'Plan G'])}`,
      premium: (r() * 200).toFixed(2),
      status: 'active',
      effectiveDate: `${now.getUTCFullYear()}-01-01`,
    });
    if (r() < 0.4)
      clientNotes.push({
        accountId,
        id: newId(),
        individualId: id,
        body: 'Annual review scheduled before AEP.',
        authorUserId: userRows.length ? pick(userRows).id : null,
      });
  }
  await tx.insert(individuals).values(clients);
  await tx.insert(policies).values(clientPolicies);
  if (clientNotes.length) await tx.insert(individualNotes).values(clientNotes);
  return {
    salesRecords: records.length,
    individuals: clients.length,
    policies: quoted.length + clientPolicies.length,
    notes: notes.length + clientNotes.length,
  };
}
