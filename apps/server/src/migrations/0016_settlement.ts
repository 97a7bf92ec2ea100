import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../platform/db/types.ts';
import { createIndex, INSTANT, JSON_TEXT } from '../platform/db/columns.ts';

/** The permissions issue #7 settlement adds, granted to the default roles of existing installations. */
const GRANTS: [string, string][] = [
  ['admin', 'settlement:respond'],
  ['admin', 'appeal:read'],
  ['admin', 'appeal:create'],
  ['admin', 'appeal:decide'],
  ['outlet_manager', 'settlement:respond'],
  ['outlet_manager', 'appeal:read'],
  ['outlet_manager', 'appeal:create'],
  ['technician', 'appeal:read'],
  ['technician', 'appeal:create'],
  // Quality decides appeals on /settlement, so it reads statements too.
  ['quality', 'settlement:read'],
  ['quality', 'appeal:read'],
  ['quality', 'appeal:decide'],
  ['finance', 'appeal:read'],
  ['finance', 'appeal:decide'],
  ['manager', 'appeal:read'],
];

/**
 * Settlement (结算, issue #7 part 5): monthly statements per outlet and their lines (money in
 * integer fen), appeals against classifications and deductions, credits carried to a later
 * statement, and `grading_exclusions` — the (order, class) grade inputs an upheld appeal removed,
 * read by settlement and by the grading module.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('settlement_statements')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('outlet_id', 'text', (c) => c.notNull().references('outlets.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'confirmed', 'disputed', 'approved', 'paid')`),
    )
    .addColumn('grade', 'text', (c) => c.notNull().check(sql`grade in ('A', 'B', 'C', 'D')`))
    .addColumn('coefficient_permille', 'integer', (c) => c.notNull())
    .addColumn('schedule_version', 'integer', (c) => c.notNull())
    .addColumn('fee_fen', 'integer', (c) => c.notNull())
    .addColumn('deduction_fen', 'integer', (c) => c.notNull())
    .addColumn('bonus_fen', 'integer', (c) => c.notNull())
    .addColumn('adjustment_fen', 'integer', (c) => c.notNull())
    .addColumn('total_fen', 'integer', (c) => c.notNull())
    .addColumn('order_count', 'integer', (c) => c.notNull())
    .addColumn('disputed_count', 'integer', (c) => c.notNull())
    .addColumn('generated_at', INSTANT, (c) => c.notNull())
    .addColumn('confirmed_at', INSTANT)
    .addColumn('approved_at', INSTANT)
    .addColumn('approved_by', 'text')
    .addColumn('paid_at', INSTANT)
    .addColumn('payment_reference', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await createIndex(
    db,
    'settlement_statements_outlet_month_uq',
    'settlement_statements',
    ['outlet_id', 'month'],
    {
      unique: true,
    },
  );
  await createIndex(db, 'settlement_statements_month_idx', 'settlement_statements', ['month', 'status']);

  await db.schema
    .createTable('settlement_lines')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('statement_id', 'text', (c) => c.notNull().references('settlement_statements.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('fee', 'deduction', 'bonus', 'adjustment', 'reversal', 'credit')`),
    )
    .addColumn('line_key', 'text')
    .addColumn('target_key', 'text')
    .addColumn('order_id', 'text')
    .addColumn('order_number', 'text')
    .addColumn('classification', 'text')
    .addColumn('complaint_id', 'text')
    .addColumn('appeal_id', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('rule', JSON_TEXT, (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('disputed', 'integer', (c) => c.notNull())
    .addColumn('dispute_comment', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'settlement_lines_statement_idx', 'settlement_lines', ['statement_id', 'seq']);
  await createIndex(db, 'settlement_lines_key_idx', 'settlement_lines', ['line_key']);
  await createIndex(db, 'settlement_lines_order_idx', 'settlement_lines', ['order_id']);

  await db.schema
    .createTable('settlement_appeals')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('outlet_id', 'text')
    .addColumn('subject', 'text', (c) =>
      c.notNull().check(sql`subject in ('classification', 'complaint', 'line')`),
    )
    /** `class:<class>` or `complaint:<id>`: at most one open appeal per order and subject. */
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('class', 'text')
    .addColumn('complaint_id', 'text')
    .addColumn('line_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence_text', 'text')
    .addColumn('attachment_ids', JSON_TEXT, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'upheld', 'rejected')`))
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', INSTANT)
    .addColumn('restored_fen', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await createIndex(db, 'settlement_appeals_open_uq', 'settlement_appeals', ['order_id', 'subject_key'], {
    unique: true,
    where: "status = 'open'",
  });
  await createIndex(db, 'settlement_appeals_status_idx', 'settlement_appeals', ['status', 'created_at']);

  await db.schema
    .createTable('settlement_carryovers')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('outlet_id', 'text', (c) => c.notNull().references('outlets.id'))
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('order_number', 'text')
    .addColumn('appeal_id', 'text')
    .addColumn('target_key', 'text')
    .addColumn('source_statement_id', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('applied_statement_id', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'settlement_carryovers_outlet_idx', 'settlement_carryovers', [
    'outlet_id',
    'applied_statement_id',
  ]);

  // Grade inputs removed by an upheld appeal. complaint_id is '' for order classes.
  await db.schema
    .createTable('grading_exclusions')
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('class', 'text', (c) => c.notNull())
    .addColumn('complaint_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('appeal_id', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addPrimaryKeyConstraint('grading_exclusions_pk', ['order_id', 'class', 'complaint_id'])
    .execute();
  await createIndex(db, 'grading_exclusions_class_idx', 'grading_exclusions', ['class', 'order_id']);

  const roles = new Set(
    (await db.selectFrom('roles').select('name').execute()).map((r: { name: string }) => r.name),
  );
  const rows = GRANTS.filter(([role]) => roles.has(role)).map(([role, permission]) => ({ role, permission }));
  if (rows.length)
    await db
      .insertInto('role_permissions')
      .values(rows)
      .onConflict((oc) => oc.columns(['role', 'permission']).doNothing())
      .execute();
}
