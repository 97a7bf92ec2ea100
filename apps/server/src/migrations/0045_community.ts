import { sql, type Kysely } from 'kysely';
import { createIndex, INSTANT } from '../platform/db/columns.ts';
import type { DialectName } from '../platform/db/types.ts';

/**
 * Customer organisation (客户社群, issue #18 item 6).
 *
 * - `referrals`: a person referred by a customer, one per phone (a second referral of the phone is
 *   refused with the first one's number); status draft → contacted → converted / lost.
 * - `community_events`: user events and seminars; `registered` counts the registrations and is
 *   raised by a conditional update (`registered < capacity`), so capacity holds under concurrency.
 * - `event_invitations`: one per (event, customer), built from a campaigns contact list.
 * - `event_registrations`: one per (event, phone), from an invitation or a walk-in; check-in time.
 *
 * The new permissions join existing databases' roles here; a fresh database gets them from `ensureRoles`.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('referrals')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('referrer_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull().unique())
    .addColumn('region_code', 'text')
    .addColumn('interest_category', 'text')
    .addColumn('channel', 'text', (c) =>
      c.notNull().check(sql`channel in ('phone', 'wechat', 'store', 'event', 'other')`),
    )
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('reward', 'integer', (c) => c.notNull().check(sql`reward in (0, 1)`))
    .addColumn('agent_id', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'contacted', 'converted', 'lost')`),
    )
    .addColumn('lost_reason', 'text')
    .addColumn('converted_customer_id', 'text')
    .addColumn('converted_contract_id', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await createIndex(db, 'referrals_referrer_idx', 'referrals', ['referrer_id', 'created_at']);
  await createIndex(db, 'referrals_created_idx', 'referrals', ['created_at']);

  await db.schema
    .createTable('community_events')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('seminar', 'product_experience', 'maintenance_training', 'other')`),
    )
    .addColumn('starts_at', INSTANT, (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text')
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity > 0`))
    .addColumn('registered', 'integer', (c) => c.notNull().check(sql`registered >= 0`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'open', 'closed', 'done', 'cancelled')`),
    )
    .addColumn('created_by', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addCheckConstraint('community_events_capacity_ck', sql`registered <= capacity`)
    .execute();
  await createIndex(db, 'community_events_starts_idx', 'community_events', ['starts_at']);

  await db.schema
    .createTable('event_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('event_id', 'text', (c) => c.notNull().references('community_events.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('sent', 'opted_out')`))
    .addColumn('sent_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(
    db,
    'event_invitations_event_customer_uq',
    'event_invitations',
    ['event_id', 'customer_id'],
    {
      unique: true,
    },
  );

  await db.schema
    .createTable('event_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('event_id', 'text', (c) => c.notNull().references('community_events.id'))
    .addColumn('invitation_id', 'text')
    .addColumn('customer_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('invitation', 'walk_in')`))
    .addColumn('attended_at', INSTANT)
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'event_registrations_event_phone_uq', 'event_registrations', ['event_id', 'phone'], {
    unique: true,
  });

  const grants: [string, string[]][] = [
    ['community:read', ['admin', 'agent', 'quality', 'manager']],
    ['community:manage', ['admin', 'agent', 'quality', 'manager']],
  ];
  for (const [permission, roles] of grants)
    await sql`insert into role_permissions (role, permission)
      select name, ${permission} from roles where name in (${sql.join(roles)})
      on conflict do nothing`.execute(db);
}
