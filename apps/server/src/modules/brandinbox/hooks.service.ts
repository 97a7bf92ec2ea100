import type { BrandWebhook } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { DomainError } from '../../platform/http/errors.ts';
import type { HookRow } from './brandinbox.repository.ts';
import { brandInboxPolicy } from './brandinbox.settings.ts';
import type { ConnectionService } from './connections.service.ts';
import type { BrandInboxContext } from './context.ts';
import { checkHook, type HookHeaders } from './domain/webhook.ts';
import { tokenHint } from './seal.ts';

/** Where a brand posts its webhooks for one connection (no session: the signature is the credential). */
export const hookPathOf = (connectionId: string): string => `/api/v1/brand-inbox/hooks/${connectionId}`;

/**
 * The brand's webhooks to a connection (Standard Webhooks 1.0). The outlet manager pastes the
 * `whsec_` secret the brand's endpoint was made with; a webhook verified with it pulls the
 * connection at once (new offers, cancellations, changes), so the inbox does not wait for the
 * poll. A refused one changes nothing but the note of why, shown beside the connection.
 */
export class HookService {
  private readonly ctx: BrandInboxContext;
  private readonly connections: ConnectionService;
  constructor(ctx: BrandInboxContext, connections: ConnectionService) {
    this.ctx = ctx;
    this.connections = connections;
  }

  async get(actor: Actor, connectionId: string): Promise<BrandWebhook> {
    const conn = await this.connections.row(actor, connectionId);
    return view(conn.id, await this.ctx.repo.hook(conn.id));
  }

  async setSecret(actor: Actor, connectionId: string, secret: string | null): Promise<BrandWebhook> {
    const conn = await this.connections.row(actor, connectionId);
    await this.ctx.repo.saveHook(conn.id, {
      secret_sealed: secret ? this.ctx.sealer.seal(secret) : null,
      secret_hint: secret ? tokenHint(secret) : null,
      last_refusal: null,
      last_refused_at: null,
      updated_at: this.ctx.clock.now().toISOString(),
    });
    return this.get(actor, conn.id);
  }

  /**
   * Verifies one webhook on its raw bytes; throws `brandinbox.webhook_refused` (401) when it may
   * not be acted on. An unknown or disabled connection is refused the same way (nothing told).
   */
  async verify(connectionId: string, headers: HookHeaders, body: Buffer): Promise<void> {
    const conn = await this.ctx.repo.connection(connectionId);
    const hook = conn ? await this.ctx.repo.hook(conn.id) : undefined;
    const policy = await brandInboxPolicy(this.ctx.db);
    const secret = hook?.secret_sealed ? this.ctx.sealer.open(hook.secret_sealed) : null;
    const nowMs = this.ctx.clock.now().getTime();
    const check = checkHook(secret, policy.webhookToleranceSeconds, nowMs, headers, body);
    if (check === 'ok' && conn?.enabled) return;
    if (conn && check !== 'ok')
      await this.ctx.repo.saveHook(conn.id, {
        last_refusal: check,
        last_refused_at: new Date(nowMs).toISOString(),
        updated_at: new Date(nowMs).toISOString(),
      });
    throw new DomainError('brandinbox.webhook_refused', `Brand webhook refused (${check})`);
  }

  /** A verified webhook: noted, and the connection pulled now (after the answer). */
  async received(connectionId: string): Promise<{ accepted: true }> {
    const at = this.ctx.clock.now().toISOString();
    await this.ctx.repo.saveHook(connectionId, { last_received_at: at, updated_at: at });
    this.ctx.kickPull(connectionId);
    return { accepted: true };
  }
}

function view(connectionId: string, h: HookRow | undefined): BrandWebhook {
  return {
    connectionId,
    receivePath: hookPathOf(connectionId),
    secretMasked: h?.secret_hint ?? null,
    lastReceivedAt: h?.last_received_at ?? null,
    lastRefusal: h?.last_refusal ?? null,
    lastRefusedAt: h?.last_refused_at ?? null,
  };
}
