// recordAudit takes the change's transaction, never the database: this file only has to compile
// (npm run typecheck); the @ts-expect-error line fails the typecheck if a Db is ever accepted again.
import { describe, expect, it } from 'vitest';
import type { Db, Tx } from '../../db/client.ts';
import type { SystemActor } from '../access/index.ts';
import { recordAudit } from './index.ts';

const actor: SystemActor = { kind: 'system', accountId: 'a', accountPackage: 'scale', ctx: {} };
const event = { type: 'user.logged_in', subjectType: 'user', subjectId: 'u', data: {} } as const;

// Never called: the calls are checked by the compiler, not run.
export function compiles(db: Db, tx: Tx) {
  void recordAudit(tx, actor, event);
  // @ts-expect-error — the database is not a transaction: the audit event must commit with the change
  void recordAudit(db, actor, event);
  void db.transaction((t) => recordAudit(t, actor, event));
}

describe('recordAudit', () => {
  it('is typed to take a transaction', () => {
    expect(recordAudit.length).toBe(3);
  });
});
