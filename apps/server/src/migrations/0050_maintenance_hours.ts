import type { Kysely } from 'kysely';

/**
 * Running-hours maintenance (issue #18 item 1): a run records the hour-meter mark it was for (or
 * the reading when a date-based visit reset the count), so the next mark counts from it. The run
 * stays unique per (plan, product, due date); an hours run is dated the day it was generated.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('maintenance_runs').addColumn('due_hours', 'integer').execute();
}
