import type { Clock } from '../clock/index.ts';
import type { DialectName, Db } from '../db/types.ts';
import type { Logger } from '../logging/index.ts';
import { LocalJobQueue } from './local-queue.ts';
import { PgBossJobQueue, type PgBossJobQueueOptions } from './pg-boss-queue.ts';
import type { JobQueue } from './queue.ts';

export * from './queue.ts';
export { LocalJobQueue } from './local-queue.ts';
export { PgBossJobQueue, cronFor } from './pg-boss-queue.ts';
export type { JobTables } from './jobs.schema.ts';

export interface CreateJobQueueDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  logger: Logger;
  /** Required on PostgreSQL: pg-boss opens its own pool and keeps its tables in `schema`. */
  pg?: { connectionString: string; schema: string } & PgBossTuning;
}

/** Optional pg-boss settings (tests poll quickly and keep pg-boss in a schema of their own). */
export type PgBossTuning = Partial<
  Pick<
    PgBossJobQueueOptions,
    'schema' | 'pollingIntervalSeconds' | 'tickIntervalMs' | 'stopTimeoutMs' | 'poolSize'
  >
>;

/** pg-boss on PostgreSQL, the in-process table-backed queue on SQLite. */
export function createJobQueue(deps: CreateJobQueueDeps): JobQueue {
  if (deps.dialect === 'sqlite') return new LocalJobQueue(deps);
  if (!deps.pg)
    throw new Error('createJobQueue: PostgreSQL needs pg.connectionString and pg.schema for pg-boss');
  return new PgBossJobQueue({ ...deps, ...deps.pg });
}
