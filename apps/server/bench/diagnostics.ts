// Cheap, automatic hints of where time goes, taken around each measured endpoint:
//  - CPU seconds of the server process and of all PostgreSQL processes (from /proc), so a figure
//    can be read as "Node-bound" or "database-bound" on a 2-core machine;
//  - on PostgreSQL, per-table deltas of pg_stat_user_tables: a sequential scan of work_orders or
//    events during a read endpoint names the missing index directly.
import fs from 'node:fs';
import pg from 'pg';

const TICKS = 100; // USER_HZ on Linux

function ticksOf(pid: number): number {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return Number(rest[11]) + Number(rest[12]); // utime, stime
  } catch {
    return 0;
  }
}

function postgresTicks(): number {
  let total = 0;
  let dirs: string[] = [];
  try {
    dirs = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return 0;
  }
  for (const d of dirs) {
    try {
      const s = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const comm = s.slice(s.indexOf('(') + 1, s.lastIndexOf(')'));
      if (comm === 'postgres' || comm.startsWith('postgres:')) total += ticksOf(Number(d));
    } catch {
      // process ended while we looked
    }
  }
  return total;
}

export interface CpuSample {
  at: number;
  server: number;
  postgres: number;
}

export const cpuSample = (serverPid: number): CpuSample => ({ at: performance.now(), server: ticksOf(serverPid), postgres: postgresTicks() });

/** Percent of one core used between two samples (200 % = both cores of a 2-core machine). */
export function cpuPercent(a: CpuSample, b: CpuSample): { server: number; postgres: number } {
  const sec = Math.max(0.001, (b.at - a.at) / 1000);
  return {
    server: Math.round(((b.server - a.server) / TICKS / sec) * 100),
    postgres: Math.round(((b.postgres - a.postgres) / TICKS / sec) * 100),
  };
}

export type TableStats = Map<string, { seqScan: number; seqRows: number; idxScan: number; ins: number; upd: number }>;

export async function pgTableStats(url: string): Promise<TableStats> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ relname: string; seq_scan: string; seq_tup_read: string; idx_scan: string | null; n_tup_ins: string; n_tup_upd: string }>(
      'select relname, seq_scan, seq_tup_read, idx_scan, n_tup_ins, n_tup_upd from pg_stat_user_tables',
    );
    return new Map(r.rows.map((x) => [x.relname, { seqScan: Number(x.seq_scan), seqRows: Number(x.seq_tup_read), idxScan: Number(x.idx_scan ?? 0), ins: Number(x.n_tup_ins), upd: Number(x.n_tup_upd) }]));
  } finally {
    await c.end();
  }
}

export interface TableDelta {
  table: string;
  seqScans: number;
  seqRowsRead: number;
  idxScans: number;
}

/** Tables scanned sequentially (with many rows read) or heavily indexed during the run. */
export function statDeltas(before: TableStats, after: TableStats, requests: number): TableDelta[] {
  const out: TableDelta[] = [];
  for (const [table, b] of after) {
    const a = before.get(table) ?? { seqScan: 0, seqRows: 0, idxScan: 0, ins: 0, upd: 0 };
    const d = { table, seqScans: b.seqScan - a.seqScan, seqRowsRead: b.seqRows - a.seqRows, idxScans: b.idxScan - a.idxScan };
    if (d.seqRowsRead > Math.max(1000, requests) || d.idxScans > requests / 2) out.push(d);
  }
  return out.sort((x, y) => y.seqRowsRead - x.seqRowsRead || y.idxScans - x.idxScans).slice(0, 6);
}
