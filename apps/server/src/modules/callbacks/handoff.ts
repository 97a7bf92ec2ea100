import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { enqueueOutbox } from '../../platform/events/outbox.ts';
import { DomainError } from '../../platform/http/errors.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import { SYSTEM_ACTOR, type CallbacksContext } from './context.ts';

/**
 * Completion → 待回访. The completing transaction writes this outbox message (hook
 * `callbacks.handoff`), so the hand-off happens if and only if the completion commits; the
 * handler moves the order as the system and the sweep repairs any order the handler could not
 * move (dead letter, outbox lost in a restore, completed before this existed).
 */
export const HANDOFF_TOPIC = 'callbacks.order_completed';
export const HANDOFF_SWEEP_JOB = 'callbacks.handoff_sweep';
export interface HandoffPayload {
  orderId: string;
  /** The order's version right after completion (part of the dedupe key). */
  version: number;
}

export async function enqueueHandoff(trx: Kysely<Database>, orderId: string, version: number, at: Date) {
  await enqueueOutbox<HandoffPayload>(trx, {
    topic: HANDOFF_TOPIC,
    payload: { orderId, version },
    dedupeKey: `${HANDOFF_TOPIC}:${orderId}:${version}`,
    at,
  });
}

/**
 * Moves a completed order to 待回访 (which opens its callback task). Idempotent: an order no
 * longer in 已完工 (already handed off, reopened by the desk, ...) is left alone. A concurrent
 * change on the same version is retried by the caller (outbox backoff, next sweep) only while the
 * order is still completed.
 */
export async function handOff(ctx: CallbacksContext, orderId: string): Promise<'moved' | 'unchanged'> {
  const order = await ctx.workOrders.findInScope(SYSTEM_ACTOR, orderId);
  if (order?.status !== 'completed') return 'unchanged';
  try {
    await ctx.workOrders.transition(SYSTEM_ACTOR, orderId, {
      to: 'awaiting_callback',
      version: order.version,
      data: {},
    });
    return 'moved';
  } catch (err) {
    if (err instanceof DomainError && err.code === 'resource.version_conflict') {
      const now = await ctx.workOrders.findInScope(SYSTEM_ACTOR, orderId);
      if (now?.status !== 'completed') return 'unchanged';
    }
    throw err;
  }
}

export interface HandoffSweepResult {
  moved: number;
}

/** One pass of the repair sweep: every order left in 已完工 longer than the grace time. */
export async function sweepHandoffs(
  ctx: CallbacksContext,
  now: Date,
  graceMinutes: number,
): Promise<HandoffSweepResult> {
  const before = new Date(now.getTime() - graceMinutes * 60_000);
  let moved = 0;
  for (const id of await ctx.workOrders.staleIn('completed', before)) {
    try {
      if ((await handOff(ctx, id)) === 'moved') moved++;
    } catch (err) {
      // One order's refusal must not stop the others; it stays listed for the next pass.
      ctx.logger.error({ err, orderId: id }, 'callbacks: hand-off sweep could not move an order');
    }
  }
  return { moved };
}

export async function scheduleHandoffSweep(
  jobs: JobQueue,
  run: () => Promise<unknown>,
  everySeconds = 300,
): Promise<void> {
  jobs.register(HANDOFF_SWEEP_JOB, async () => void (await run()), { retryLimit: 0 });
  await jobs.schedule(HANDOFF_SWEEP_JOB, everySeconds);
}
