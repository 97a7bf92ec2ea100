import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import type { Exec } from './writer.ts';

/**
 * Driver-level executors for the scale load, bypassing Kysely's per-query compile and prepare:
 * SQLite reuses one prepared statement per batch shape; PostgreSQL uses named prepared statements
 * and keeps a few batches in flight so generation overlaps with the server's work.
 */
export function sqliteExec(db: BetterSqlite3.Database): Exec {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return (key, text, params) => {
    let stmt = cache.get(key);
    if (!stmt) {
      stmt = db.prepare(text);
      if (cache.size > 100) cache.clear();
      cache.set(key, stmt);
    }
    stmt.run(params);
  };
}

export interface PgPipeline {
  exec: Exec;
  /** Waits for every statement sent so far; rethrows the first failure. */
  settle(): Promise<void>;
}

export function pgPipeline(client: pg.Client, maxInFlight = 4): PgPipeline {
  const inflight: Array<Promise<unknown>> = [];
  const named = new Set<string>();
  // Our own queue (pg 8 deprecates queueing a query while another runs): statements chain on `tail`.
  let tail: Promise<unknown> = Promise.resolve();
  const exec: Exec = async (key, text, params) => {
    // Full batches repeat the same shape, so they are worth a named (server-side prepared) statement.
    const name =
      params.length > 0 && (named.has(key) || named.size < 50)
        ? `seed_${key.replace(/[^a-z0-9_]/gi, '_')}`
        : undefined;
    if (name) named.add(key);
    const p = tail.then(() => client.query({ name, text, values: params }));
    p.catch(() => {}); // observed later by await; this only stops an early unhandled rejection
    tail = p;
    inflight.push(p);
    if (inflight.length > maxInFlight) await inflight.shift();
  };
  return {
    exec,
    settle: async () => {
      while (inflight.length) await inflight.shift();
    },
  };
}
