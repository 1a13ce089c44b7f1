import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import { agents, individuals, LIVE_CHANNEL, salesRecords } from './ports.ts';
import {
  messageRecords,
  messages,
  phoneNumbers,
  type MessagingProvider,
  type RecordKind,
} from '../schema.ts';

export type StoreInboundInput = {
  id: string;
  provider: MessagingProvider;
  providerMessageId: string;
  /** E.164 when it is a phone number (the match is exact). */
  from: string;
  to: string;
  body: string;
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
  revocation: 'flagged' | null;
  /** Only this account's numbers (the simulator). */
  onlyAccountId: string | null;
};

export type MatchedRecord = { type: RecordKind; id: string };

export type StoreInboundResult =
  | { stored: false; accountId: string | null; phoneNumberId: string | null; number: string | null }
  | {
      stored: true;
      accountId: string;
      phoneNumberId: string;
      number: string;
      records: { type: RecordKind; id: string }[];
    };

type Row = {
  account_id: string | null;
  phone_number_id: string | null;
  number: string | null;
  message_id: string | null;
  records: { type: RecordKind; id: string }[] | string | null;
};

/**
 * The hot part of the inbound pipeline as ONE statement (one round trip, atomic by itself): find
 * the account by the number texted, insert the message unless the provider id was seen
 * (`messages_provider_id_uq`: a replay inserts nothing), match the sender among the account's Sales
 * Records, Individuals and Agents by exact phone (the record modules' `(account_id, phone)` and
 * `(account_id, cell_phone)` indexes), link every match, and NOTIFY the live channel (delivered on
 * commit). Run it in the caller's transaction when more follows (ledger rows, a reply).
 */
export async function storeInbound(tx: DbOrTx, i: StoreInboundInput): Promise<StoreInboundResult> {
  const res = await executePrepared(
    tx,
    i.onlyAccountId ? 'openams_inbound_store_in' : 'openams_inbound_store',
    storeInboundSql(i),
  );
  const row = (res as unknown as { rows: Row[] }).rows[0];
  if (!row || !row.message_id)
    return {
      stored: false,
      accountId: row?.account_id ?? null,
      phoneNumberId: row?.phone_number_id ?? null,
      number: row?.number ?? null,
    };
  const records = typeof row.records === 'string' ? JSON.parse(row.records) : (row.records ?? []);
  return {
    stored: true,
    accountId: row.account_id!,
    phoneNumberId: row.phone_number_id!,
    number: row.number!,
    records,
  };
}

/** The statement itself (bench/support/inbound-server.ts prints its EXPLAIN ANALYZE). */
export function storeInboundSql(i: StoreInboundInput): SQL {
  const onlyAccount = i.onlyAccountId ? sql`and ${phoneNumbers.accountId} = ${i.onlyAccountId}::uuid` : sql``;
  return sql`
    with num as (
      select ${phoneNumbers.accountId} as account_id, ${phoneNumbers.id} as id, ${phoneNumbers.number} as number
      from ${phoneNumbers}
      where ${phoneNumbers.number} = ${i.to} and ${phoneNumbers.deletedAt} is null ${onlyAccount}
    ), ins as (
      insert into ${messages} (account_id, id, channel, direction, status, delivery_status, from_address,
        to_address, body, phone_number_id, provider, provider_message_id, segments, encoding, status_at, revocation)
      select num.account_id, ${i.id}::uuid, 'sms', 'inbound', 'received', 'received', ${i.from},
        num.number, ${i.body}, num.id, ${i.provider}, ${i.providerMessageId}, ${i.segments}::int, ${i.encoding},
        now(), ${i.revocation}
      from num
      on conflict do nothing
      returning account_id, id, created_at
    ), matched as (
      -- The account as a scalar (an InitPlan), so each lookup is an index scan on (account_id, phone).
      select 'sales_record'::text as type, s.id from ${salesRecords} s
        where s.account_id = (select account_id from ins)
          and (s.phone = ${i.from} or s.cell_phone = ${i.from}) and s.deleted_at is null
      union all
      select 'individual', d.id from ${individuals} d
        where d.account_id = (select account_id from ins) and (d.phone = ${i.from} or d.cell_phone = ${i.from})
      union all
      select 'agent', g.id from ${agents} g
        where g.account_id = (select account_id from ins) and g.phone = ${i.from}
    ), links as (
      insert into ${messageRecords} (account_id, message_id, record_type, record_id, created_at)
      select ins.account_id, ins.id, matched.type, matched.id, ins.created_at from ins, matched
      returning record_type
    ), recs as (
      select coalesce(json_agg(json_build_object('type', type, 'id', id)), '[]'::json) as records from matched
    ), notified as (
      select pg_notify(${LIVE_CHANNEL}, json_build_object(
        'accountId', ins.account_id, 'topic', 'messages', 'kind', 'created', 'messageId', ins.id,
        'direction', 'inbound', 'records', recs.records)::text) as n
      from ins, recs
    )
    select num.account_id, num.id as phone_number_id, num.number, ins.id as message_id,
      (select records from recs) as records, (select count(*) from notified) as notified
    from num left join ins on true`;
}

type DrizzleInternals = {
  session?: {
    prepareQuery(
      q: { sql: string; params: unknown[] },
      fields: undefined,
      name: string,
      arrayMode: boolean,
    ): {
      execute(): Promise<unknown>;
    };
  };
  dialect?: { sqlToQuery(s: SQL): { sql: string; params: unknown[] } };
};

/**
 * Run `query` as a named prepared statement (PostgreSQL plans it once per connection instead of
 * once per text: planning this statement cost more than running it). Drizzle prepares only query
 * builders, so this reaches its session the way its own `execute` does; `name` must always carry
 * the same SQL text. Falls back to a plain execute when the internals are not there.
 */
async function executePrepared(tx: DbOrTx, name: string, query: SQL): Promise<unknown> {
  const d = tx as unknown as DrizzleInternals;
  if (!d.session?.prepareQuery || !d.dialect?.sqlToQuery) return tx.execute(query);
  return d.session.prepareQuery(d.dialect.sqlToQuery(query), undefined, name, false).execute();
}
