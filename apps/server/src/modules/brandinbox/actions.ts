import {
  BRAND_NEXT_STEPS,
  BRAND_STEP_TARGETS,
  type BrandAction,
  type BrandActionKind,
  type BrandProblem,
} from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { eventActorOf } from '../../platform/auth/actor.ts';
import { SYSTEM, appendEvent } from '../../platform/events/append.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { notFound, refuse } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import {
  actionInput,
  actionRequest,
  toAction,
  type ActionRow,
  type ConnectionRow,
  type OrderRow,
} from './brandinbox.repository.ts';
import { BRAND_ORDER_EVENTS, ORDER_STREAM } from './brandinbox.events.ts';
import { brandInboxPolicy } from './brandinbox.settings.ts';
import type { ConnectionService } from './connections.service.ts';
import type { BrandInboxContext } from './context.ts';
import {
  idempotencyKeyOf,
  isStep,
  needsVersion,
  requestFor,
  retryDelaySeconds,
  type RemoteRequest,
} from './domain/remote.ts';
import { refreshOrder } from './sync.ts';

/**
 * The outlet's answers to a brand's orders. Each is recorded first (the outbox) and acknowledged;
 * a job sends it with an Idempotency-Key derived from its id, retrying while the brand is down,
 * so an answer is never lost and never applied twice.
 */
export class ActionService {
  private readonly ctx: BrandInboxContext;
  private readonly connections: ConnectionService;
  constructor(ctx: BrandInboxContext, connections: ConnectionService) {
    this.ctx = ctx;
    this.connections = connections;
  }

  /** The mirrored order and its connection, within the actor's outlet. */
  async orderOf(actor: Actor, orderId: string): Promise<{ order: OrderRow; conn: ConnectionRow }> {
    const order = await this.ctx.repo.order(orderId);
    if (!order) throw notFound('brand order', orderId);
    const conn = await this.connections.row(actor, order.connection_id).catch(() => {
      throw notFound('brand order', orderId);
    });
    return { order, conn };
  }

  async record(actor: Actor, orderId: string, kind: BrandActionKind, input: unknown): Promise<BrandAction> {
    const { order, conn } = await this.orderOf(actor, orderId);
    if (!conn.enabled) throw refuse('brandinbox.connection_disabled', { name: conn.name });
    if ((kind === 'accept' || kind === 'reject') && !order.offer_id)
      throw refuse('brandinbox.no_offer', { number: order.number });
    // A second click while the first answer waits is the same answer.
    const open = await this.ctx.repo.openActionOf(order.id, kind);
    if (open) return toAction(open);
    if (isStep(kind)) {
      const status = await this.expectedStatus(order);
      if (!BRAND_NEXT_STEPS[status]?.includes(kind))
        throw refuse('brandinbox.step_not_allowed', { number: order.number, status });
    }
    const now = this.ctx.clock.now().toISOString();
    const row: ActionRow = {
      id: newId(),
      connection_id: conn.id,
      order_id: order.id,
      kind,
      input: JSON.stringify(input ?? {}),
      // Accept/reject answer the offer seen now; booking and steps read the version at their first attempt.
      request: needsVersion(kind)
        ? null
        : JSON.stringify(
            requestFor(kind, input, { remoteId: order.remote_id, offerId: order.offer_id, version: 0 }),
          ),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      problem: null,
      created_by: actor.userId || null,
      created_at: now,
      sent_at: null,
      updated_at: now,
    };
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx, afterCommit }) => {
      await this.ctx.repo.insertAction(trx, row);
      await appendEvent(trx, {
        streamType: ORDER_STREAM,
        streamId: order.id,
        type: BRAND_ORDER_EVENTS.type.action_recorded,
        actor: eventActorOf(actor),
        at: this.ctx.clock.now(),
        data: { actionId: row.id, kind },
      });
      afterCommit(() => this.ctx.kickSender());
    });
    return toAction(row);
  }

  /** The brand status once the answers still waiting are taken: steps may be clicked ahead of the pull. */
  private async expectedStatus(order: OrderRow): Promise<string> {
    let status = order.status;
    for (const a of await this.ctx.repo.actionsOf(order.id)) {
      if (a.status !== 'pending') continue;
      if (a.kind === 'schedule') status = 'scheduled';
      else if (isStep(a.kind)) status = BRAND_STEP_TARGETS[a.kind];
    }
    return status;
  }

  async actionsOf(actor: Actor, orderId: string): Promise<BrandAction[]> {
    const { order } = await this.orderOf(actor, orderId);
    return (await this.ctx.repo.actionsOf(order.id)).map(toAction);
  }

  /** Sends a failed answer again (after the cause was fixed): a new series of attempts, same key. */
  async retry(actor: Actor, actionId: string): Promise<BrandAction> {
    const a = await this.ctx.repo.action(actionId);
    if (!a) throw notFound('brand order', actionId);
    await this.orderOf(actor, a.order_id);
    if (a.status === 'failed') {
      const now = this.ctx.clock.now().toISOString();
      await this.ctx.repo.settleAction(this.ctx.db, a.id, {
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        updated_at: now,
      });
      this.ctx.kickSender();
    }
    return toAction((await this.ctx.repo.action(actionId))!);
  }
}

export interface SendResult {
  sent: number;
  retrying: number;
  failed: number;
}

/** The sender job: every due answer, oldest first, each order's answers in the order recorded. */
export async function sendDue(ctx: BrandInboxContext): Promise<SendResult> {
  const policy = await brandInboxPolicy(ctx.db);
  const now = ctx.clock.now();
  const result: SendResult = { sent: 0, retrying: 0, failed: 0 };
  for (const a of await ctx.repo.dueActions(now.toISOString(), 100)) {
    if (await ctx.repo.earlierUnsent(a)) continue;
    const r = await sendOne(ctx, a, policy);
    if (r) result[r]++;
  }
  return result;
}

type Policy = Awaited<ReturnType<typeof brandInboxPolicy>>;

async function sendOne(
  ctx: BrandInboxContext,
  a: ActionRow,
  policy: Policy,
): Promise<keyof SendResult | null> {
  const conn = await ctx.repo.connection(a.connection_id);
  const order = await ctx.repo.order(a.order_id);
  if (!conn || !order) return null;
  if (!conn.enabled) return null;
  const remote = { baseUrl: conn.base_url, token: ctx.sealer.open(conn.token_sealed) };
  const timeoutMs = policy.requestTimeoutSeconds * 1000;
  let request = actionRequest(a);
  if (!request) {
    // Booking is a transition at the order's current version: read it once, then keep the body.
    const cur = await ctx.remote(
      remote,
      { method: 'GET', path: `/api/v1/work-orders/${order.remote_id}` },
      { timeoutMs },
    );
    if (cur.kind !== 'ok') return settleFailure(ctx, a, policy, cur.problem, cur.kind === 'retry', null);
    const version = (cur.body as { version: number }).version;
    request = requestFor(a.kind, actionInput(a), {
      remoteId: order.remote_id,
      offerId: order.offer_id,
      version,
    });
  }
  const nowIso = ctx.clock.now().toISOString();
  if (!(await ctx.repo.claim(ctx.db, a, { request: JSON.stringify(request), updated_at: nowIso })))
    return null;
  const out = await ctx.remote(remote, request, { timeoutMs, idempotencyKey: idempotencyKeyOf(a.id) });
  const claimed = { ...a, attempts: a.attempts + 1 };
  if (out.kind !== 'ok')
    return settleFailure(ctx, claimed, policy, out.problem, out.kind === 'retry', request);
  await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    await ctx.repo.settleAction(trx, a.id, {
      status: 'sent',
      sent_at: nowIso,
      next_attempt_at: null,
      problem: null,
      updated_at: nowIso,
    });
    await appendEvent(trx, {
      streamType: ORDER_STREAM,
      streamId: order.id,
      type: BRAND_ORDER_EVENTS.type.action_sent,
      actor: SYSTEM,
      at: ctx.clock.now(),
      data: { actionId: a.id, kind: a.kind, attempts: claimed.attempts },
    });
  });
  await refreshOrder(ctx, conn, order).catch((err: unknown) =>
    ctx.logger.warn({ err, order: order.id }, 'brand order refresh after an answer failed'),
  );
  return 'sent';
}

/** A transient failure waits for the next try until the attempts run out; a refusal fails now. */
async function settleFailure(
  ctx: BrandInboxContext,
  a: ActionRow,
  policy: Policy,
  problem: BrandProblem,
  transient: boolean,
  request: RemoteRequest | null,
): Promise<keyof SendResult> {
  const now = ctx.clock.now();
  const attempts = request ? a.attempts : a.attempts + 1;
  const giveUp = !transient || attempts >= policy.maxAttempts;
  const next = new Date(now.getTime() + retryDelaySeconds(policy.retryBaseSeconds, attempts) * 1000);
  await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    await ctx.repo.settleAction(trx, a.id, {
      status: giveUp ? 'failed' : 'pending',
      attempts,
      next_attempt_at: giveUp ? null : next.toISOString(),
      problem: JSON.stringify(problem),
      updated_at: now.toISOString(),
    });
    if (giveUp)
      await appendEvent(trx, {
        streamType: ORDER_STREAM,
        streamId: a.order_id,
        type: BRAND_ORDER_EVENTS.type.action_failed,
        actor: SYSTEM,
        at: now,
        data: { actionId: a.id, kind: a.kind, code: problem.code },
      });
  });
  return giveUp ? 'failed' : 'retrying';
}
