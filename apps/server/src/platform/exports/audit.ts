import { eventActorOf, type Actor } from '../auth/actor.ts';
import { withTransaction } from '../db/transaction.ts';
import type { Db, DialectName } from '../db/types.ts';
import { appendEvent } from '../events/append.ts';
import { EXPORT_EVENTS } from './exports.events.ts';
import type { ExportStamp } from './watermark.ts';

export const EXPORT_STREAM = 'export';
const REDACTED_REASON = 'retention';

export interface ExportRecord {
  kind: string;
  rows: number;
  filter?: Record<string, unknown>;
  format?: string;
  requestId?: string | null;
}

/**
 * Records one export in the audit trail (events). An export changes nothing else, so this is its
 * own transaction; callers write it before the file is complete, so an export whose audit entry
 * could not be written never reaches the user whole.
 */
export async function recordExport(
  db: Db,
  dialect: DialectName,
  actor: Actor,
  stamp: ExportStamp,
  r: ExportRecord,
): Promise<void> {
  await withTransaction(db, dialect, async ({ trx }) => {
    await appendEvent(trx, {
      streamType: EXPORT_STREAM,
      streamId: stamp.id,
      type: EXPORT_EVENTS.type.recorded,
      actor: eventActorOf(actor),
      at: stamp.at,
      requestId: r.requestId ?? null,
      data: {
        kind: r.kind,
        rows: r.rows,
        ...(r.filter ? { filter: r.filter } : {}),
        ...(r.format ? { format: r.format } : {}),
      },
    });
  });
}

/**
 * Audit retention: export records older than `before` keep kind, time and row count but lose
 * who exported and the filter (which may hold a searched name or phone number). The one update
 * ever made to `events`, limited to this platform-owned type. Returns how many were redacted.
 */
export async function redactExportRecords(db: Db, before: Date, batch = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db
      .selectFrom('events')
      .select(['id', 'data'])
      .where('type', '=', EXPORT_EVENTS.type.recorded)
      .where('occurred_at', '<', before.toISOString())
      // Export records carry no reason; a redacted one is marked by its reason.
      .where('reason', 'is', null)
      .orderBy('id')
      .limit(batch)
      .execute();
    for (const r of rows) {
      const d = JSON.parse(r.data) as { kind?: unknown; rows?: unknown };
      await db
        .updateTable('events')
        .set({
          actor_id: null,
          request_id: null,
          reason: REDACTED_REASON,
          data: JSON.stringify({ kind: d.kind ?? 'unknown', rows: d.rows ?? 0, redacted: true }),
        })
        .where('id', '=', r.id)
        .execute();
    }
    total += rows.length;
    if (rows.length < batch) return total;
  }
}
