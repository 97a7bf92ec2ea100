import { randomBytes } from 'node:crypto';
import {
  WEBHOOK_TEST_EVENT,
  type CreateWebhookEndpoint,
  type UpdateWebhookEndpoint,
  type WebhookDelivery,
  type WebhookDeliveryQuery,
  type WebhookEndpoint,
  type WebhookEndpointWithSecret,
  type WebhookEventType,
} from '@anxin/contracts';
import { eventActorOf, type Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import type { Db } from '../../platform/db/types.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { catalogued, isCatalogued } from '../../platform/events/catalogue.ts';
import { fieldError, notFound, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import type { WebhookContext } from './context.ts';
import { queueAttempt } from './deliver.ts';
import { outboundAllowList, urlRefusal } from '../../platform/net/outbound.ts';
import { urlProblem } from './domain/policy.ts';
import * as repo from './webhooks.repository.ts';
import { ENDPOINT_STREAM, WEBHOOK_EVENTS } from './webhooks.events.ts';
import { webhookSettings } from './webhooks.settings.ts';

/** `whsec_` + base64 of 32 random bytes (Standard Webhooks: 24 to 64 bytes). */
export const newSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

const view = (e: repo.EndpointRecord, names: Map<string, string>): WebhookEndpoint => {
  const { secret: _s, previousSecret: _p, ...rest } = e;
  return { ...rest, outletName: e.outletId ? (names.get(e.outletId) ?? null) : null };
};
const deliveryView = (d: repo.DeliveryRecord): WebhookDelivery => {
  const { payload: _p, ...rest } = d;
  return rest;
};

/** The event types an endpoint may subscribe to: the catalogue without webhooks' own. */
export function subscribableTypes(): WebhookEventType[] {
  return [...catalogued()]
    .filter(([type]) => !type.startsWith(`${WEBHOOK_EVENTS.prefix}.`))
    .map(([type, module]) => ({ type, module }))
    .sort((a, b) => a.type.localeCompare(b.type));
}

export class WebhookService {
  private readonly ctx: WebhookContext;

  constructor(ctx: WebhookContext) {
    this.ctx = ctx;
  }

  private get db(): Db {
    return this.ctx.db;
  }

  private async checkUrl(url: string): Promise<void> {
    const problem = urlProblem(url);
    if (problem)
      throw fieldError('url', 'invalid_format', `The URL is not an absolute http(s) URL (${problem})`, {
        format: 'url',
      });
    const { allowedPrivateHosts } = await webhookSettings(this.db);
    const allowed = [...allowedPrivateHosts, ...(await outboundAllowList(this.db))];
    if (urlRefusal(url, allowed))
      throw fieldError('url', 'not_allowed', 'The URL points at a loopback or private address');
  }

  private checkTypes(types: readonly string[]): string[] {
    const distinct = [...new Set(types)];
    distinct.forEach((t, i) => {
      if (!isCatalogued(t) || t.startsWith(`${WEBHOOK_EVENTS.prefix}.`))
        throw fieldError(`eventTypes.${i}`, 'unknown_code', `${t} is not an event type of the catalogue`);
    });
    return distinct.sort();
  }

  private async mustFind(id: string): Promise<repo.EndpointRecord> {
    const e = await repo.findEndpointById(this.db, id);
    if (!e) throw notFound('webhook endpoint', id);
    return e;
  }

  eventTypes(): WebhookEventType[] {
    return subscribableTypes();
  }

  async list(): Promise<WebhookEndpoint[]> {
    const all = await repo.listEndpoints(this.db);
    const names = await this.ctx.outlets.names(all.flatMap((e) => (e.outletId ? [e.outletId] : [])));
    return all.map((e) => view(e, names));
  }

  async get(id: string): Promise<WebhookEndpoint> {
    return this.viewOf(await this.mustFind(id));
  }

  private async viewOf(e: repo.EndpointRecord): Promise<WebhookEndpoint> {
    return view(e, await this.ctx.outlets.names(e.outletId ? [e.outletId] : []));
  }

  /** An outlet scope must name an outlet that exists. */
  private async checkOutlet(outletId: string | null | undefined): Promise<void> {
    if (!outletId) return;
    if (!(await this.ctx.outlets.names([outletId])).has(outletId))
      throw fieldError('outletId', 'not_found', 'No outlet has this id');
  }

  async create(actor: Actor, input: CreateWebhookEndpoint): Promise<WebhookEndpointWithSecret> {
    const eventTypes = this.checkTypes(input.eventTypes);
    await this.checkUrl(input.url);
    await this.checkOutlet(input.outletId);
    const now = this.ctx.clock.now();
    const at = now.toISOString();
    const e: repo.EndpointRecord = {
      id: newId(),
      url: input.url,
      description: input.description,
      eventTypes,
      outletId: input.outletId,
      secret: newSecret(),
      previousSecret: null,
      previousSecretExpiresAt: null,
      status: 'active',
      consecutiveFailures: 0,
      pausedReason: null,
      pausedAt: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    await withTransaction(this.db, this.ctx.dialect, async ({ trx }) => {
      await repo.insertEndpoint(trx, e);
      await appendEvent(trx, {
        streamType: ENDPOINT_STREAM,
        streamId: e.id,
        type: WEBHOOK_EVENTS.type.endpoint_created,
        actor: eventActorOf(actor),
        at: now,
        data: { url: e.url, eventTypes, outletId: e.outletId },
      });
    });
    return { ...(await this.viewOf(e)), secret: e.secret };
  }

  async update(actor: Actor, id: string, input: UpdateWebhookEndpoint): Promise<WebhookEndpoint> {
    const eventTypes = input.eventTypes ? this.checkTypes(input.eventTypes) : undefined;
    if (input.url !== undefined) await this.checkUrl(input.url);
    await this.checkOutlet(input.outletId);
    const e = await this.mustFind(id);
    if (e.version !== input.version) throw versionConflict('webhook endpoint', id, input.version);
    const now = this.ctx.clock.now();
    await withTransaction(this.db, this.ctx.dialect, async ({ trx }) => {
      const ok = await repo.updateEndpoint(
        trx,
        id,
        input.version,
        {
          ...(input.url !== undefined ? { url: input.url } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(eventTypes ? { eventTypes } : {}),
          ...(input.outletId !== undefined ? { outletId: input.outletId } : {}),
        },
        now.toISOString(),
      );
      if (!ok) throw versionConflict('webhook endpoint', id, input.version);
      await appendEvent(trx, {
        streamType: ENDPOINT_STREAM,
        streamId: id,
        type: WEBHOOK_EVENTS.type.endpoint_updated,
        actor: eventActorOf(actor),
        at: now,
        data: {
          url: input.url ?? e.url,
          eventTypes: eventTypes ?? e.eventTypes,
          outletId: input.outletId !== undefined ? input.outletId : e.outletId,
        },
      });
    });
    return this.get(id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const e = await this.mustFind(id);
    const now = this.ctx.clock.now();
    await withTransaction(this.db, this.ctx.dialect, async ({ trx }) => {
      await repo.deleteEndpoint(trx, id);
      await appendEvent(trx, {
        streamType: ENDPOINT_STREAM,
        streamId: id,
        type: WEBHOOK_EVENTS.type.endpoint_deleted,
        actor: eventActorOf(actor),
        at: now,
        data: { url: e.url },
      });
    });
  }

  /** A new secret, returned once; the replaced one keeps signing for the overlap setting. */
  async rotate(actor: Actor, id: string, version: number): Promise<WebhookEndpointWithSecret> {
    const e = await this.mustFind(id);
    if (e.version !== version) throw versionConflict('webhook endpoint', id, version);
    const now = this.ctx.clock.now();
    const { rotationOverlapHours } = await webhookSettings(this.db);
    const expires =
      rotationOverlapHours > 0
        ? new Date(now.getTime() + rotationOverlapHours * 3_600_000).toISOString()
        : null;
    const secret = newSecret();
    await withTransaction(this.db, this.ctx.dialect, async ({ trx }) => {
      const ok = await repo.updateEndpoint(
        trx,
        id,
        version,
        { secret, previousSecret: expires ? e.secret : null, previousSecretExpiresAt: expires },
        now.toISOString(),
      );
      if (!ok) throw versionConflict('webhook endpoint', id, version);
      await appendEvent(trx, {
        streamType: ENDPOINT_STREAM,
        streamId: id,
        type: WEBHOOK_EVENTS.type.secret_rotated,
        actor: eventActorOf(actor),
        at: now,
        data: { previousSecretExpiresAt: expires },
      });
    });
    return { ...(await this.get(id)), secret };
  }

  /** Paused by hand (maintenance on the receiver): deliveries wait until `resume`. */
  async pause(actor: Actor, id: string, version: number): Promise<WebhookEndpoint> {
    const e = await this.mustFind(id);
    if (e.version !== version) throw versionConflict('webhook endpoint', id, version);
    if (e.status === 'paused') return this.viewOf(e);
    const now = this.ctx.clock.now();
    await withTransaction(this.db, this.ctx.dialect, async ({ trx }) => {
      const ok = await repo.updateEndpoint(
        trx,
        id,
        version,
        { status: 'paused', pausedReason: 'manual', pausedAt: now.toISOString() },
        now.toISOString(),
      );
      if (!ok) throw versionConflict('webhook endpoint', id, version);
      await appendEvent(trx, {
        streamType: ENDPOINT_STREAM,
        streamId: id,
        type: WEBHOOK_EVENTS.type.endpoint_paused,
        actor: eventActorOf(actor),
        at: now,
        from: 'active',
        to: 'paused',
        data: { reason: 'manual', consecutiveFailures: e.consecutiveFailures },
      });
    });
    return this.get(id);
  }

  /** Active again, failures forgotten, waiting deliveries queued now. */
  async resume(actor: Actor, id: string, version: number): Promise<WebhookEndpoint> {
    const e = await this.mustFind(id);
    if (e.version !== version) throw versionConflict('webhook endpoint', id, version);
    if (e.status === 'active') return this.viewOf(e);
    const now = this.ctx.clock.now();
    await withTransaction(this.db, this.ctx.dialect, async ({ trx, afterCommit }) => {
      const ok = await repo.updateEndpoint(
        trx,
        id,
        version,
        { status: 'active', consecutiveFailures: 0, pausedReason: null, pausedAt: null },
        now.toISOString(),
      );
      if (!ok) throw versionConflict('webhook endpoint', id, version);
      const waiting = await repo.listWaiting(trx, id);
      for (const d of waiting)
        await queueAttempt(
          trx,
          now,
          { deliveryId: d.id, attempt: d.attempts + 1 },
          { tag: `resume:${version}` },
        );
      await appendEvent(trx, {
        streamType: ENDPOINT_STREAM,
        streamId: id,
        type: WEBHOOK_EVENTS.type.endpoint_resumed,
        actor: eventActorOf(actor),
        at: now,
        from: 'paused',
        to: 'active',
        data: { requeued: waiting.length },
      });
      afterCommit(this.ctx.nudgeOutbox);
    });
    return this.get(id);
  }

  /** A `webhook.test` delivery to this endpoint only. */
  async sendTest(actor: Actor, id: string): Promise<WebhookDelivery> {
    const e = await this.mustFind(id);
    const now = this.ctx.clock.now();
    const deliveryId = newId();
    await withTransaction(this.db, this.ctx.dialect, async ({ trx, afterCommit }) => {
      await repo.insertDelivery(trx, {
        id: deliveryId,
        endpointId: id,
        eventId: null,
        eventType: WEBHOOK_TEST_EVENT,
        payload: { type: WEBHOOK_TEST_EVENT, timestamp: now.toISOString(), data: { endpointId: id } },
        at: now.toISOString(),
        nextAttemptAt: e.status === 'active' ? now.toISOString() : null,
      });
      if (e.status === 'active') await queueAttempt(trx, now, { deliveryId, attempt: 1 });
      await appendEvent(trx, {
        streamType: ENDPOINT_STREAM,
        streamId: id,
        type: WEBHOOK_EVENTS.type.test_sent,
        actor: eventActorOf(actor),
        at: now,
        data: { deliveryId },
      });
      afterCommit(this.ctx.nudgeOutbox);
    });
    return deliveryView((await repo.findDeliveryById(this.db, deliveryId))!);
  }

  async deliveries(
    q: WebhookDeliveryQuery,
  ): Promise<{ items: WebhookDelivery[]; nextCursor: string | null }> {
    const rows = await repo.listDeliveries(this.db, q);
    const page = rows.slice(0, q.limit);
    return {
      items: page.map(deliveryView),
      nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
    };
  }

  /** One more attempt now, with the same webhook-id (the receiver deduplicates by it). */
  async replay(actor: Actor, deliveryId: string): Promise<WebhookDelivery> {
    const d = await repo.findDeliveryById(this.db, deliveryId);
    if (!d) throw notFound('webhook delivery', deliveryId);
    const e = await this.mustFind(d.endpointId);
    const now = this.ctx.clock.now();
    await withTransaction(this.db, this.ctx.dialect, async ({ trx, afterCommit }) => {
      const active = e.status === 'active';
      await repo.setDeliveryWaiting(
        trx,
        d.id,
        'pending',
        active ? now.toISOString() : null,
        now.toISOString(),
      );
      if (active)
        await queueAttempt(trx, now, { deliveryId: d.id, attempt: d.attempts + 1 }, { tag: 'replay' });
      await appendEvent(trx, {
        streamType: ENDPOINT_STREAM,
        streamId: e.id,
        type: WEBHOOK_EVENTS.type.delivery_replayed,
        actor: eventActorOf(actor),
        at: now,
        data: { deliveryId: d.id },
      });
      afterCommit(this.ctx.nudgeOutbox);
    });
    return deliveryView((await repo.findDeliveryById(this.db, deliveryId))!);
  }
}
