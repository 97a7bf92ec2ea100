import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { WORKORDER_EVENTS } from '../modules/workorders/workorders.events.ts';
import { referencedFiles, sha256File, tableCounts, workOrderEventCount, type Manifest } from './manifest.ts';

export interface ConsistencyReport {
  ok: boolean;
  problems: string[];
  checked: { tables: number; files: number; workOrders: number; workOrderEvents: number };
}

/**
 * Checks a data directory the way an operator would after a restore: SQLite's integrity and
 * foreign-key checks, every attachment and field photo present with the checksum its row recorded,
 * every work order with its creation event, and (given a manifest) row counts equal to the backup's.
 */
export async function checkConsistency(
  dir: { dbFile: string; filesDir: string },
  manifest?: Manifest,
): Promise<ConsistencyReport> {
  const problems: string[] = [];
  const db = new SQLite(dir.dbFile, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length) problems.push(`foreign_key_check: ${fk.length} violation(s)`);
    const files = referencedFiles(db);
    for (const f of files) {
      const p = path.join(dir.filesDir, ...f.key.split('/'));
      if (!fs.existsSync(p)) problems.push(`file ${f.key}: missing`);
      else if ((await sha256File(p)) !== f.sha256) problems.push(`file ${f.key}: checksum differs`);
    }
    const orphans = db
      .prepare(
        `select o.number from work_orders o where not exists (select 1 from events e
           where e.stream_type = 'work_order' and e.stream_id = o.id and e.type = ?)`,
      )
      .all(WORKORDER_EVENTS.type.created) as { number: string }[];
    for (const o of orphans) problems.push(`work order ${o.number}: creation event missing`);
    const counts = tableCounts(db);
    const events = workOrderEventCount(db);
    if (manifest) {
      for (const [table, n] of Object.entries(manifest.counts))
        if (counts[table] !== n)
          problems.push(`table ${table}: ${counts[table] ?? 'missing'} rows, backup had ${n}`);
      if (events !== manifest.workOrderEvents)
        problems.push(`work-order events: ${events}, backup had ${manifest.workOrderEvents}`);
    }
    return {
      ok: problems.length === 0,
      problems,
      checked: {
        tables: Object.keys(counts).length,
        files: files.length,
        workOrders: counts.work_orders ?? 0,
        workOrderEvents: events,
      },
    };
  } finally {
    db.close();
  }
}
