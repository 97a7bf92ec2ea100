import { lookup } from 'node:dns/promises';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { onEventAppended } from '../../platform/events/append.ts';
import { newId } from '../../platform/ids/index.ts';
import {
  DELIVER_TOPIC,
  type DeliverMessage,
  type HttpPost,
  type OutletPort,
  type Resolve,
  type WebhookContext,
} from './context.ts';
import { deliverAttempt, fanOut } from './deliver.ts';
import { webhookRoutes } from './webhooks.routes.ts';
import { WebhookService } from './webhooks.service.ts';
import './webhooks.events.ts';

export type { WebhookTables } from './webhooks.schema.ts';
export { WEBHOOK_SETTINGS, WEBHOOK_SETTINGS_KEY } from './webhooks.settings.ts';
export { WebhookService, subscribableTypes } from './webhooks.service.ts';
export { DELIVER_TOPIC } from './context.ts';

/** POST with a timeout; redirects are not followed (a 3xx is a failed attempt). */
export const fetchPost: HttpPost = async (url, headers, body, timeoutMs) => {
  const res = await fetch(url, {
    method: 'POST',
    headers,
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  await res.body?.cancel().catch(() => undefined);
  return { status: res.status };
};

const dnsResolve: Resolve = async (host) => (await lookup(host, { all: true })).map((a) => a.address);

/** Without the network and work-order modules (unit tests): no outlet is known. */
const NO_OUTLETS: OutletPort = { orderOutlet: async () => null, names: async () => new Map() };

export interface WebhookOptions {
  post?: HttpPost;
  resolve?: Resolve;
  outlets?: OutletPort;
}

/**
 * Webhooks (issue #21 item 2, Standard Webhooks 1.0): every appended event of a subscribed type
 * becomes a delivery in the event's transaction; the outbox sends it signed, retries on the
 * settings' schedule, pauses an endpoint that keeps failing and tells the admins.
 */
export function createWebhooks(deps: AppDeps, opts: WebhookOptions = {}) {
  const ctx: WebhookContext = {
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    logger: deps.logger.child({ c: 'webhooks' }),
    post: opts.post ?? fetchPost,
    resolve: opts.resolve ?? dnsResolve,
    nudgeOutbox: () => deps.runtime.outbox.nudge(),
    outlets: opts.outlets ?? NO_OUTLETS,
  };
  const service = new WebhookService(ctx);
  onEventAppended('webhooks', (trx, e) => fanOut(trx, e, newId, ctx.outlets));
  deps.runtime.outbox.registerTopic<DeliverMessage>(DELIVER_TOPIC, (m) => deliverAttempt(ctx, m));
  return {
    ctx,
    service,
    register: (app: FastifyInstance) => app.register(webhookRoutes(service)),
  };
}
export type WebhooksModule = ReturnType<typeof createWebhooks>;
