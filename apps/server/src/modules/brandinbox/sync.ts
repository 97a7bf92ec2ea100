import type { BrandProblem } from '@anxin/contracts';
import { SYSTEM, appendEvent } from '../../platform/events/append.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { newId } from '../../platform/ids/index.ts';
import type { ConnectionRow, MirrorFields, OrderRow } from './brandinbox.repository.ts';
import { BRAND_ORDER_EVENTS, ORDER_STREAM } from './brandinbox.events.ts';
import { brandInboxPolicy } from './brandinbox.settings.ts';
import type { BrandInboxContext } from './context.ts';
import type { RemoteRequest } from './domain/remote.ts';

/** Statuses after which the brand no longer changes an order for the outlet. */
const SETTLED = new Set(['closed', 'cancelled', 'released']);

interface RemoteSummary {
  id: string;
  version: number;
}
interface RemoteOffer {
  id: string;
  orderId: string;
  dueAt: string;
  order: { id: string; version: number } | null;
}
interface RemoteDetail {
  id: string;
  number: string;
  status: string;
  version: number;
  createdAt: string;
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
  customer: { name: string } | null;
  product: { categoryCode: string } | null;
  appointment: { start: string; end: string } | null;
  technician: { name: string } | null;
}

export interface SyncResult {
  seen: number;
  fetched: number;
  problem: BrandProblem | null;
}

class RemoteFailed extends Error {
  readonly problem: BrandProblem;
  constructor(problem: BrandProblem) {
    super(problem.code);
    this.problem = problem;
  }
}

/**
 * Pulls one connection: the brand's pending offers to the outlet, then the outlet's orders there
 * page by page (cursor), and each order whose version moved since the last pull in detail. The
 * mirror is upserted by (connection, remote id), so pulling twice changes nothing twice. An
 * order the outlet no longer sees there (rejected, re-dispatched) is marked `released`.
 */
export async function syncConnection(ctx: BrandInboxContext, conn: ConnectionRow): Promise<SyncResult> {
  const policy = await brandInboxPolicy(ctx.db);
  const token = ctx.sealer.open(conn.token_sealed);
  const get = async <T>(path: string): Promise<T | null> => {
    const out = await ctx.remote(
      { baseUrl: conn.base_url, token },
      { method: 'GET', path } satisfies RemoteRequest,
      { timeoutMs: policy.requestTimeoutSeconds * 1000 },
    );
    if (out.kind === 'ok') return out.body as T;
    if (out.problem.status === 404) return null;
    throw new RemoteFailed(out.problem);
  };
  const now = ctx.clock.now().toISOString();
  try {
    const offers =
      (await get<{ items: RemoteOffer[] }>('/api/v1/dispatch/offers?status=pending'))?.items ?? [];
    const versions = new Map<string, number>();
    for (const o of offers) if (o.order) versions.set(o.orderId, o.order.version);
    let cursor: string | null = null;
    for (let page = 0; page < policy.maxPages; page++) {
      const q = new URLSearchParams({ limit: String(policy.pageSize), sort: '-created_at' });
      if (cursor) q.set('cursor', cursor);
      const r = await get<{ items: RemoteSummary[]; nextCursor: string | null }>(`/api/v1/work-orders?${q}`);
      for (const o of r?.items ?? []) versions.set(o.id, o.version);
      cursor = r?.nextCursor ?? null;
      if (!cursor) break;
    }
    const offerOf = new Map(offers.map((o) => [o.orderId, o]));
    let fetched = 0;
    for (const [remoteId, version] of versions) {
      const mine = await ctx.repo.mirrorOf(conn.id, remoteId);
      const offer = offerOf.get(remoteId) ?? null;
      if (mine && mine.remote_version === version && mine.offer_id === (offer?.id ?? null)) continue;
      const detail = await get<RemoteDetail>(`/api/v1/work-orders/${remoteId}`);
      if (!detail) continue;
      fetched++;
      await mirror(ctx, conn.id, mine, detail, offer, now);
    }
    await releaseUnseen(ctx, conn, versions, get, now);
    await ctx.repo.noteSync(conn.id, now, null);
    return { seen: versions.size, fetched, problem: null };
  } catch (err) {
    if (!(err instanceof RemoteFailed)) throw err;
    await ctx.repo.noteSync(conn.id, now, err.problem);
    return { seen: 0, fetched: 0, problem: err.problem };
  }
}

/** One order's mirror refreshed from its detail at the brand (after a pull or an answer). */
async function mirror(
  ctx: BrandInboxContext,
  connectionId: string,
  mine: OrderRow | undefined,
  d: RemoteDetail,
  offer: RemoteOffer | null,
  at: string,
): Promise<void> {
  const f: MirrorFields = {
    number: d.number,
    status: d.status,
    offer_id: offer?.id ?? null,
    offer_due_at: offer?.dueAt ?? null,
    customer_name: d.contactName ?? d.customer?.name ?? null,
    customer_phone: d.contactPhone ?? null,
    address: d.address ?? null,
    category_code: d.product?.categoryCode ?? null,
    window_start: d.appointment?.start ?? null,
    window_end: d.appointment?.end ?? null,
    technician_name: d.technician?.name ?? null,
    remote_version: d.version,
    remote_created_at: d.createdAt ?? null,
  };
  const id = mine?.id ?? newId();
  await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    await ctx.repo.upsertOrder(trx, { id, connectionId, remoteId: d.id, syncedAt: at }, f);
    if (mine?.status !== d.status)
      await appendEvent(trx, {
        streamType: ORDER_STREAM,
        streamId: id,
        type: BRAND_ORDER_EVENTS.type.status_changed,
        actor: SYSTEM,
        at: ctx.clock.now(),
        from: mine?.status ?? null,
        to: d.status,
        data: { remoteId: d.id },
      });
  });
}

/** Mirrored orders the pull did not see: still the outlet's (older than the pages read) or gone. */
async function releaseUnseen(
  ctx: BrandInboxContext,
  conn: ConnectionRow,
  seen: Map<string, number>,
  get: <T>(path: string) => Promise<T | null>,
  at: string,
): Promise<void> {
  for (const m of await ctx.repo.orders([conn.id])) {
    if (seen.has(m.remote_id) || SETTLED.has(m.status)) continue;
    const d = await get<RemoteDetail>(`/api/v1/work-orders/${m.remote_id}`);
    if (d) {
      if (d.version !== m.remote_version || m.offer_id) await mirror(ctx, conn.id, m, d, null, at);
      continue;
    }
    await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
      await ctx.repo.setStatus(trx, m.id, 'released', at);
      await appendEvent(trx, {
        streamType: ORDER_STREAM,
        streamId: m.id,
        type: BRAND_ORDER_EVENTS.type.status_changed,
        actor: SYSTEM,
        at: ctx.clock.now(),
        from: m.status,
        to: 'released',
        data: { remoteId: m.remote_id },
      });
    });
  }
}

/** Refreshes one mirrored order now (after an answer was taken by the brand). */
export async function refreshOrder(ctx: BrandInboxContext, conn: ConnectionRow, m: OrderRow): Promise<void> {
  const policy = await brandInboxPolicy(ctx.db);
  const token = ctx.sealer.open(conn.token_sealed);
  const call = (path: string) =>
    ctx.remote(
      { baseUrl: conn.base_url, token },
      { method: 'GET', path },
      { timeoutMs: policy.requestTimeoutSeconds * 1000 },
    );
  const d = await call(`/api/v1/work-orders/${m.remote_id}`);
  if (d.kind !== 'ok') return;
  const offers = await call('/api/v1/dispatch/offers?status=pending');
  const offer =
    offers.kind === 'ok'
      ? ((offers.body as { items: RemoteOffer[] }).items.find((o) => o.orderId === m.remote_id) ?? null)
      : null;
  await mirror(ctx, conn.id, m, d.body as RemoteDetail, offer, ctx.clock.now().toISOString());
}

/** The pull job: every enabled connection in turn; one brand being down does not stop the others. */
export async function syncAll(ctx: BrandInboxContext): Promise<Record<string, SyncResult>> {
  const out: Record<string, SyncResult> = {};
  for (const c of await ctx.repo.enabledConnections()) {
    try {
      out[c.id] = await syncConnection(ctx, c);
    } catch (err) {
      ctx.logger.warn({ err, connection: c.id }, 'brand inbox pull failed');
    }
  }
  return out;
}
