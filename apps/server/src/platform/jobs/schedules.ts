import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';

/**
 * Recurring runs coordinated through `job_schedules`: the node whose conditional update moves
 * `next_run_at` past the current slot owns that slot, so any number of nodes (or restarts) run a
 * schedule once per slot, and a slot missed while every node was down runs once, not many times.
 */
export async function upsertSchedule(
  db: Kysely<Database>,
  name: string,
  everySeconds: number,
  now: Date,
): Promise<void> {
  if (!Number.isInteger(everySeconds) || everySeconds < 1)
    throw new Error(`schedule ${name}: everySeconds must be a positive integer`);
  await db
    .insertInto('job_schedules')
    .values({ name, every_seconds: everySeconds, next_run_at: now.toISOString(), last_run_at: null })
    .onConflict((oc) => oc.column('name').doUpdateSet({ every_seconds: everySeconds }))
    .execute();
}

/** Claims the current slot of `name`; true when this caller must enqueue the run. */
export async function claimSlot(db: Kysely<Database>, name: string, now: Date): Promise<boolean> {
  const row = await db.selectFrom('job_schedules').selectAll().where('name', '=', name).executeTakeFirst();
  const nowIso = now.toISOString();
  if (!row || row.next_run_at > nowIso) return false;
  const everyMs = row.every_seconds * 1000;
  const next = new Date(Math.floor(now.getTime() / everyMs) * everyMs + everyMs).toISOString();
  const res = await db
    .updateTable('job_schedules')
    .set({ next_run_at: next, last_run_at: nowIso })
    .where('name', '=', name)
    .where('next_run_at', '=', row.next_run_at)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}
