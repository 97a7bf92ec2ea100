import type { Config } from '../config/index.ts';
import type { Clock } from './clock/index.ts';
import type { Db, DialectName } from './db/types.ts';
import type { Logger } from './logging/index.ts';
import { createJobQueue, LocalJobQueue, type JobQueue, type PgBossTuning } from './jobs/index.ts';
import { OutboxDispatcher, scheduleOutboxDispatch } from './events/outbox.ts';
import { DevSmsSender, registerNotifyTopics, type SmsSender } from './notify/index.ts';

export interface Runtime {
  jobs: JobQueue;
  outbox: OutboxDispatcher;
  sms: SmsSender;
  /** How often the outbox safety-net sweep runs on worker nodes. */
  outboxEverySeconds: number;
}

export interface RuntimeOptions {
  forTests?: boolean;
  sms?: SmsSender;
  /** pg-boss tuning (tests: a schema per test database and quick polling). */
  pgBoss?: PgBossTuning;
  outboxEverySeconds?: number;
}

/**
 * Background machinery shared by all modules. Production picks pg-boss on PostgreSQL; tests use
 * the table-backed queue on either database and drive it by hand (`runDueNow`).
 */
export function createRuntime(
  deps: { config: Config; db: Db; dialect: DialectName; clock: Clock; logger: Logger },
  opts: RuntimeOptions = {},
): Runtime {
  const logger = deps.logger;
  const jobs = opts.forTests
    ? new LocalJobQueue({ db: deps.db, dialect: deps.dialect, clock: deps.clock, logger })
    : createJobQueue({
        db: deps.db,
        dialect: deps.dialect,
        clock: deps.clock,
        logger: logger.child({ c: 'jobs' }),
        ...(deps.dialect === 'postgres'
          ? { pg: { connectionString: deps.config.databaseUrl!, schema: 'pgboss', ...opts.pgBoss } }
          : {}),
      });
  const outbox = new OutboxDispatcher({
    db: deps.db,
    clock: deps.clock,
    logger: logger.child({ c: 'outbox' }),
  });
  const sms = opts.sms ?? new DevSmsSender(logger.child({ c: 'sms' }));
  registerNotifyTopics(outbox, { db: deps.db, clock: deps.clock, sms });
  return { jobs, outbox, sms, outboxEverySeconds: opts.outboxEverySeconds ?? 30 };
}

/** Starts the queue and the recurring safety-net sweep of the outbox. */
export async function startRuntime(rt: Runtime): Promise<void> {
  await rt.jobs.start();
  await scheduleOutboxDispatch(rt.jobs, rt.outbox, rt.outboxEverySeconds);
}

export async function stopRuntime(rt: Runtime): Promise<void> {
  await rt.jobs.stop();
  await rt.outbox.idle();
}
