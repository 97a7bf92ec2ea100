import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../../../database.ts';
import type { DbHandle } from '../types.ts';

// Counts and sums come back as strings for int8/numeric by default; our bigints stay within 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export interface PostgresOptions {
  connectionString: string;
  /** Search path for per-test schemas; production uses `public`. */
  schema?: string;
  max?: number;
}

export function openPostgres(opts: PostgresOptions): DbHandle {
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.max ?? 10,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const u = new URL(opts.connectionString);
  return {
    db,
    dialect: 'postgres',
    describe: `postgres://${u.hostname}:${u.port || 5432}${u.pathname}${opts.schema ? `#${opts.schema}` : ''}`,
    close: () => db.destroy(),
  };
}
