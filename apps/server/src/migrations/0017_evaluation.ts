import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../platform/db/types.ts';
import { BUSINESS_DATE, createIndex, INSTANT, JSON_TEXT } from '../platform/db/columns.ts';

/**
 * Evaluation (GB/T 27922, issue #7 part 6): versioned schemes (the definition tree as JSON),
 * evaluations keeping the scheme version they used, per-item applicability (删减), evidence by
 * channel, special deductions and bonuses. Points are stored in hundredths (integers).
 * Existing installations grant the new `evaluation:manage` permission to admin and quality.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('evaluation_schemes')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition', JSON_TEXT, (c) => c.notNull())
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();

  await db.schema
    .createTable('evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('scheme_id', 'text', (c) => c.notNull().references('evaluation_schemes.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('assessed_on', BUSINESS_DATE, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'final')`))
    .addColumn('outstanding', 'integer', (c) => c.notNull())
    .addColumn('outstanding_reason', 'text')
    .addColumn('score_centi', 'integer')
    .addColumn('grade', 'text', (c) =>
      c.check(sql`grade is null or grade in ('fail', 'pass', 'three_star', 'four_star', 'five_star')`),
    )
    .addColumn('result', JSON_TEXT)
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('finalized_at', INSTANT)
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await createIndex(db, 'evaluations_subject_idx', 'evaluations', ['subject', 'assessed_on']);

  await db.schema
    .createTable('evaluation_items')
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('applicable', 'integer', (c) => c.notNull())
    .addColumn('na_reason', 'text')
    .addPrimaryKeyConstraint('evaluation_items_pk', ['evaluation_id', 'item_code'])
    .execute();

  await db.schema
    .createTable('evaluation_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`channel in ('document', 'onsite', 'sample', 'survey_questionnaire', 'phone_survey', 'revisit', 'mystery_shopper')`,
        ),
    )
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('attachments', JSON_TEXT, (c) => c.notNull())
    .addColumn('conforming', 'integer')
    .addColumn('sample_size', 'integer')
    .addColumn('non_conforming', 'integer')
    .addColumn('score_centi', 'integer')
    .addColumn('recorded_at', INSTANT, (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .execute();
  await createIndex(db, 'evaluation_evidence_eval_idx', 'evaluation_evidence', [
    'evaluation_id',
    'item_code',
  ]);

  await db.schema
    .createTable('evaluation_adjustments')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('deduction', 'bonus')`))
    .addColumn('category', 'text', (c) =>
      c.check(sql`category is null or category in ('law', 'own_rules', 'industry', 'system_running')`),
    )
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('corrective_action', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await createIndex(db, 'evaluation_adjustments_eval_idx', 'evaluation_adjustments', ['evaluation_id']);

  // Roles are seeded once from code; installations that already have them get the new permission.
  for (const role of ['admin', 'quality']) {
    const exists = await db.selectFrom('roles').select('name').where('name', '=', role).executeTakeFirst();
    if (!exists) continue;
    await db
      .insertInto('role_permissions')
      .values({ role, permission: 'evaluation:manage' })
      .onConflict((oc) => oc.columns(['role', 'permission']).doNothing())
      .execute();
  }
}
