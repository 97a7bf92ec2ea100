import { sql } from 'kysely';
import type { DialectName, Db, DbOrTrx, Trx } from './types.ts';

export interface TxContext {
  trx: Trx;
  dialect: DialectName;
  /** Runs after a successful commit (outbox dispatch, cache busting); never inside the transaction. */
  afterCommit(fn: () => void | Promise<void>): void;
}

const RETRYABLE_PG = new Set(['40001', '40P01']);

export function isRetryable(err: unknown): boolean {
  const e = err as { code?: string } | undefined;
  if (!e?.code) return false;
  return e.code === 'SQLITE_BUSY' || e.code === 'SQLITE_BUSY_SNAPSHOT' || RETRYABLE_PG.has(e.code);
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string } | undefined;
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

export function isForeignKeyViolation(err: unknown): boolean {
  const e = err as { code?: string } | undefined;
  return e?.code === '23503' || e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `fn` in one transaction and retries the whole of it when the database reports a lock or
 * serialization conflict (retrying only the failed statement would break atomicity).
 * After-commit hooks run once, after the successful attempt; their failures are reported to
 * `onHookError` and never undo the committed change.
 */
export async function withTransaction<T>(
  db: Db,
  dialect: DialectName,
  fn: (tx: TxContext) => Promise<T>,
  opts: { attempts?: number; onHookError?: (err: unknown) => void } = {},
): Promise<T> {
  const attempts = opts.attempts ?? 8;
  for (let attempt = 1; ; attempt++) {
    const hooks: Array<() => void | Promise<void>> = [];
    try {
      const result = await db
        .transaction()
        .execute((trx) => fn({ trx, dialect, afterCommit: (h) => void hooks.push(h) }));
      for (const h of hooks) {
        try {
          await h();
        } catch (err) {
          opts.onHookError?.(err);
        }
      }
      return result;
    } catch (err) {
      if (attempt >= attempts || !isRetryable(err)) throw err;
      await sleep(Math.min(200, 5 * 2 ** attempt) + Math.random() * 10);
    }
  }
}

/**
 * Serialises the transactions that take the same key, until each ends: a check-then-write rule that
 * no unique index can express (a technician's appointments must not overlap) reads what the other
 * committed. PostgreSQL: a transaction-scoped advisory lock on the key's hash; SQLite already runs
 * one write transaction at a time on its one connection.
 */
export async function lockKey(trx: DbOrTrx, dialect: DialectName, key: string): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}
