import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { Clock } from '../clock/index.ts';
import { newId } from '../ids/index.ts';
import type { Logger } from '../logging/index.ts';
import { backoffSeconds, errorText, type JobQueue } from '../jobs/index.ts';

export interface OutboxMessage<P = unknown> {
  topic: string;
  payload: P;
  /** A second enqueue with the same key is ignored (the first one wins, dispatched or not). */
  dedupeKey?: string;
  /** The instant of the change (from the injected clock). */
  at: Date;
  /** Not dispatched before this instant; defaults to `at`. */
  availableAt?: Date;
}

/**
 * Records a side effect in the transaction that makes the change, so it is dispatched if and only
 * if the change commits. Returns the row id, or null when `dedupeKey` was already used.
 */
export async function enqueueOutbox<P>(trx: Kysely<Database>, m: OutboxMessage<P>): Promise<string | null> {
  const row = await trx
    .insertInto('outbox')
    .values({
      id: newId(),
      topic: m.topic,
      payload: JSON.stringify(m.payload ?? null),
      dedupe_key: m.dedupeKey ?? null,
      created_at: m.at.toISOString(),
      available_at: (m.availableAt ?? m.at).toISOString(),
      attempts: 0,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export interface OutboxContext {
  /** The outbox row id: stable across redeliveries, the natural idempotency key. */
  id: string;
  attempt: number;
  logger: Logger;
}

export type OutboxHandler<P> = (payload: P, ctx: OutboxContext) => Promise<void>;

export interface OutboxDispatcherOptions {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  /** A claimed row whose dispatcher died becomes due again after this long. */
  leaseSeconds?: number;
  /** After this many failed attempts a row stays undispatched with its last_error (dead letter). */
  maxAttempts?: number;
  retryDelaySeconds?: number;
  batchSize?: number;
}

export interface DispatchResult {
  claimed: number;
  dispatched: number;
  failed: number;
}

/**
 * Delivers outbox rows to topic handlers, at least once. A row is claimed by a conditional UPDATE
 * that pushes `available_at` out by a lease: the second of two racing dispatchers re-evaluates the
 * condition on the row it lost and skips it, so each attempt has one owner on either database.
 */
export class OutboxDispatcher {
  private readonly o: Required<OutboxDispatcherOptions>;
  private readonly handlers = new Map<string, OutboxHandler<unknown>>();
  private draining: Promise<void> | undefined;
  private again = false;

  constructor(opts: OutboxDispatcherOptions) {
    this.o = { leaseSeconds: 120, maxAttempts: 10, retryDelaySeconds: 10, batchSize: 50, ...opts };
  }

  registerTopic<P>(topic: string, handler: OutboxHandler<P>): void {
    this.handlers.set(topic, handler as OutboxHandler<unknown>);
  }

  async dispatchPending(limit = this.o.batchSize): Promise<DispatchResult> {
    const rows = await this.claim(limit);
    let dispatched = 0;
    for (const row of rows) if (await this.deliver(row)) dispatched++;
    return { claimed: rows.length, dispatched, failed: rows.length - dispatched };
  }

  /** Dispatches until nothing is due; the `outbox.dispatch` job and `nudge()` call it. */
  async drain(): Promise<void> {
    for (let i = 0; i < 1000; i++) {
      const r = await this.dispatchPending();
      if (r.claimed < this.o.batchSize) return;
    }
  }

  /**
   * Starts a drain soon without waiting for it (call it from `tx.afterCommit`). Nudges during a
   * drain coalesce into one more pass; errors are logged, the recurring job catches up.
   */
  nudge(): void {
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = (async () => {
      do {
        this.again = false;
        try {
          await this.drain();
        } catch (err) {
          this.o.logger.error({ err }, 'outbox: dispatch failed');
        }
      } while (this.again);
    })().finally(() => (this.draining = undefined));
  }

  /** Dispatched rows are pruned (dead letters kept); a dedupe key is remembered this long. */
  async purgeDispatched(olderThanDays = 30): Promise<void> {
    const before = new Date(this.o.clock.now().getTime() - olderThanDays * 86_400_000).toISOString();
    await this.o.db.deleteFrom('outbox').where('dispatched_at', '<', before).execute();
  }

  /** Resolves when the current nudge-started drain has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async claim(limit: number) {
    const topics = [...this.handlers.keys()];
    if (topics.length === 0 || limit <= 0) return [];
    const now = this.o.clock.now();
    const nowIso = now.toISOString();
    const leaseEnd = new Date(now.getTime() + this.o.leaseSeconds * 1000).toISOString();
    return (
      this.o.db
        .updateTable('outbox')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), available_at: leaseEnd }))
        .where('id', 'in', (qb) =>
          qb
            .selectFrom('outbox')
            .select('id')
            .where('dispatched_at', 'is', null)
            .where('available_at', '<=', nowIso)
            .where('attempts', '<', this.o.maxAttempts)
            .where('topic', 'in', topics)
            .orderBy('available_at')
            .orderBy('id')
            .limit(limit),
        )
        // Repeated outside the subquery: this is the condition the losing writer re-checks.
        .where('dispatched_at', 'is', null)
        .where('available_at', '<=', nowIso)
        .returning(['id', 'topic', 'payload', 'attempts'])
        .execute()
    );
  }

  private async deliver(row: {
    id: string;
    topic: string;
    payload: string;
    attempts: number;
  }): Promise<boolean> {
    const logger = this.o.logger.child({ outboxId: row.id, topic: row.topic, attempt: row.attempts });
    const mine = this.o.db
      .updateTable('outbox')
      .where('id', '=', row.id)
      .where('attempts', '=', row.attempts)
      .where('dispatched_at', 'is', null);
    try {
      await this.handlers.get(row.topic)!(JSON.parse(row.payload), {
        id: row.id,
        attempt: row.attempts,
        logger,
      });
      await mine.set({ dispatched_at: this.o.clock.now().toISOString(), last_error: null }).execute();
      return true;
    } catch (err) {
      const giveUp = row.attempts >= this.o.maxAttempts;
      logger[giveUp ? 'error' : 'warn'](
        { err },
        giveUp ? 'outbox: giving up' : 'outbox: delivery failed, will retry',
      );
      const retryAt = new Date(
        this.o.clock.now().getTime() + backoffSeconds(this.o.retryDelaySeconds, row.attempts) * 1000,
      );
      await mine.set({ available_at: retryAt.toISOString(), last_error: errorText(err) }).execute();
      return false;
    }
  }
}

export const OUTBOX_DISPATCH_JOB = 'outbox.dispatch';

/**
 * The safety net behind `nudge()`: rows committed just before a crash, retries after backoff and
 * rows written by other processes are picked up by this recurring job.
 */
export async function scheduleOutboxDispatch(
  jobs: JobQueue,
  dispatcher: OutboxDispatcher,
  everySeconds = 30,
): Promise<void> {
  jobs.register(
    OUTBOX_DISPATCH_JOB,
    async () => {
      await dispatcher.drain();
      await dispatcher.purgeDispatched();
    },
    { retryLimit: 0 },
  );
  await jobs.schedule(OUTBOX_DISPATCH_JOB, everySeconds);
}
