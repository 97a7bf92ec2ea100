import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { AppendedEvent } from '../../platform/events/append.ts';
import { newId } from '../../platform/ids/index.ts';

/** Streams whose events change a figure: the order's own, its complaints and its parts. */
const ORDER_STREAM = 'work_order';
const COMPLAINT_STREAM = 'complaint';
const PART_USAGE_STREAM = 'part_usage';

/** The mark an event leaves: the order (or complaint) whose day must be recomputed, or none. */
export function markOf(e: AppendedEvent): string | null {
  if (e.streamType === ORDER_STREAM) return `o:${e.streamId}`;
  if (e.streamType === COMPLAINT_STREAM) return `c:${e.streamId}`;
  const orderId = (e.data as { orderId?: unknown } | null)?.orderId;
  if (e.streamType === PART_USAGE_STREAM && typeof orderId === 'string') return `o:${orderId}`;
  return null;
}

/**
 * The event consumer: in the appending transaction, one upsert marks the order (cheap, and it
 * commits with the event); `refreshDirty` recomputes the marked orders' days shortly after.
 */
export async function markDirty(trx: Kysely<Database>, e: AppendedEvent): Promise<void> {
  const ref = markOf(e);
  if (!ref) return;
  // The instant orders the marks; the id tells a renewed mark from the one a pass read.
  const at = `${e.at.toISOString()}#${newId()}`;
  await trx
    .insertInto('analytics_dirty')
    .values({ ref, marked_at: at })
    .onConflict((oc) => oc.column('ref').doUpdateSet({ marked_at: at }))
    .execute();
}
