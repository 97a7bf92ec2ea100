import type { BrandOrder, BrandOrderQuery, BrandTechnician } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/http/errors.ts';
import { toAction, type OrderRow } from './brandinbox.repository.ts';
import { brandInboxPolicy } from './brandinbox.settings.ts';
import type { ConnectionService } from './connections.service.ts';
import { outletFilterOf } from './connections.service.ts';
import type { BrandInboxContext } from './context.ts';
import { sortOrders } from './domain/sort.ts';
import { syncConnection, type SyncResult } from './sync.ts';

/** The inbox: every connected brand's mirrored orders for the actor's outlet, in one list. */
export class InboxService {
  private readonly ctx: BrandInboxContext;
  private readonly connections: ConnectionService;
  constructor(ctx: BrandInboxContext, connections: ConnectionService) {
    this.ctx = ctx;
    this.connections = connections;
  }

  async orders(actor: Actor, q: BrandOrderQuery): Promise<{ items: BrandOrder[] }> {
    const conns = await this.ctx.repo.connections(outletFilterOf(actor));
    const names = new Map(conns.map((c) => [c.id, c.name]));
    const ids = q.connectionId
      ? conns.filter((c) => c.id === q.connectionId).map((c) => c.id)
      : [...names.keys()];
    let rows = await this.ctx.repo.orders(ids);
    if (q.status) rows = rows.filter((r) => r.status === q.status);
    rows = sortOrders(rows, q.sort).slice(0, q.limit);
    const last = await this.ctx.repo.lastActions(rows.map((r) => r.id));
    return {
      items: rows.map((r) => {
        const a = last.get(r.id);
        return { ...view(r, names.get(r.connection_id) ?? ''), lastAction: a ? toAction(a) : null };
      }),
    };
  }

  async order(actor: Actor, id: string): Promise<BrandOrder> {
    const order = await this.ctx.repo.order(id);
    const conn = order ? await this.connections.row(actor, order.connection_id).catch(() => null) : null;
    if (!order || !conn) throw notFound('brand order', id);
    const last = await this.ctx.repo.lastActions([order.id]);
    const a = last.get(order.id);
    return { ...view(order, conn.name), lastAction: a ? toAction(a) : null };
  }

  /** Pulls one connection now (the 「立即同步」 button; the job does the same on its interval). */
  async syncNow(actor: Actor, connectionId: string): Promise<SyncResult> {
    return syncConnection(this.ctx, await this.connections.row(actor, connectionId));
  }

  /** The outlet's technicians at the brand, to book a visit with. */
  async technicians(actor: Actor, connectionId: string): Promise<{ items: BrandTechnician[] }> {
    const conn = await this.connections.row(actor, connectionId);
    const policy = await brandInboxPolicy(this.ctx.db);
    const out = await this.ctx.remote(
      { baseUrl: conn.base_url, token: this.ctx.sealer.open(conn.token_sealed) },
      { method: 'GET', path: '/api/v1/technicians?active=true&staff=outlet&limit=200' },
      { timeoutMs: policy.requestTimeoutSeconds * 1000 },
    );
    if (out.kind !== 'ok') return { items: [] };
    const items = (out.body as { items: { id: string; name: string }[] }).items ?? [];
    return { items: items.map((t) => ({ id: t.id, name: t.name })) };
  }
}

function view(r: OrderRow, brand: string): Omit<BrandOrder, 'lastAction'> {
  return {
    id: r.id,
    connectionId: r.connection_id,
    brand,
    remoteId: r.remote_id,
    number: r.number,
    status: r.status,
    offerId: r.offer_id,
    offerDueAt: r.offer_due_at,
    customerName: r.customer_name,
    customerPhone: r.customer_phone,
    address: r.address,
    categoryCode: r.category_code,
    window: r.window_start && r.window_end ? { start: r.window_start, end: r.window_end } : null,
    technicianName: r.technician_name,
    remoteVersion: r.remote_version,
    remoteCreatedAt: r.remote_created_at,
    syncedAt: r.synced_at,
  };
}
