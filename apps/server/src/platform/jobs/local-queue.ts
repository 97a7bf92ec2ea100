import { sql, type ExpressionBuilder, type Updateable } from 'kysely';
import type { Database } from '../../database.ts';
import type { Clock } from '../clock/index.ts';
import type { DialectName, Db } from '../db/types.ts';
import { withTransaction } from '../db/transaction.ts';
import { newId } from '../ids/index.ts';
import type { Logger } from '../logging/index.ts';
import {
  backoffSeconds,
  DEFAULT_RETRY_DELAY_SECONDS,
  DEFAULT_RETRY_LIMIT,
  errorText,
  type JobHandler,
  type JobQueue,
  type RegisterOptions,
  type SendOptions,
} from './queue.ts';
import type { JobQueueTable } from './jobs.schema.ts';
import { claimSlot, upsertSchedule } from './schedules.ts';

export interface LocalJobQueueOptions {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  logger: Logger;
  pollIntervalMs?: number;
  /** Handlers running at once in this process. */
  concurrency?: number;
  /** A claimed job not finished within the lease (crashed process) is claimed again. */
  leaseSeconds?: number;
  stopTimeoutMs?: number;
  /** Completed and failed jobs are deleted after this long. */
  retainDays?: number;
}

interface Registration {
  handler: JobHandler<unknown>;
  retryLimit: number;
  retryDelaySeconds: number;
}

type ClaimedJob = { id: string; name: string; payload: string; attempts: number; max_attempts: number };

/**
 * The SQLite queue: jobs live in `job_queue`, a polling loop claims due jobs with a conditional
 * UPDATE (the row only changes hands if it is still due when the write lands), so two processes
 * sharing the file never run the same job. Portable SQL: it also runs on PostgreSQL in tests.
 */
export class LocalJobQueue implements JobQueue {
  private readonly o: Required<LocalJobQueueOptions>;
  private readonly handlers = new Map<string, Registration>();
  private readonly schedules = new Map<string, { everySeconds: number; payload: unknown }>();
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private stopping = false;
  private lastPurge = 0;

  constructor(opts: LocalJobQueueOptions) {
    this.o = {
      pollIntervalMs: 1000,
      concurrency: 4,
      leaseSeconds: 900,
      stopTimeoutMs: 10_000,
      retainDays: 7,
      ...opts,
    };
  }

  register<P>(name: string, handler: JobHandler<P>, opts: RegisterOptions = {}): void {
    this.handlers.set(name, {
      handler: handler as JobHandler<unknown>,
      retryLimit: opts.retryLimit ?? DEFAULT_RETRY_LIMIT,
      retryDelaySeconds: opts.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS,
    });
  }

  send<P>(name: string, payload: P, opts: SendOptions = {}): Promise<string | null> {
    return this.insertJob(this.o.db, name, payload, opts);
  }

  async schedule(name: string, everySeconds: number, payload: unknown = {}): Promise<void> {
    await upsertSchedule(this.o.db, name, everySeconds, this.o.clock.now());
    this.schedules.set(name, { everySeconds, payload });
  }

  async start(): Promise<void> {
    if (this.timer) return;
    this.stopping = false;
    this.timer = setInterval(() => {
      if (!this.polling) this.polling = this.poll().finally(() => (this.polling = undefined));
    }, this.o.pollIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    this.timer = undefined;
    // A poll in flight may still start handlers, so wait for it before taking the running set.
    const done = (async () => {
      await this.polling;
      await Promise.allSettled([...this.running]);
    })();
    let timeout: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((r) => (timeout = setTimeout(() => r('late'), this.o.stopTimeoutMs)));
    if ((await Promise.race([done, late])) === 'late') {
      // Their leases expire and another process (or the next start) runs them again.
      this.o.logger.warn({ running: this.running.size }, 'jobs: stop timed out with handlers still running');
    }
    clearTimeout(timeout);
  }

  /** Tests and CLI: fires due schedules and runs every due job (retries included) to completion. */
  async runDueNow(): Promise<number> {
    await this.tickSchedules();
    let ran = 0;
    for (let round = 0; round < 100; round++) {
      const jobs = await this.claim(this.o.concurrency);
      if (jobs.length === 0) break;
      await Promise.all(jobs.map((j) => this.run(j)));
      ran += jobs.length;
    }
    return ran;
  }

  async tickSchedules(): Promise<void> {
    for (const [name, s] of this.schedules) {
      await withTransaction(this.o.db, this.o.dialect, async ({ trx }) => {
        // Claim and enqueue commit together: a crash cannot use up a slot without its job.
        // The constant key keeps at most one run waiting if handlers fall behind.
        if (await claimSlot(trx, name, this.o.clock.now()))
          await this.insertJob(trx, name, s.payload, { singletonKey: 'schedule' });
      });
    }
  }

  private async poll(): Promise<void> {
    try {
      await this.tickSchedules();
      await this.purgeOld();
      const free = this.o.concurrency - this.running.size;
      if (free <= 0 || this.stopping) return;
      for (const job of await this.claim(free)) {
        const p = this.run(job).finally(() => this.running.delete(p));
        this.running.add(p);
      }
    } catch (err) {
      this.o.logger.error({ err }, 'jobs: poll failed');
    }
  }

  private async insertJob(db: Db, name: string, payload: unknown, opts: SendOptions): Promise<string | null> {
    const reg = this.handlers.get(name);
    const now = this.o.clock.now();
    const row = await db
      .insertInto('job_queue')
      .values({
        id: newId(),
        name,
        payload: JSON.stringify(payload ?? null),
        singleton_key: opts.singletonKey ?? null,
        state: 'queued',
        run_at: (opts.startAfter ?? now).toISOString(),
        attempts: 0,
        max_attempts: (reg?.retryLimit ?? DEFAULT_RETRY_LIMIT) + 1,
        created_at: now.toISOString(),
      })
      // Matches the partial unique index of migration 0003.
      .onConflict((oc) =>
        oc
          .columns(['name', 'singleton_key'])
          .where(sql<boolean>`state = 'queued' and attempts = 0`)
          .doNothing(),
      )
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  private async claim(limit: number): Promise<ClaimedJob[]> {
    const names = [...this.handlers.keys()];
    if (names.length === 0 || limit <= 0) return [];
    const now = this.o.clock.now();
    const nowIso = now.toISOString();
    const due = (eb: ExpressionBuilder<Database, 'job_queue'>) =>
      eb.or([
        eb.and([eb('state', '=', 'queued'), eb('run_at', '<=', nowIso)]),
        eb.and([eb('state', '=', 'active'), eb('locked_until', '<', nowIso)]),
      ]);
    // The due condition is repeated on the outer UPDATE: it is what makes the claim exclusive,
    // re-checked against the latest row version by whichever writer comes second.
    return this.o.db
      .updateTable('job_queue')
      .set((eb) => ({
        state: 'active',
        attempts: eb('attempts', '+', 1),
        locked_until: new Date(now.getTime() + this.o.leaseSeconds * 1000).toISOString(),
      }))
      .where('id', 'in', (qb) =>
        qb
          .selectFrom('job_queue')
          .select('id')
          .where('name', 'in', names)
          .where(due)
          .orderBy('run_at')
          .limit(limit),
      )
      .where(due)
      .returning(['id', 'name', 'payload', 'attempts', 'max_attempts'])
      .execute();
  }

  private async run(job: ClaimedJob): Promise<void> {
    const reg = this.handlers.get(job.name)!;
    const logger = this.o.logger.child({ jobId: job.id, job: job.name, attempt: job.attempts });
    if (job.attempts > job.max_attempts) {
      // Its last attempt was claimed by a process that died mid-run.
      await this.finish(job, {
        state: 'failed',
        locked_until: null,
        last_error: 'lease expired on the last attempt',
      });
      return;
    }
    try {
      await reg.handler(JSON.parse(job.payload), { jobId: job.id, attempt: job.attempts, logger });
      await this.finish(job, {
        state: 'completed',
        completed_at: this.o.clock.now().toISOString(),
        locked_until: null,
        last_error: null,
      });
    } catch (err) {
      const now = this.o.clock.now();
      const giveUp = job.attempts >= job.max_attempts;
      logger[giveUp ? 'error' : 'warn']({ err }, giveUp ? 'job failed, giving up' : 'job failed, will retry');
      const runAt = new Date(now.getTime() + backoffSeconds(reg.retryDelaySeconds, job.attempts) * 1000);
      await this.finish(
        job,
        giveUp
          ? {
              state: 'failed',
              completed_at: now.toISOString(),
              locked_until: null,
              last_error: errorText(err),
            }
          : { state: 'queued', run_at: runAt.toISOString(), locked_until: null, last_error: errorText(err) },
      );
    }
  }

  /** Only the holder of this attempt's claim may settle it (a reclaimed job belongs to its new owner). */
  private async finish(job: ClaimedJob, set: Updateable<JobQueueTable>): Promise<void> {
    await this.o.db
      .updateTable('job_queue')
      .set(set)
      .where('id', '=', job.id)
      .where('state', '=', 'active')
      .where('attempts', '=', job.attempts)
      .execute();
  }

  private async purgeOld(): Promise<void> {
    const now = this.o.clock.now().getTime();
    if (now - this.lastPurge < 3_600_000) return;
    this.lastPurge = now;
    const before = new Date(now - this.o.retainDays * 86_400_000).toISOString();
    await this.o.db
      .deleteFrom('job_queue')
      .where('state', 'in', ['completed', 'failed'])
      .where('completed_at', '<', before)
      .execute();
  }
}
