import { sql, type Kysely } from 'kysely';
import { BUSINESS_DATE, createIndex, INSTANT, JSON_TEXT } from '../platform/db/columns.ts';
import type { DialectName } from '../platform/db/types.ts';

const KINDS = sql`('inspection', 'managed_maintenance', 'all_inclusive', 'resident_engineer')`;

/**
 * Service contracts (服务合同, issue #18 item 3): one row per contract with its coverage as JSON;
 * the billing instalments; the visits counted against the quota (unique per work order, which is
 * what makes counting exactly-once when the completion is delivered twice); the renewal reminders
 * (unique per contract and last day: one per term).
 *
 * The new permissions `servicecontract:*` join existing databases' default roles here; a fresh
 * database gets them from `ensureRoles`.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('service_contracts')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ${KINDS}`))
    .addColumn('coverage', JSON_TEXT, (c) => c.notNull())
    .addColumn('starts_on', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('ends_on', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('sla_tier', 'text', (c) =>
      c.notNull().check(sql`sla_tier in ('standard', 'priority', 'critical')`),
    )
    .addColumn('visit_quota', 'integer', (c) => c.check(sql`visit_quota is null or visit_quota >= 0`))
    .addColumn('parts_covered', 'integer', (c) => c.notNull().check(sql`parts_covered in (0, 1)`))
    .addColumn('labour_covered', 'integer', (c) => c.notNull().check(sql`labour_covered in (0, 1)`))
    .addColumn('price_fen', 'integer', (c) => c.notNull().check(sql`price_fen >= 0`))
    .addColumn('billing', 'text', (c) =>
      c.notNull().check(sql`billing in ('one_off', 'monthly', 'quarterly', 'annual')`),
    )
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'active', 'expired', 'cancelled')`),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addCheckConstraint('service_contracts_term_ck', sql`ends_on >= starts_on`)
    .execute();
  await createIndex(db, 'service_contracts_customer_idx', 'service_contracts', ['customer_id', 'status']);
  await createIndex(db, 'service_contracts_status_end_idx', 'service_contracts', ['status', 'ends_on']);

  await db.schema
    .createTable('service_contract_instalments')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('contract_id', 'text', (c) => c.notNull().references('service_contracts.id'))
    .addColumn('seq', 'integer', (c) => c.notNull().check(sql`seq >= 1`))
    .addColumn('due_on', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen >= 0`))
    .addColumn('paid_at', INSTANT)
    .execute();
  await createIndex(
    db,
    'service_contract_instalments_seq_uq',
    'service_contract_instalments',
    ['contract_id', 'seq'],
    { unique: true },
  );

  await db.schema
    .createTable('service_contract_visits')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('contract_id', 'text', (c) => c.notNull().references('service_contracts.id'))
    .addColumn('work_order_id', 'text', (c) => c.notNull())
    .addColumn('work_order_number', 'text', (c) => c.notNull())
    .addColumn('installed_product_id', 'text', (c) => c.notNull())
    .addColumn('visited_on', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'service_contract_visits_order_uq', 'service_contract_visits', ['work_order_id'], {
    unique: true,
  });
  await createIndex(db, 'service_contract_visits_contract_idx', 'service_contract_visits', ['contract_id']);

  await db.schema
    .createTable('service_contract_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('contract_id', 'text', (c) => c.notNull().references('service_contracts.id'))
    .addColumn('ends_on', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('raised_at', INSTANT, (c) => c.notNull())
    .addColumn('done_at', INSTANT)
    .execute();
  await createIndex(
    db,
    'service_contract_reminders_term_uq',
    'service_contract_reminders',
    ['contract_id', 'ends_on'],
    { unique: true },
  );

  for (const [permission, roles] of [
    ['servicecontract:read', ['admin', 'manager', 'agent', 'finance']],
    ['servicecontract:manage', ['admin', 'manager']],
  ] as const)
    await sql`insert into role_permissions (role, permission)
      select name, ${permission} from roles where name in (${sql.join([...roles])})
      on conflict do nothing`.execute(db);
}
