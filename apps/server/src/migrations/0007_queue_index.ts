import type { Kysely } from 'kysely';
import type { DialectName } from '../platform/db/types.ts';
import { createIndex } from '../platform/db/columns.ts';

/**
 * The dispatch queue lists one status sorted by SLA due time. Without this index both databases
 * read and sort every order in the status for each first page (bench/results.md, finding 3).
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await createIndex(db, 'work_orders_status_sla_idx', 'work_orders', ['status', 'sla_due_at', 'id']);
}
