import { sql, type Kysely } from 'kysely';
import { INSTANT } from '../platform/db/columns.ts';
import type { DialectName } from '../platform/db/types.ts';

/**
 * PIPL erasure (issue #13 item 10): `customers.erased_at` marks a customer whose personal data was
 * anonymised on request or by the retention job. The row stays (orders, statistics and settlement
 * keep pointing at it); only what identifies the person goes.
 *
 * The new permission `customer:privacy` is part of the admin defaults; a fresh database gets it from
 * `ensureRoles`, an existing one here (an admin role edited since keeps its edits plus this one).
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema.alterTable('customers').addColumn('erased_at', INSTANT).execute();
  await sql`insert into role_permissions (role, permission)
    select name, 'customer:privacy' from roles where name = 'admin'
    on conflict do nothing`.execute(db);
}
