import type {
  BrandConnection,
  BrandConnectionTest,
  CreateBrandConnection,
  UpdateBrandConnection,
} from '@anxin/contracts';
import { assertConfigurableUrl } from '../../platform/net/outbound.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { eventActorOf } from '../../platform/auth/actor.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { notFound, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { syncProblem, type ConnectionRow, type OutletFilter } from './brandinbox.repository.ts';
import { BRAND_CONNECTION_EVENTS, CONNECTION_STREAM } from './brandinbox.events.ts';
import { brandInboxPolicy } from './brandinbox.settings.ts';
import type { BrandInboxContext } from './context.ts';
import { tokenHint } from './seal.ts';

/** Outlet managers see and change their outlet's connections only; HQ scopes see all. */
export const outletFilterOf = (a: Actor): OutletFilter =>
  a.scope.level === 'all' ? { all: true } : { all: false, outletId: a.scope.outletId };

const inScope = (f: OutletFilter, outletId: string) => f.all || f.outletId === outletId;

export class ConnectionService {
  private readonly ctx: BrandInboxContext;
  constructor(ctx: BrandInboxContext) {
    this.ctx = ctx;
  }

  async list(actor: Actor): Promise<BrandConnection[]> {
    const rows = await this.ctx.repo.connections(outletFilterOf(actor));
    return this.views(rows);
  }

  async get(actor: Actor, id: string): Promise<BrandConnection> {
    return (await this.views([await this.row(actor, id)]))[0]!;
  }

  /** The connection, or 404 when it does not exist or is another outlet's. */
  async row(actor: Actor, id: string): Promise<ConnectionRow> {
    const row = await this.ctx.repo.connection(id);
    if (!row || !inScope(outletFilterOf(actor), row.outlet_id)) throw notFound('brand connection', id);
    return row;
  }

  async create(actor: Actor, input: CreateBrandConnection): Promise<BrandConnection> {
    const f = outletFilterOf(actor);
    if (!inScope(f, input.outletId)) throw notFound('outlet', input.outletId);
    await assertConfigurableUrl(this.ctx.db, input.baseUrl, 'baseUrl');
    if (!(await this.ctx.ports.outletNames([input.outletId])).has(input.outletId))
      throw notFound('outlet', input.outletId);
    const now = this.ctx.clock.now().toISOString();
    const row: ConnectionRow = {
      id: newId(),
      name: input.name,
      base_url: input.baseUrl.replace(/\/+$/, ''),
      token_sealed: this.ctx.sealer.seal(input.token),
      token_hint: tokenHint(input.token),
      outlet_id: input.outletId,
      enabled: input.enabled ? 1 : 0,
      last_sync_at: null,
      last_sync_problem: null,
      version: 1,
      created_by: actor.userId || null,
      created_at: now,
      updated_at: now,
    };
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      await this.ctx.repo.insertConnection(trx, row);
      await appendEvent(trx, {
        streamType: CONNECTION_STREAM,
        streamId: row.id,
        type: BRAND_CONNECTION_EVENTS.type.created,
        actor: eventActorOf(actor),
        at: this.ctx.clock.now(),
        data: { name: row.name, outletId: row.outlet_id },
      });
    });
    return this.get(actor, row.id);
  }

  async update(actor: Actor, id: string, input: UpdateBrandConnection): Promise<BrandConnection> {
    const cur = await this.row(actor, id);
    if (cur.version !== input.version) throw versionConflict('brand connection', id, input.version);
    const patch: Partial<ConnectionRow> = { updated_at: this.ctx.clock.now().toISOString() };
    if (input.name !== undefined) patch.name = input.name;
    if (input.baseUrl !== undefined) await assertConfigurableUrl(this.ctx.db, input.baseUrl, 'baseUrl');
    if (input.baseUrl !== undefined) patch.base_url = input.baseUrl.replace(/\/+$/, '');
    if (input.enabled !== undefined) patch.enabled = input.enabled ? 1 : 0;
    if (input.token !== undefined) {
      patch.token_sealed = this.ctx.sealer.seal(input.token);
      patch.token_hint = tokenHint(input.token);
    }
    const fields = Object.keys(input).filter((k) => k !== 'version');
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (!(await this.ctx.repo.updateConnection(trx, id, input.version, patch)))
        throw versionConflict('brand connection', id, input.version);
      await appendEvent(trx, {
        streamType: CONNECTION_STREAM,
        streamId: id,
        type: BRAND_CONNECTION_EVENTS.type.updated,
        actor: eventActorOf(actor),
        at: this.ctx.clock.now(),
        data: { fields },
      });
    });
    return this.get(actor, id);
  }

  /**
   * A cheap authenticated GET of what the pull needs first (the outlet's pending offers): proves
   * URL, token and its permission; the answer is a problem code the page words.
   */
  async test(actor: Actor, id: string): Promise<BrandConnectionTest> {
    const row = await this.row(actor, id);
    const policy = await brandInboxPolicy(this.ctx.db);
    const remote = { baseUrl: row.base_url, token: this.ctx.sealer.open(row.token_sealed) };
    const opts = { timeoutMs: policy.requestTimeoutSeconds * 1000 };
    const out = await this.ctx.remote(
      remote,
      { method: 'GET', path: '/api/v1/dispatch/offers?limit=1' },
      opts,
    );
    if (out.kind !== 'ok') return { ok: false, actingAs: null, problem: out.problem };
    // Who the token acts as, when the brand's session probe tells (older brands answer null).
    const who = await this.ctx.remote(remote, { method: 'GET', path: '/api/v1/auth/session' }, opts);
    const me = who.kind === 'ok' ? (who.body as { me?: { displayName?: unknown } | null } | null)?.me : null;
    return { ok: true, actingAs: typeof me?.displayName === 'string' ? me.displayName : null, problem: null };
  }

  private async views(rows: ConnectionRow[]): Promise<BrandConnection[]> {
    const ids = rows.map((r) => r.id);
    const [names, counts] = await Promise.all([
      this.ctx.ports.outletNames([...new Set(rows.map((r) => r.outlet_id))]),
      this.ctx.repo.orderCounts(ids),
    ]);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      baseUrl: r.base_url,
      tokenMasked: r.token_hint,
      outletId: r.outlet_id,
      outletName: names.get(r.outlet_id) ?? null,
      enabled: r.enabled === 1,
      lastSyncAt: r.last_sync_at,
      lastSyncProblem: syncProblem(r),
      orderCount: counts.get(r.id) ?? 0,
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }
}
