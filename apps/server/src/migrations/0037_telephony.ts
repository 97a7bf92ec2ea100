import { sql, type Kysely } from 'kysely';
import { createIndex, INSTANT } from '../platform/db/columns.ts';
import type { DialectName } from '../platform/db/types.ts';

/**
 * Telephony (来电弹屏, issue #21 item 4): `telephony_events` holds each call event the platform
 * posted, unique per (call, kind), so a redelivered event stores nothing. The incoming list reads
 * `ringing` rows without an `ended` row of the same call.
 *
 * The new permissions `telephony:answer` and `telephony:call` join existing databases' agent role here; a fresh database
 * gets it from `ensureRoles`.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('telephony_events')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('ringing', 'answered', 'ended')`))
    .addColumn('from_number', 'text')
    .addColumn('agent_user_id', 'text')
    .addColumn('at', INSTANT, (c) => c.notNull())
    .addColumn('wait_seconds', 'integer')
    .addColumn('talk_seconds', 'integer')
    .addColumn('abandoned', 'integer', (c) => c.check(sql`abandoned is null or abandoned in (0, 1)`))
    .addColumn('received_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'telephony_events_call_kind_uq', 'telephony_events', ['call_id', 'kind'], {
    unique: true,
  });
  await createIndex(db, 'telephony_events_kind_at_idx', 'telephony_events', ['kind', 'at']);

  for (const permission of ['telephony:answer', 'telephony:call'])
    await sql`insert into role_permissions (role, permission)
      select name, ${permission} from roles where name in ('admin', 'agent')
      on conflict do nothing`.execute(db);
}
