import { Webhook } from 'standardwebhooks';
import { withTransaction } from '../../platform/db/transaction.ts';
import type { Db } from '../../platform/db/types.ts';
import { appendEvent, findEvent, SYSTEM } from '../../platform/events/append.ts';
import { enqueueOutbox } from '../../platform/events/outbox.ts';
import { errorText } from '../../platform/jobs/index.ts';
import { notifyRole } from '../../platform/notify/index.ts';
import { DELIVER_TOPIC, type DeliverMessage, type OutletPort, type WebhookContext } from './context.ts';
import { destinationRefusal, outboundAllowList } from '../../platform/net/outbound.ts';
import { nextAttemptAt, shouldPause, signingSecrets } from './domain/policy.ts';
import * as repo from './webhooks.repository.ts';
import { ENDPOINT_STREAM, WEBHOOK_EVENTS } from './webhooks.events.ts';
import { webhookSettings } from './webhooks.settings.ts';

/** Queues attempt `attempt` of a delivery in the caller's transaction. */
export function queueAttempt(
  trx: Db,
  at: Date,
  m: DeliverMessage,
  opts: { availableAt?: Date; tag?: string } = {},
): Promise<string | null> {
  return enqueueOutbox(trx, {
    topic: DELIVER_TOPIC,
    payload: m,
    at,
    ...(opts.availableAt ? { availableAt: opts.availableAt } : {}),
    dedupeKey: `webhook:${m.deliveryId}:${m.attempt}${opts.tag ? `:${opts.tag}` : ''}`,
  });
}

/** The Standard Webhooks body: `{ type, timestamp, data }`, built from the event when it has one. */
async function bodyOf(db: Db, d: repo.DeliveryRecord): Promise<string | null> {
  if (d.payload !== null) return JSON.stringify(d.payload);
  if (!d.eventId) return null;
  const e = await findEvent(db, d.eventId);
  if (!e) return null;
  return JSON.stringify({
    type: e.type,
    timestamp: e.occurredAt,
    data: {
      eventId: e.id,
      streamType: e.streamType,
      streamId: e.streamId,
      from: e.from,
      to: e.to,
      payload: e.data,
    },
  });
}

/** Signs with every secret valid now: `v1,<sig> v1,<sig>` while a rotation overlaps. */
export function signatureHeader(secrets: string[], id: string, at: Date, body: string): string {
  return secrets.map((s) => new Webhook(s).sign(id, at, body)).join(' ');
}

/** The platform's outbound guard, with the webhooks' own allowed hosts added to `net.outbound`'s. */
async function refusedHost(
  ctx: WebhookContext,
  url: string,
  allowed: readonly string[],
): Promise<string | null> {
  const all = [...allowed, ...(await outboundAllowList(ctx.db))];
  return destinationRefusal(url, all, ctx.resolve);
}

/**
 * One attempt of one delivery (the outbox topic handler). A message whose attempt was already
 * recorded is a no-op; a paused endpoint leaves the delivery waiting for `resume`. The outcome,
 * the endpoint's failure count, the pause with its alert and the next attempt are written in one
 * transaction, so a crash re-runs the attempt rather than losing it.
 */
export async function deliverAttempt(ctx: WebhookContext, m: DeliverMessage): Promise<void> {
  const d = await repo.findDeliveryById(ctx.db, m.deliveryId);
  if (!d || d.attempts >= m.attempt) return;
  const endpoint = await repo.findEndpointById(ctx.db, d.endpointId);
  if (!endpoint) return;
  const now = ctx.clock.now();
  const at = now.toISOString();
  if (endpoint.status === 'paused') {
    await repo.setDeliveryWaiting(ctx.db, d.id, d.attempts === 0 ? 'pending' : 'failed', null, at);
    return;
  }
  const settings = await webhookSettings(ctx.db);
  const body = await bodyOf(ctx.db, d);
  let statusCode: number | null = null;
  let error: string | null = null;
  if (body === null) error = 'event_missing';
  else {
    error = await refusedHost(ctx, endpoint.url, settings.allowedPrivateHosts);
    if (!error) {
      const headers = {
        'content-type': 'application/json',
        'user-agent': 'Anxin-Webhooks/1.0',
        'webhook-id': d.id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': signatureHeader(signingSecrets(endpoint, now), d.id, now, body),
      };
      try {
        statusCode = (await ctx.post(endpoint.url, headers, body, settings.timeoutSeconds * 1000)).status;
        if (statusCode < 200 || statusCode > 299) error = `http_${statusCode}`;
      } catch (err) {
        error = errorText(err).slice(0, 500);
      }
    }
  }
  const done = ctx.clock.now();
  const doneIso = done.toISOString();
  const next = error ? nextAttemptAt(settings.retryScheduleSeconds, m.attempt, done) : null;
  await withTransaction(ctx.db, ctx.dialect, async ({ trx, afterCommit }) => {
    const recorded = await repo.recordAttempt(
      trx,
      d.id,
      m.attempt,
      {
        status: !error ? 'succeeded' : next ? 'failed' : 'dead',
        statusCode,
        error,
        nextAttemptAt: next?.toISOString() ?? null,
      },
      doneIso,
    );
    if (!recorded) return;
    if (!error) {
      await repo.resetFailures(trx, endpoint.id, doneIso);
      return;
    }
    if (next)
      await queueAttempt(trx, done, { deliveryId: d.id, attempt: m.attempt + 1 }, { availableAt: next });
    const failures = await repo.countFailure(trx, endpoint.id, doneIso);
    if (!shouldPause(failures, settings.pauseAfterFailures)) return;
    const paused = await repo.updateEndpoint(
      trx,
      endpoint.id,
      null,
      { status: 'paused', pausedReason: 'failures', pausedAt: doneIso },
      doneIso,
    );
    if (!paused) return;
    await appendEvent(trx, {
      streamType: ENDPOINT_STREAM,
      streamId: endpoint.id,
      type: WEBHOOK_EVENTS.type.endpoint_paused,
      actor: SYSTEM,
      at: done,
      from: 'active',
      to: 'paused',
      data: { reason: 'failures', consecutiveFailures: failures },
    });
    await notifyRole(
      trx,
      done,
      {
        role: 'admin',
        title: 'Webhook 端点已暂停',
        body: `${endpoint.url} 连续 ${failures} 次投递失败，已暂停；修复后请在 Webhook 页面恢复。`,
        event: 'webhooks.endpoint_paused',
        params: { url: endpoint.url, failures: String(failures) },
        ref: `webhook_endpoint:${endpoint.id}`,
      },
      `webhook.paused:${endpoint.id}:${doneIso}`,
    );
    afterCommit(ctx.nudgeOutbox);
  }).catch((err: unknown) => {
    // Only the database can fail here; the outbox retries the message and the attempt re-runs.
    ctx.logger.warn({ err, deliveryId: d.id }, 'webhooks: recording an attempt failed');
    throw err;
  });
}

/**
 * The outlets an event concerns: the one its order is with after the change, and the one its data
 * names (an offer rejected or lapsed leaves the order with none, but the outlet should hear of it).
 */
async function eventOutlets(
  trx: Db,
  e: { streamType: string; streamId: string; data: unknown },
  outlets: OutletPort,
): Promise<Set<string>> {
  const found = new Set<string>();
  const now = await outlets.orderOutlet(trx, e.streamType, e.streamId);
  if (now) found.add(now);
  const named = (e.data as { outletId?: unknown } | null)?.outletId;
  if (typeof named === 'string') found.add(named);
  return found;
}

/**
 * The append listener: a delivery row per subscribed endpoint, written in the event's own
 * transaction; active endpoints get their first attempt queued, paused ones keep it waiting.
 */
export async function fanOut(
  trx: Db,
  e: { id: string; type: string; at: Date; streamType: string; streamId: string; data: unknown },
  newId: () => string,
  outlets: OutletPort,
): Promise<void> {
  if (e.type.startsWith(`${WEBHOOK_EVENTS.prefix}.`)) return;
  const subscribers = await repo.listSubscribers(trx, e.type);
  const scoped = subscribers.some((s) => s.outletId !== null);
  const outletsOfEvent = scoped ? await eventOutlets(trx, e, outlets) : new Set<string>();
  for (const ep of subscribers) {
    if (ep.outletId !== null && !outletsOfEvent.has(ep.outletId)) continue;
    const id = newId();
    const active = ep.status === 'active';
    const at = e.at.toISOString();
    const fresh = await repo.insertDelivery(trx, {
      id,
      endpointId: ep.id,
      eventId: e.id,
      eventType: e.type,
      payload: null,
      at,
      nextAttemptAt: active ? at : null,
    });
    if (fresh && active) await queueAttempt(trx, e.at, { deliveryId: id, attempt: 1 });
  }
}
