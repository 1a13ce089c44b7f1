import { foreignKey, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, ts } from '../../db/columns.ts';
import { accounts } from '../accounts/schema.ts';

import { API_KEY_SCOPES, type ApiKeyScope } from '../access/index.ts';

export { API_KEY_SCOPES };
export type { ApiKeyScope };

export const apiKeys = pgTable(
  'api_keys',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    scope: text('scope').$type<ApiKeyScope>().notNull(),
    tokenHash: text('token_hash').notNull(),
    /** `oams_…` and the key's last characters, shown in lists so a person can tell keys apart. */
    displayPrefix: text('display_prefix').notNull(),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: createdAt(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId], foreignColumns: [accounts.id] }).onDelete('cascade'),
    uniqueIndex('api_keys_token_uq').on(t.accountId, t.tokenHash),
  ],
);
