import type { StockLocation, StockLocationKind, StockMovementKind, StockSort } from '@anxin/contracts';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../database.ts';

type Db = Kysely<Database>;

/** Which locations an actor may see: every one (`null`) or the listed ids. */
export type LocationFilter = readonly string[] | null;

export interface StockLevelRecord {
  locationId: string;
  locationName: string;
  locationKind: StockLocationKind;
  itemId: string;
  itemCode: string;
  itemName: string;
  costPriceFen: number;
  onHand: number;
  reserved: number;
  available: number;
  reorderPoint: number;
  reorderQty: number;
  lastMovementAt: string | null;
}

export interface MovementRecord {
  id: string;
  at: string;
  locationId: string;
  locationName: string;
  itemId: string;
  itemCode: string;
  itemName: string;
  kind: StockMovementKind;
  onHandDelta: number;
  reservedDelta: number;
  onHandAfter: number;
  reservedAfter: number;
  ref: string | null;
  actorId: string | null;
  note: string | null;
}

const toLocation = (r: {
  id: string;
  kind: StockLocationKind;
  name: string;
  outlet_id: string | null;
  technician_id: string | null;
}): StockLocation => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  outletId: r.outlet_id,
  technicianId: r.technician_id,
});

/** Locations: all of them, or those of the given kinds/owners (HQ and defective always). */
export async function listLocations(
  db: Db,
  owners: { outletIds: readonly string[]; technicianIds: readonly string[] } | null,
): Promise<StockLocation[]> {
  let q = db
    .selectFrom('stock_locations')
    .select(['id', 'kind', 'name', 'outlet_id', 'technician_id'])
    .where('active', '=', 1)
    .orderBy('kind')
    .orderBy('name')
    .orderBy('id');
  if (owners) {
    const { outletIds, technicianIds } = owners;
    q = q.where((eb) =>
      eb.or([
        eb('kind', 'in', ['hq', 'defective']),
        ...(outletIds.length ? [eb.and([eb('kind', '=', 'outlet'), eb('outlet_id', 'in', outletIds)])] : []),
        ...(technicianIds.length
          ? [eb.and([eb('kind', '=', 'van'), eb('technician_id', 'in', technicianIds)])]
          : []),
      ]),
    );
  }
  return (await q.execute()).map(toLocation);
}

export async function locationById(db: Db, id: string): Promise<StockLocation | undefined> {
  const r = await db
    .selectFrom('stock_locations')
    .select(['id', 'kind', 'name', 'outlet_id', 'technician_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r && toLocation(r);
}

export interface LevelFilter {
  locations: LocationFilter;
  locationId?: string | undefined;
  locationKind?: StockLocationKind | undefined;
  itemId?: string | undefined;
  q?: string | undefined;
  low?: boolean | undefined;
  /** Only levels with a reorder point set (replenishment). */
  withReorderPoint?: boolean | undefined;
  /** Only levels with stock on hand (ageing). */
  withStock?: boolean | undefined;
  /** `available`: least available first (shortages on top); otherwise by (location, item). */
  sort?: StockSort | undefined;
  /** Keyset: the last row of the previous page (its available count when sorted by it). */
  after?: { locationId: string; itemId: string; available?: number | undefined } | undefined;
  limit?: number | undefined;
}

/** Stock levels joined with their location and item, keyset-ordered by (location, item). */
export async function listLevels(db: Db, f: LevelFilter): Promise<StockLevelRecord[]> {
  let q = db
    .selectFrom('stock_levels as l')
    .innerJoin('stock_locations as loc', 'loc.id', 'l.location_id')
    .innerJoin('part_items as i', 'i.id', 'l.item_id')
    .select([
      'l.location_id',
      'l.item_id',
      'l.on_hand',
      'l.reserved',
      'l.reorder_point',
      'l.reorder_qty',
      'l.last_movement_at',
      'loc.name as location_name',
      'loc.kind as location_kind',
      'i.code as item_code',
      'i.name_zh as item_name',
      'i.cost_price_fen',
    ]);
  if (f.sort === 'available') q = q.orderBy(sql`l.on_hand - l.reserved`);
  q = q.orderBy('l.location_id').orderBy('l.item_id');
  if (f.locations) {
    if (!f.locations.length) return [];
    q = q.where('l.location_id', 'in', f.locations);
  }
  if (f.locationId) q = q.where('l.location_id', '=', f.locationId);
  if (f.locationKind) q = q.where('loc.kind', '=', f.locationKind);
  if (f.itemId) q = q.where('l.item_id', '=', f.itemId);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('i.code', 'like', like), eb('i.name_zh', 'like', like)]));
  }
  if (f.low)
    q = q.where('l.reorder_point', '>', 0).where(sql<boolean>`l.on_hand - l.reserved <= l.reorder_point`);
  if (f.withReorderPoint) q = q.where('l.reorder_point', '>', 0);
  if (f.withStock) q = q.where('l.on_hand', '>', 0);
  if (f.after && f.sort === 'available') {
    const a = f.after;
    q = q.where(
      sql<boolean>`(l.on_hand - l.reserved, l.location_id, l.item_id) > (${a.available ?? 0}, ${a.locationId}, ${a.itemId})`,
    );
  } else if (f.after) {
    const a = f.after;
    q = q.where((eb) =>
      eb.or([
        eb('l.location_id', '>', a.locationId),
        eb.and([eb('l.location_id', '=', a.locationId), eb('l.item_id', '>', a.itemId)]),
      ]),
    );
  }
  if (f.limit) q = q.limit(f.limit);
  return (await q.execute()).map((r) => ({
    locationId: r.location_id,
    locationName: r.location_name,
    locationKind: r.location_kind,
    itemId: r.item_id,
    itemCode: r.item_code,
    itemName: r.item_name,
    costPriceFen: r.cost_price_fen,
    onHand: r.on_hand,
    reserved: r.reserved,
    available: r.on_hand - r.reserved,
    reorderPoint: r.reorder_point,
    reorderQty: r.reorder_qty,
    lastMovementAt: r.last_movement_at,
  }));
}

/** Sets the reorder point of a level (creating the empty level); on hand is not touched. */
export async function setReorderPoint(
  db: Db,
  locationId: string,
  itemId: string,
  reorderPoint: number,
  reorderQty: number,
): Promise<void> {
  await db
    .insertInto('stock_levels')
    .values({
      location_id: locationId,
      item_id: itemId,
      on_hand: 0,
      reserved: 0,
      reorder_point: reorderPoint,
      reorder_qty: reorderQty,
    })
    .onConflict((oc) =>
      oc
        .columns(['location_id', 'item_id'])
        .doUpdateSet({ reorder_point: reorderPoint, reorder_qty: reorderQty }),
    )
    .execute();
}

export interface LedgerFilter {
  locations: LocationFilter;
  locationId?: string | undefined;
  itemId?: string | undefined;
  kind?: StockMovementKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Keyset: movements older than this (at, id). */
  before?: { at: string; id: string } | undefined;
  limit: number;
}

/**
 * Movements newest first. The page of movements is chosen first (a subquery with its own order and
 * limit, served by the (at, id), (item_id, at) or (location_id, …) indexes) and only then joined to
 * names: a join first let SQLite start from the 500 items and sort a whole month of movements.
 */
export async function listMovements(db: Db, f: LedgerFilter): Promise<MovementRecord[]> {
  if (f.locations && !f.locations.length) return [];
  let page = db
    .selectFrom('stock_movements as m')
    .selectAll('m')
    .orderBy('m.at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(f.limit);
  if (f.locations) page = page.where('m.location_id', 'in', f.locations);
  if (f.locationId) page = page.where('m.location_id', '=', f.locationId);
  if (f.itemId) page = page.where('m.item_id', '=', f.itemId);
  if (f.kind) page = page.where('m.kind', '=', f.kind);
  if (f.from) page = page.where('m.at', '>=', f.from);
  if (f.to) page = page.where('m.at', '<', f.to);
  if (f.before) {
    const b = f.before;
    page = page.where((eb) =>
      eb.or([eb('m.at', '<', b.at), eb.and([eb('m.at', '=', b.at), eb('m.id', '<', b.id)])]),
    );
  }
  const q = db
    .selectFrom(page.as('m'))
    .innerJoin('stock_locations as loc', 'loc.id', 'm.location_id')
    .innerJoin('part_items as i', 'i.id', 'm.item_id')
    .selectAll('m')
    .select(['loc.name as location_name', 'i.code as item_code', 'i.name_zh as item_name'])
    .orderBy('m.at', 'desc')
    .orderBy('m.id', 'desc');
  return (await q.execute()).map((r) => ({
    id: r.id,
    at: r.at,
    locationId: r.location_id,
    locationName: r.location_name,
    itemId: r.item_id,
    itemCode: r.item_code,
    itemName: r.item_name,
    kind: r.kind,
    onHandDelta: r.on_hand_delta,
    reservedDelta: r.reserved_delta,
    onHandAfter: r.on_hand_after,
    reservedAfter: r.reserved_after,
    ref: r.ref,
    actorId: r.actor_id,
    note: r.note,
  }));
}

/**
 * Units drawn from each level since `since`: used there (`consume`), shipped out on part requests
 * (`issue`) or transferred to another store or van (`transfer_out`) — the demand a location must be
 * replenished for. HQ never consumes (vans do), so counting consumption alone would leave HQ's
 * suggestions at no use. Adjustments and stocktakes are corrections, not demand.
 */
export async function consumedSince(db: Db, since: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('stock_movements')
    .select(['location_id', 'item_id', (eb) => eb.fn.sum<number | string>('on_hand_delta').as('total')])
    .where('kind', 'in', ['consume', 'issue', 'transfer_out'])
    .where('at', '>=', since)
    .groupBy(['location_id', 'item_id'])
    .execute();
  return new Map(rows.map((r) => [`${r.location_id}|${r.item_id}`, -Number(r.total)]));
}
