import type { Kysely } from 'kysely';
import type { DialectName } from '../platform/db/types.ts';
import { createIndex } from '../platform/db/columns.ts';

/**
 * The filtered dispatch queue (a status set, a city, a type, by SLA due time). With only
 * (status, sla_due_at, id) both databases fetched every order of each status from the table to
 * test its region and type, so the first page grew with the backlog: 92 ms p99 at 1 M orders on
 * SQLite, 2.5× the figure at 100 k (bench/results.md, issue #20 item 3). The list now filters a
 * region as a range of district codes, and this index narrows each status to the region's
 * districts in the index itself, before any row is read.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await createIndex(db, 'work_orders_status_district_sla_idx', 'work_orders', [
    'status',
    'district_code',
    'sla_due_at',
    'id',
  ]);
}
