import PgBoss from 'pg-boss';
import { CompiledQuery } from 'kysely';
import type { Clock } from '../clock/index.ts';
import type { DialectName, Db } from '../db/types.ts';
import { withTransaction } from '../db/transaction.ts';
import { newId } from '../ids/index.ts';
import type { Logger } from '../logging/index.ts';
import {
  DEFAULT_RETRY_DELAY_SECONDS,
  DEFAULT_RETRY_LIMIT,
  type JobHandler,
  type JobQueue,
  type RegisterOptions,
  type SendOptions,
} from './queue.ts';
import { claimSlot, upsertSchedule } from './schedules.ts';
import { retryOnDeadlock } from './retry-deadlock.ts';

export interface PgBossJobQueueOptions {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  logger: Logger;
  connectionString: string;
  /** pg-boss keeps its tables in this schema (tests use one per test database). */
  schema: string;
  pollingIntervalSeconds?: number;
  /** How often sub-minute schedules are checked. */
  tickIntervalMs?: number;
  stopTimeoutMs?: number;
  poolSize?: number;
}

interface Registration {
  handler: JobHandler<unknown>;
  retryLimit: number;
  retryDelaySeconds: number;
}

/** Payloads travel wrapped because pg-boss only accepts objects as job data. */
interface Envelope {
  payload: unknown;
}

/**
 * The PostgreSQL queue. Every queue uses pg-boss's 'short' policy, whose unique index covers
 * (name, singleton_key) for jobs not yet started: exactly our singletonKey contract. Under that
 * policy a job without a key would collide with every other keyless job, so keyless sends get a
 * key of their own id.
 *
 * Recurring runs: intervals that are whole minutes/hours dividing an hour/day become pg-boss cron
 * schedules (pg-boss makes them cluster-wide, keyed by name). Anything else (sub-minute, e.g. the
 * outbox sweep) uses the `job_schedules` slot claim shared with the SQLite queue, and enqueues in
 * the same transaction as the claim. We do not rely on a per-slot singletonKey alone: under
 * 'short' it only dedupes until the job starts, so a slower node could enqueue the slot again.
 */
export class PgBossJobQueue implements JobQueue {
  readonly boss: PgBoss;
  private readonly o: Required<PgBossJobQueueOptions>;
  private readonly handlers = new Map<string, Registration>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly slotSchedules = new Map<string, unknown>();
  private started = false;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;

  constructor(opts: PgBossJobQueueOptions) {
    this.o = { pollingIntervalSeconds: 2, tickIntervalMs: 1000, stopTimeoutMs: 10_000, poolSize: 4, ...opts };
    this.boss = new PgBoss({
      connectionString: opts.connectionString,
      schema: opts.schema,
      max: this.o.poolSize,
      application_name: 'anxin-jobs',
    });
    // An 'error' event without a listener would crash the process.
    this.boss.on('error', (err) => this.o.logger.error({ err }, 'pg-boss error'));
  }

  register<P>(name: string, handler: JobHandler<P>, opts: RegisterOptions = {}): void {
    this.handlers.set(name, {
      handler: handler as JobHandler<unknown>,
      retryLimit: opts.retryLimit ?? DEFAULT_RETRY_LIMIT,
      retryDelaySeconds: opts.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS,
    });
    if (this.started)
      void this.listen(name).catch((err) => this.o.logger.error({ err, job: name }, 'jobs: work() failed'));
  }

  async send<P>(name: string, payload: P, opts: SendOptions = {}): Promise<string | null> {
    this.assertStarted();
    await this.ensureQueue(name);
    return this.boss.send(name, { payload } satisfies Envelope, this.sendOptions(name, opts));
  }

  async schedule(name: string, everySeconds: number, payload: unknown = {}): Promise<void> {
    this.assertStarted();
    await this.ensureQueue(name);
    const cron = cronFor(everySeconds);
    if (cron) {
      await retryOnDeadlock(() =>
        this.boss.schedule(name, cron, { payload } satisfies Envelope, {
          tz: 'UTC',
          singletonKey: 'schedule',
        }),
      );
      this.slotSchedules.delete(name);
    } else {
      await this.boss.unschedule(name);
      await upsertSchedule(this.o.db, name, everySeconds, this.o.clock.now());
      this.slotSchedules.set(name, payload);
    }
  }

  async start(): Promise<void> {
    if (this.started) return;
    await this.boss.start();
    this.started = true;
    for (const name of this.handlers.keys()) await this.listen(name);
    this.timer = setInterval(() => {
      if (!this.ticking)
        this.ticking = this.tickSchedules()
          .catch((err) => this.o.logger.error({ err }, 'jobs: schedule tick failed'))
          .finally(() => (this.ticking = undefined));
    }, this.o.tickIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    clearInterval(this.timer);
    await this.ticking;
    this.started = false;
    // Graceful: pg-boss stops fetching, waits up to the timeout for running handlers, then fails
    // the leftovers so they are retried instead of waiting for expiry.
    await this.boss.stop({ graceful: true, wait: true, timeout: this.o.stopTimeoutMs });
  }

  /** Fires due sub-minute schedules now (the timer calls this; tests call it with a manual clock). */
  async tickSchedules(): Promise<void> {
    for (const [name, payload] of this.slotSchedules) {
      await withTransaction(this.o.db, this.o.dialect, async ({ trx }) => {
        if (!(await claimSlot(trx, name, this.o.clock.now()))) return;
        const db = {
          executeSql: async (text: string, values: unknown[]) => ({
            rows: (await trx.executeQuery(CompiledQuery.raw(text, values ?? []))).rows as unknown[],
          }),
        };
        await this.boss.send(name, { payload } satisfies Envelope, {
          ...this.sendOptions(name, { singletonKey: 'schedule' }),
          db,
        });
      });
    }
  }

  private sendOptions(name: string, opts: SendOptions): PgBoss.SendOptions {
    const id = newId();
    const reg = this.handlers.get(name);
    return {
      id,
      singletonKey: opts.singletonKey ?? `id:${id}`,
      ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
      ...(reg ? { retryLimit: reg.retryLimit, retryDelay: reg.retryDelaySeconds, retryBackoff: true } : {}),
    };
  }

  private ensureQueue(name: string): Promise<void> {
    let p = this.queues.get(name);
    if (!p) {
      const reg = this.handlers.get(name);
      const opts: PgBoss.Queue = {
        name,
        policy: 'short',
        retryLimit: reg?.retryLimit ?? DEFAULT_RETRY_LIMIT,
        retryDelay: reg?.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS,
        retryBackoff: true,
      };
      // createQueue ignores an existing queue; updateQueue brings its policy up to date.
      // Nodes starting together may deadlock on pg-boss's queue DDL: the loser tries again.
      p = retryOnDeadlock(() => this.boss.createQueue(name, opts)).then(() =>
        retryOnDeadlock(() => this.boss.updateQueue(name, opts)),
      );
      p.catch(() => this.queues.delete(name));
      this.queues.set(name, p);
    }
    return p;
  }

  private async listen(name: string): Promise<void> {
    await this.ensureQueue(name);
    const reg = this.handlers.get(name)!;
    await this.boss.work<Envelope>(
      name,
      { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: this.o.pollingIntervalSeconds },
      async ([job]) => {
        if (!job) return;
        const attempt = job.retryCount + 1;
        const logger = this.o.logger.child({ jobId: job.id, job: name, attempt });
        try {
          await reg.handler(job.data.payload, { jobId: job.id, attempt, logger });
        } catch (err) {
          const giveUp = job.retryCount >= job.retryLimit;
          logger[giveUp ? 'error' : 'warn'](
            { err },
            giveUp ? 'job failed, giving up' : 'job failed, will retry',
          );
          throw err;
        }
      },
    );
  }

  private assertStarted(): void {
    if (!this.started) throw new Error('PgBossJobQueue: call start() before send() or schedule()');
  }
}

/** Cron for intervals that tile an hour or a day exactly (so slots stay epoch-aligned); else null. */
export function cronFor(everySeconds: number): string | null {
  if (everySeconds < 60 || everySeconds % 60 !== 0) return null;
  const minutes = everySeconds / 60;
  if (minutes < 60) return 60 % minutes === 0 ? (minutes === 1 ? '* * * * *' : `*/${minutes} * * * *`) : null;
  if (minutes % 60 !== 0) return null;
  const hours = minutes / 60;
  if (hours < 24) return 24 % hours === 0 ? (hours === 1 ? '0 * * * *' : `0 */${hours} * * *`) : null;
  return hours === 24 ? '0 0 * * *' : null;
}
