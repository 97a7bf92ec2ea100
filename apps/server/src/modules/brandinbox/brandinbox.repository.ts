import type { BrandAction, BrandActionKind, BrandProblem } from '@anxin/contracts';
import type { Selectable } from 'kysely';
import type { Db, DbOrTrx } from '../../platform/db/types.ts';
import type { RemoteRequest } from './domain/remote.ts';
import type {
  BrandActionsTable,
  BrandConnectionHooksTable,
  BrandConnectionsTable,
  BrandOrdersTable,
} from './brandinbox.schema.ts';

export type ConnectionRow = Selectable<BrandConnectionsTable>;
export type OrderRow = Selectable<BrandOrdersTable>;
export type ActionRow = Selectable<BrandActionsTable>;
export type HookRow = Selectable<BrandConnectionHooksTable>;

/** Who may see what: every connection, or those of one outlet (outlet managers). */
export type OutletFilter = { all: true } | { all: false; outletId: string | null };

const parse = <T>(s: string | null): T | null => (s ? (JSON.parse(s) as T) : null);

/** The exact call an action sends (fixed at its first attempt), or null before it. */
export const actionRequest = (a: ActionRow): RemoteRequest | null => parse<RemoteRequest>(a.request);
/** What the outlet manager answered. */
export const actionInput = (a: ActionRow): unknown => parse<unknown>(a.input) ?? {};
/** The last failed pull's problem. */
export const syncProblem = (c: ConnectionRow): BrandProblem | null =>
  parse<BrandProblem>(c.last_sync_problem);

export const toAction = (r: ActionRow): BrandAction => ({
  id: r.id,
  orderId: r.order_id,
  kind: r.kind,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  problem: parse<BrandProblem>(r.problem),
  createdAt: r.created_at,
  sentAt: r.sent_at,
});

/** One order as the pull saw it at the brand. */
export type MirrorFields = Omit<OrderRow, 'id' | 'connection_id' | 'remote_id' | 'synced_at'>;

export class BrandInboxRepository {
  private readonly db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  connections(f: OutletFilter): Promise<ConnectionRow[]> {
    // A caller with no outlet of its own (own or region scope) sees none. Not a sentinel id: a
    // NUL character in a PostgreSQL text parameter is an encoding error (a 500).
    if (!f.all && f.outletId === null) return Promise.resolve([]);
    let q = this.db.selectFrom('brand_connections').selectAll().orderBy('name').orderBy('id');
    if (!f.all) q = q.where('outlet_id', '=', f.outletId);
    return q.execute();
  }

  connection(id: string, db: DbOrTrx = this.db): Promise<ConnectionRow | undefined> {
    return db.selectFrom('brand_connections').selectAll().where('id', '=', id).executeTakeFirst();
  }

  enabledConnections(): Promise<ConnectionRow[]> {
    return this.db.selectFrom('brand_connections').selectAll().where('enabled', '=', 1).execute();
  }

  async insertConnection(trx: DbOrTrx, row: ConnectionRow): Promise<void> {
    await trx.insertInto('brand_connections').values(row).execute();
  }

  /** Conditional on the version: false when someone else changed it first. */
  async updateConnection(
    trx: DbOrTrx,
    id: string,
    version: number,
    patch: Partial<ConnectionRow>,
  ): Promise<boolean> {
    const r = await trx
      .updateTable('brand_connections')
      .set({ ...patch, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  async noteSync(id: string, at: string, problem: BrandProblem | null): Promise<void> {
    await this.db
      .updateTable('brand_connections')
      .set({ last_sync_at: at, last_sync_problem: problem ? JSON.stringify(problem) : null })
      .where('id', '=', id)
      .execute();
  }

  async orderCounts(ids: string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows = await this.db
      .selectFrom('brand_orders')
      .select(['connection_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('connection_id', 'in', ids)
      .groupBy('connection_id')
      .execute();
    return new Map(rows.map((r) => [r.connection_id, Number(r.n)]));
  }

  orders(connectionIds: string[]): Promise<OrderRow[]> {
    if (!connectionIds.length) return Promise.resolve([]);
    return this.db
      .selectFrom('brand_orders')
      .selectAll()
      .where('connection_id', 'in', connectionIds)
      .execute();
  }

  order(id: string, db: DbOrTrx = this.db): Promise<OrderRow | undefined> {
    return db.selectFrom('brand_orders').selectAll().where('id', '=', id).executeTakeFirst();
  }

  mirrorOf(connectionId: string, remoteId: string): Promise<OrderRow | undefined> {
    return this.db
      .selectFrom('brand_orders')
      .selectAll()
      .where('connection_id', '=', connectionId)
      .where('remote_id', '=', remoteId)
      .executeTakeFirst();
  }

  /** Insert or refresh by (connection, remote id): a repeated pull changes nothing twice. */
  async upsertOrder(
    trx: DbOrTrx,
    key: { id: string; connectionId: string; remoteId: string; syncedAt: string },
    f: MirrorFields,
  ): Promise<void> {
    await trx
      .insertInto('brand_orders')
      .values({
        id: key.id,
        connection_id: key.connectionId,
        remote_id: key.remoteId,
        synced_at: key.syncedAt,
        ...f,
      })
      .onConflict((oc) =>
        oc.columns(['connection_id', 'remote_id']).doUpdateSet({ ...f, synced_at: key.syncedAt }),
      )
      .execute();
  }

  async clearOffer(trx: DbOrTrx, id: string): Promise<void> {
    await trx
      .updateTable('brand_orders')
      .set({ offer_id: null, offer_due_at: null })
      .where('id', '=', id)
      .execute();
  }

  async setStatus(trx: DbOrTrx, id: string, status: string, at: string): Promise<void> {
    await trx
      .updateTable('brand_orders')
      .set({ status, offer_id: null, offer_due_at: null, synced_at: at })
      .where('id', '=', id)
      .execute();
  }

  async insertAction(trx: DbOrTrx, row: ActionRow): Promise<void> {
    await trx.insertInto('brand_actions').values(row).execute();
  }

  action(id: string): Promise<ActionRow | undefined> {
    return this.db.selectFrom('brand_actions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The newest action of each order (what the inbox shows beside it). */
  async lastActions(orderIds: string[]): Promise<Map<string, ActionRow>> {
    if (!orderIds.length) return new Map();
    const rows = await this.db
      .selectFrom('brand_actions')
      .selectAll()
      .where('order_id', 'in', orderIds)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return new Map(rows.map((r) => [r.order_id, r]));
  }

  actionsOf(orderId: string): Promise<ActionRow[]> {
    return this.db
      .selectFrom('brand_actions')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  openActionOf(orderId: string, kind: BrandActionKind): Promise<ActionRow | undefined> {
    return this.db
      .selectFrom('brand_actions')
      .selectAll()
      .where('order_id', '=', orderId)
      .where('kind', '=', kind)
      .where('status', '=', 'pending')
      .executeTakeFirst();
  }

  dueActions(now: string, limit: number): Promise<ActionRow[]> {
    return this.db
      .selectFrom('brand_actions')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** An earlier answer to the same order not yet taken by the brand: answers go in order. */
  async earlierUnsent(a: ActionRow): Promise<boolean> {
    const r = await this.db
      .selectFrom('brand_actions')
      .select('id')
      .where('order_id', '=', a.order_id)
      .where('status', '!=', 'sent')
      .where((eb) =>
        eb.or([
          eb('created_at', '<', a.created_at),
          eb.and([eb('created_at', '=', a.created_at), eb('id', '<', a.id)]),
        ]),
      )
      .executeTakeFirst();
    return !!r;
  }

  /** Takes attempt `attempts + 1` of an action; false when another worker took it first. */
  async claim(trx: DbOrTrx, a: ActionRow, patch: Partial<ActionRow>): Promise<boolean> {
    const r = await trx
      .updateTable('brand_actions')
      .set({ ...patch, attempts: a.attempts + 1 })
      .where('id', '=', a.id)
      .where('status', '=', 'pending')
      .where('attempts', '=', a.attempts)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  async settleAction(trx: DbOrTrx, id: string, patch: Partial<ActionRow>): Promise<void> {
    await trx.updateTable('brand_actions').set(patch).where('id', '=', id).execute();
  }

  hook(connectionId: string): Promise<HookRow | undefined> {
    return this.db
      .selectFrom('brand_connection_hooks')
      .selectAll()
      .where('connection_id', '=', connectionId)
      .executeTakeFirst();
  }

  /** Insert or change the connection's webhook row (secret, or what was last received). */
  async saveHook(connectionId: string, patch: Partial<HookRow> & { updated_at: string }): Promise<void> {
    await this.db
      .insertInto('brand_connection_hooks')
      .values({
        connection_id: connectionId,
        secret_sealed: null,
        secret_hint: null,
        last_received_at: null,
        last_refusal: null,
        last_refused_at: null,
        ...patch,
      })
      .onConflict((oc) => oc.column('connection_id').doUpdateSet(patch))
      .execute();
  }
}
