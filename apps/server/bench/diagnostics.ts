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
  let dirs: string[];
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

export const cpuSample = (serverPid: number): CpuSample => ({
  at: performance.now(),
  server: ticksOf(serverPid),
  postgres: postgresTicks(),
});

/** Percent of one core used between two samples (200 % = both cores of a 2-core machine). */
export function cpuPercent(a: CpuSample, b: CpuSample): { server: number; postgres: number } {
  const sec = Math.max(0.001, (b.at - a.at) / 1000);
  return {
    server: Math.round(((b.server - a.server) / TICKS / sec) * 100),
    postgres: Math.round(((b.postgres - a.postgres) / TICKS / sec) * 100),
  };
}

export type TableStats = Map<
  string,
  { seqScan: number; seqRows: number; idxScan: number; ins: number; upd: number }
>;

export async function pgTableStats(url: string): Promise<TableStats> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{
      relname: string;
      seq_scan: string;
      seq_tup_read: string;
      idx_scan: string | null;
      n_tup_ins: string;
      n_tup_upd: string;
    }>('select relname, seq_scan, seq_tup_read, idx_scan, n_tup_ins, n_tup_upd from pg_stat_user_tables');
    return new Map(
      r.rows.map((x) => [
        x.relname,
        {
          seqScan: Number(x.seq_scan),
          seqRows: Number(x.seq_tup_read),
          idxScan: Number(x.idx_scan ?? 0),
          ins: Number(x.n_tup_ins),
          upd: Number(x.n_tup_upd),
        },
      ]),
    );
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
    const d = {
      table,
      seqScans: b.seqScan - a.seqScan,
      seqRowsRead: b.seqRows - a.seqRows,
      idxScans: b.idxScan - a.idxScan,
    };
    if (d.seqRowsRead > Math.max(1000, requests) || d.idxScans > requests / 2) out.push(d);
  }
  return out.sort((x, y) => y.seqRowsRead - x.seqRowsRead || y.idxScans - x.idxScans).slice(0, 6);
}

// ---- PostgreSQL slow-query plans (auto_explain) ----
// The work database gets `session_preload_libraries = auto_explain` with a duration threshold, so
// every server session logs the plan of each statement slower than the threshold to the server
// log; the bench reads the log lines of its own database (log_line_prefix carries user@database)
// written while an endpoint ran. Best effort: without a readable log file the section is empty.

export const PG_LOG_FILE = process.env.BENCH_PG_LOG ?? '/var/log/postgresql/postgresql-15-main.log';

export async function enableAutoExplain(c: pg.Client, database: string, minMs: number): Promise<boolean> {
  try {
    await c.query(`alter database "${database}" set session_preload_libraries = 'auto_explain'`);
    await c.query(
      `alter database "${database}" set auto_explain.log_min_duration = '${Math.max(1, Math.round(minMs))}ms'`,
    );
    return true;
  } catch {
    return false;
  }
}

export function logOffset(file = PG_LOG_FILE): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}

export interface SlowPlan {
  query: string;
  count: number;
  avgMs: number;
  maxMs: number;
  plan: string[];
}

/** Plans logged for `database` since `offset`, grouped by statement, the costliest first. */
export function slowPlans(database: string, offset: number | null, file = PG_LOG_FILE, top = 3): SlowPlan[] {
  if (offset === null) return [];
  let text: string;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const len = Math.min(size - offset, 64 * 2 ** 20);
      if (len <= 0) return [];
      const buf = Buffer.alloc(len);
      fs.readSync(fd, buf, 0, len, offset);
      text = buf.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return [];
  }
  const groups = new Map<string, SlowPlan & { total: number }>();
  const entries = text.split(/\n(?=\d{4}-\d\d-\d\d )/);
  const head = new RegExp(`@${database.replace(/[^\w]/g, '')} +LOG: +duration: ([\\d.]+) ms +plan:`);
  for (const e of entries) {
    const m = head.exec(e.split('\n', 1)[0]!);
    if (!m) continue;
    const lines = e
      .split('\n')
      .slice(1)
      .map((l) => l.replace(/^\t/, ''));
    const qi = lines.findIndex((l) => l.startsWith('Query Text:'));
    const query = qi >= 0 ? lines[qi]!.slice('Query Text:'.length).trim() : '(unknown)';
    const plan = lines.slice(qi + 1).filter((l) => l.trim() && !l.startsWith('Query Text:'));
    const ms = Number(m[1]);
    const g = groups.get(query) ?? { query, count: 0, avgMs: 0, maxMs: 0, total: 0, plan };
    g.count++;
    g.total += ms;
    if (ms >= g.maxMs) {
      g.maxMs = ms;
      g.plan = plan;
    }
    groups.set(query, g);
  }
  return [...groups.values()]
    .sort((a, b) => b.total - a.total)
    .slice(0, top)
    .map((g) => ({
      query: g.query.slice(0, 600),
      count: g.count,
      avgMs: Math.round((g.total / g.count) * 10) / 10,
      maxMs: Math.round(g.maxMs * 10) / 10,
      plan: g.plan.slice(0, 14).map((l) => l.slice(0, 200)),
    }));
}
