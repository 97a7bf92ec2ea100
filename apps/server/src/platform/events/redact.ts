import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';

/**
 * PIPL erasure: the payloads of one stream's events (a customer's name and phones as created or
 * edited) are replaced by `{"redacted":true}`, keeping type, time, actor and state change, so the
 * history still shows what happened but no longer whom it concerned. Apart from export-record
 * retention (platform/exports), the only update ever made to `events`; call it in the erasure's
 * transaction. Returns the number of events redacted.
 */
export async function redactStreamPayloads(
  trx: Kysely<Database>,
  streamType: string,
  streamIds: readonly string[],
): Promise<number> {
  if (!streamIds.length) return 0;
  const r = await trx
    .updateTable('events')
    .set({ data: JSON.stringify({ redacted: true }), reason: null })
    .where('stream_type', '=', streamType)
    .where('stream_id', 'in', streamIds)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
