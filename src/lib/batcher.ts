/**
 * Micro-batching (the DataLoader pattern): lookups that arrive while the event loop is handling
 * the same round of I/O are answered by one query instead of one each. Nothing is cached — every
 * lookup is answered by a query that started after the lookup was asked — so a batch is exactly as
 * fresh as a single query; under load it saves a round trip, a statement execution and the
 * per-query work of the driver for every lookup but the first.
 *
 * The batch runs on `setImmediate`, i.e. after every socket that was readable in this turn of the
 * loop has been read, so concurrent requests share it; an idle server adds no measurable delay.
 */
export type BatchLoad<K, V> = (key: K) => Promise<V>;

export function createBatcher<K, V>(
  /** Answers `keys` in the same order (one value per key). */
  run: (keys: K[]) => Promise<V[]>,
  opts: { maxBatch?: number } = {},
): BatchLoad<K, V> {
  const maxBatch = opts.maxBatch ?? 100;
  type Waiter = { key: K; resolve: (v: V) => void; reject: (e: unknown) => void };
  let pending: Waiter[] = [];

  const flush = (batch: Waiter[]) => {
    run(batch.map((w) => w.key)).then(
      (values) => {
        if (values.length !== batch.length) {
          const error = new Error(`batch answered ${values.length} values for ${batch.length} keys`);
          for (const w of batch) w.reject(error);
          return;
        }
        for (let i = 0; i < batch.length; i++) batch[i]!.resolve(values[i]!);
      },
      (error: unknown) => {
        for (const w of batch) w.reject(error);
      },
    );
  };

  return (key) =>
    new Promise<V>((resolve, reject) => {
      pending.push({ key, resolve, reject });
      if (pending.length === 1) {
        setImmediate(() => {
          const batch = pending;
          pending = [];
          if (batch.length > 0) flush(batch);
        });
      } else if (pending.length >= maxBatch) {
        const batch = pending;
        pending = [];
        flush(batch);
      }
    });
}

/** A lookup of an account-bearing token (session or API key) by its account and hash. */
export type TokenKey = { accountId: string; tokenHash: string };

/**
 * A batch's rows back in the order of its keys (null: not found). A token asked for twice in one
 * batch (a page's parallel requests) gets a copy the second time, so no request can touch what
 * another was given — as if each had run its own query.
 */
export function rowsInKeyOrder<R extends TokenKey>(
  keys: readonly TokenKey[],
  rows: readonly R[],
): (R | null)[] {
  const byKey = new Map(rows.map((r) => [`${r.accountId}|${r.tokenHash}`, r]));
  const handedOut = new Set<R>();
  return keys.map((k) => {
    const row = byKey.get(`${k.accountId}|${k.tokenHash}`);
    if (!row) return null;
    if (handedOut.has(row)) return structuredClone(row);
    handedOut.add(row);
    return row;
  });
}

/**
 * A token lookup batched per database: `query` answers a batch's keys (as `accountIds` and
 * `tokenHashes` arrays) with the rows found; each database gets its batcher on first use.
 */
export function tokenLookupPerDatabase<D extends object, R extends TokenKey>(
  prepare: (db: D) => { execute(p: { accountIds: string[]; tokenHashes: string[] }): Promise<R[]> },
): (db: D) => BatchLoad<TokenKey, R | null> {
  const lookups = new WeakMap<D, BatchLoad<TokenKey, R | null>>();
  return (db) => {
    let lookup = lookups.get(db);
    if (!lookup) {
      const query = prepare(db);
      lookup = createBatcher(async (keys: TokenKey[]) =>
        rowsInKeyOrder(
          keys,
          await query.execute({
            accountIds: keys.map((k) => k.accountId),
            tokenHashes: keys.map((k) => k.tokenHash),
          }),
        ),
      );
      lookups.set(db, lookup);
    }
    return lookup;
  };
}
