import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../platform/db/types.ts';
import { createIndex, INSTANT, JSON_TEXT } from '../platform/db/columns.ts';

/**
 * Outlet grading (网点评级, issue #7 part 4): one scorecard per outlet and month (history kept;
 * a draft is replaced on recompute, a final one is locked) and the rows behind each figure, so an
 * outlet manager can open the orders a metric counted.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  const grade = (col: string, nullable = false) =>
    sql.raw(`${nullable ? `${col} is null or ` : ''}${col} in ('A', 'B', 'C', 'D')`);
  await db.schema
    .createTable('outlet_scorecards')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('outlet_id', 'text', (c) => c.notNull().references('outlets.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'final')`))
    // Tenths of a point (874 = 87.4): integers compare the same on both databases.
    .addColumn('score_tenths', 'integer')
    .addColumn('score_grade', 'text', (c) => c.check(grade('score_grade', true)))
    .addColumn('grade', 'text', (c) => c.notNull().check(grade('grade')))
    .addColumn('previous_grade', 'text', (c) => c.notNull().check(grade('previous_grade')))
    .addColumn('low_volume', 'integer', (c) => c.notNull())
    .addColumn('order_count', 'integer', (c) => c.notNull())
    .addColumn('metrics', JSON_TEXT, (c) => c.notNull())
    .addColumn('policy', JSON_TEXT, (c) => c.notNull())
    .addColumn('computed_at', INSTANT, (c) => c.notNull())
    .addColumn('computed_by', 'text')
    .addColumn('finalised_at', INSTANT)
    .addColumn('finalised_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await createIndex(db, 'outlet_scorecards_outlet_month_uq', 'outlet_scorecards', ['outlet_id', 'month'], {
    unique: true,
  });
  await createIndex(db, 'outlet_scorecards_month_idx', 'outlet_scorecards', ['month', 'status']);

  await db.schema
    .createTable('outlet_scorecard_items')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('scorecard_id', 'text', (c) => c.notNull().references('outlet_scorecards.id'))
    .addColumn('metric', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`metric in ('response', 'arrival', 'first_fix', 'repeat_repair', 'satisfaction', 'complaint_rate', 'attitude')`,
        ),
    )
    .addColumn('order_id', 'text')
    .addColumn('ref_id', 'text')
    .addColumn('hit', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', INSTANT)
    .addColumn('due_at', INSTANT)
    .execute();
  await createIndex(db, 'outlet_scorecard_items_card_idx', 'outlet_scorecard_items', [
    'scorecard_id',
    'metric',
  ]);
}
