import { sql, type Kysely } from 'kysely';
import { createIndex, INSTANT, JSON_TEXT } from '../platform/db/columns.ts';
import type { DialectName } from '../platform/db/types.ts';

/**
 * Outbound campaigns (外呼活动 / 售后大回访, issue #18 item 5).
 *
 * - `campaigns`: name, purpose, script, questions and filters (JSON), status draft → active → finished.
 * - `campaign_targets`: the call list, snapshotted once per (campaign, customer): a rebuild adds
 *   only customers not yet on it. `claimed_by`/`claimed_at` hold a target for one agent.
 * - `campaign_attempts`: every call with its outcome and answers; a customer's last contact is
 *   the latest attempt that reached a person (the "no contact for N days" filter reads it).
 * - `campaign_opt_outs`: customers who asked not to be called again, one row each.
 *
 * The new permissions join existing databases' roles here; a fresh database gets them from `ensureRoles`.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) =>
      c.notNull().check(sql`purpose in ('follow_up', 'quarterly_review', 'warranty_expiry', 'new_product')`),
    )
    .addColumn('script', 'text', (c) => c.notNull())
    .addColumn('questions', JSON_TEXT, (c) => c.notNull())
    .addColumn('filters', JSON_TEXT, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'active', 'finished')`))
    .addColumn('built_at', INSTANT)
    .addColumn('created_by', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await createIndex(db, 'campaigns_status_idx', 'campaigns', ['status', 'created_at']);

  await db.schema
    .createTable('campaign_targets')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ('pending', 'reached', 'refused', 'wrong_number', 'exhausted', 'opted_out', 'skipped')`,
        ),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', INSTANT, (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', INSTANT)
    .addColumn('completed', 'integer', (c) => c.notNull().check(sql`completed in (0, 1)`))
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(
    db,
    'campaign_targets_campaign_customer_uq',
    'campaign_targets',
    ['campaign_id', 'customer_id'],
    {
      unique: true,
    },
  );
  await createIndex(db, 'campaign_targets_queue_idx', 'campaign_targets', [
    'campaign_id',
    'status',
    'next_attempt_at',
  ]);
  await createIndex(db, 'campaign_targets_customer_idx', 'campaign_targets', ['customer_id', 'status']);

  await db.schema
    .createTable('campaign_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('target_id', 'text', (c) => c.notNull().references('campaign_targets.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('agent_user_id', 'text')
    .addColumn('outcome', 'text', (c) =>
      c
        .notNull()
        .check(sql`outcome in ('reached', 'no_answer', 'busy', 'wrong_number', 'refused', 'opted_out')`),
    )
    .addColumn('answers', JSON_TEXT, (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'campaign_attempts_target_idx', 'campaign_attempts', ['target_id', 'at']);
  await createIndex(db, 'campaign_attempts_customer_idx', 'campaign_attempts', ['customer_id', 'at']);

  await db.schema
    .createTable('campaign_opt_outs')
    .addColumn('customer_id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('campaign_id', 'text')
    .addColumn('at', INSTANT, (c) => c.notNull())
    .execute();

  const grants: [string, string[]][] = [
    ['campaigns:read', ['admin', 'agent', 'quality', 'manager']],
    ['campaigns:manage', ['admin', 'quality', 'manager']],
    ['campaigns:call', ['admin', 'agent', 'quality']],
  ];
  for (const [permission, roles] of grants)
    await sql`insert into role_permissions (role, permission)
      select name, ${permission} from roles where name in (${sql.join(roles)})
      on conflict do nothing`.execute(db);
}
