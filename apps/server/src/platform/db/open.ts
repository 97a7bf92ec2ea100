import path from 'node:path';
import type { Config } from '../../config/index.ts';
import { openPostgres } from './dialect/postgres.ts';
import { openSqlite } from './dialect/sqlite.ts';
import type { DbHandle } from './types.ts';

/** `DATABASE_URL` selects PostgreSQL; otherwise the embedded SQLite file in the data directory. */
export function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'sqliteStatementCache'>>,
): DbHandle {
  const url = config.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return openPostgres({ connectionString: url });
  if (url && url.startsWith('sqlite:'))
    return openSqlite(url.slice('sqlite:'.length), config.sqliteStatementCache);
  if (url) throw new Error(`DATABASE_URL must start with postgres:// or sqlite: (got ${url.split(':')[0]}:)`);
  return openSqlite(path.join(config.dataDir, 'anxin.sqlite'), config.sqliteStatementCache);
}
