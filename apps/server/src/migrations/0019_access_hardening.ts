import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../platform/db/types.ts';
import { createIndex } from '../platform/db/columns.ts';

/**
 * Issue #13 (trust under attack):
 * - `login_throttles`: failed sign-ins counted per account and source together (`pair`), per source
 *   across accounts (`source`) and per account across sources (`account`, alerts only), in the
 *   database so every API node sees the same delays. `version` makes each update a compare-and-set.
 * - `api_tokens.permissions`: the JSON list a token was granted (null: a token made before scopes,
 *   which keeps its owner's permissions except token management).
 * - `otp_codes.source`: the client address that asked for a code, so caps per source hold across
 *   nodes; indexes for the per-source and service-wide counts.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('login_throttles')
    .addColumn('key', 'text', (c) => c.primaryKey().notNull())
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('pair','source','account')`))
    .addColumn('username', 'text')
    .addColumn('source', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_failure_at', 'text', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addColumn('blocked_until', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await createIndex(db, 'login_throttles_username_idx', 'login_throttles', ['username']);
  // Stale counters are purged by age (attackers invent user names; the table must not grow).
  await createIndex(db, 'login_throttles_last_failure_idx', 'login_throttles', ['last_failure_at']);

  await db.schema.alterTable('api_tokens').addColumn('permissions', 'text').execute();

  await db.schema.alterTable('otp_codes').addColumn('source', 'text').execute();
  await createIndex(db, 'otp_codes_source_idx', 'otp_codes', ['purpose', 'source', 'created_at']);
  await createIndex(db, 'otp_codes_created_idx', 'otp_codes', ['purpose', 'created_at']);
}
