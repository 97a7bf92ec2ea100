import { sql, type Kysely } from 'kysely';
import { BUSINESS_DATE, createIndex, INSTANT } from '../platform/db/columns.ts';
import type { DialectName } from '../platform/db/types.ts';

/**
 * Call records (话务记录, issue #19 item 5): one row per call the telephony system reports, by API
 * or import. `(source, external_id)` is unique so a re-sent call is recognised. `offered_on` and
 * `offered_slot` (the Asia/Shanghai business date and half hour 0…47 of `offered_at`) are kept at
 * write time so the date-range figures group by plain columns on both databases.
 *
 * The new permissions `callcenter:*` join existing databases' default roles here; a fresh database
 * gets them from `ensureRoles`.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('call_records')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('inbound', 'outbound')`))
    .addColumn('caller_number', 'text')
    .addColumn('queue', 'text')
    .addColumn('agent_user_id', 'text')
    .addColumn('offered_at', INSTANT, (c) => c.notNull())
    .addColumn('offered_on', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('offered_slot', 'integer', (c) => c.notNull().check(sql`offered_slot between 0 and 47`))
    .addColumn('answered_at', INSTANT)
    .addColumn('ended_at', INSTANT, (c) => c.notNull())
    .addColumn('wait_seconds', 'integer', (c) => c.notNull().check(sql`wait_seconds >= 0`))
    .addColumn('talk_seconds', 'integer', (c) => c.notNull().check(sql`talk_seconds >= 0`))
    .addColumn('hold_seconds', 'integer', (c) => c.notNull().check(sql`hold_seconds >= 0`))
    .addColumn('acw_seconds', 'integer', (c) => c.notNull().check(sql`acw_seconds >= 0`))
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('answered', 'abandoned')`))
    /** 1 resolved at first contact, 0 not, null not recorded. */
    .addColumn('resolved_first_contact', 'integer', (c) =>
      c.check(sql`resolved_first_contact is null or resolved_first_contact in (0, 1)`),
    )
    .addColumn('work_order_id', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'call_records_source_ext_uq', 'call_records', ['source', 'external_id'], {
    unique: true,
  });
  await createIndex(db, 'call_records_day_idx', 'call_records', ['offered_on', 'offered_slot']);
  await createIndex(db, 'call_records_agent_day_idx', 'call_records', ['agent_user_id', 'offered_on']);
  await createIndex(db, 'call_records_offered_idx', 'call_records', ['offered_at', 'id']);

  const grant = async (permissions: string[], roles: string[]) => {
    for (const p of permissions)
      await sql`insert into role_permissions (role, permission)
        select name, ${p} from roles where name in (${sql.join(roles)})
        on conflict do nothing`.execute(db);
  };
  await grant(['callcenter:read', 'callcenter:manage'], ['admin', 'manager']);
  await grant(['callcenter:own'], ['admin', 'agent', 'manager']);
}
