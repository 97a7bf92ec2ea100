import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../../../database.ts';
import type { DbHandle } from '../types.ts';
import { CachingSqlite, DEFAULT_STATEMENT_CACHE_SIZE } from './sqlite-statements.ts';

/**
 * Embedded default. WAL lets readers run beside the single writer; foreign keys are off by default
 * in SQLite and must be enabled per connection; busy_timeout covers short lock waits between
 * processes, and withTransaction retries whole transactions for the rest.
 */
export function openSqlite(file: string, statementCacheSize = DEFAULT_STATEMENT_CACHE_SIZE): DbHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // The default 2 MB page cache makes every list page reread index pages from the OS at 1 M orders
  // (bench/results.md, finding 5); 64 MB of cache plus memory-mapped reads keep hot pages close.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('mmap_size = 268435456');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({
      database: statementCacheSize > 0 ? new CachingSqlite(sqlite, statementCacheSize) : sqlite,
    }),
  });
  return {
    db,
    dialect: 'sqlite',
    describe: `sqlite:${file}`,
    close: () => db.destroy(),
  };
}
