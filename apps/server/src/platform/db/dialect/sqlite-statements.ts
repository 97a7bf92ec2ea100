import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Default number of distinct SQL texts kept prepared per SQLite connection. */
export const DEFAULT_STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every statement on every execution: compiling the SQL cost
 * 8–17 % of the server's CPU per request in the bench profiles (bench/results.md). This wrapper
 * keeps the prepared statements of the most recently used SQL texts (least recently used out
 * first, so ad-hoc texts such as `IN (…)` lists of varying length cannot grow it without bound).
 * A statement still iterating (a streamed select) is busy: a second use of the same text then
 * gets a fresh statement instead of resetting the running one.
 */
export class CachingSqlite implements SqliteDatabase {
  private readonly cache = new Map<string, SQLite.Statement>();
  hits = 0;
  misses = 0;

  private readonly db: SQLite.Database;
  private readonly size: number;

  constructor(db: SQLite.Database, size = DEFAULT_STATEMENT_CACHE_SIZE) {
    this.db = db;
    this.size = size;
  }

  prepare(sql: string): SqliteStatement {
    const hit = this.cache.get(sql);
    if (hit && !hit.busy) {
      // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
      this.cache.delete(sql);
      this.cache.set(sql, hit);
      this.hits++;
      return hit as unknown as SqliteStatement;
    }
    this.misses++;
    const stmt = this.db.prepare(sql);
    if (hit) return stmt as unknown as SqliteStatement;
    this.cache.set(sql, stmt);
    if (this.cache.size > this.size) this.cache.delete(this.cache.keys().next().value!);
    return stmt as unknown as SqliteStatement;
  }

  get cached(): number {
    return this.cache.size;
  }

  close(): void {
    this.cache.clear();
    this.db.close();
  }
}
