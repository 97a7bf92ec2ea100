import type { StocktakeStatus } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';

type Db = Kysely<Database>;

export interface StocktakeLineRecord {
  itemId: string;
  itemCode: string;
  itemName: string;
  bookQty: number;
  countedQty: number | null;
  unitCostFen: number;
}

export interface StocktakeRecord {
  id: string;
  locationId: string;
  locationName: string;
  status: StocktakeStatus;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  deciderName: string | null;
  varianceFen: number;
  version: number;
}

const HEAD = [
  's.id',
  's.location_id',
  's.status',
  's.note',
  's.created_by',
  's.created_at',
  's.submitted_at',
  's.decided_at',
  's.decider_name',
  's.variance_fen',
  's.version',
  'loc.name as location_name',
] as const;

type HeadRow = {
  id: string;
  location_id: string;
  status: StocktakeStatus;
  note: string | null;
  created_by: string | null;
  created_at: string;
  submitted_at: string | null;
  decided_at: string | null;
  decider_name: string | null;
  variance_fen: number;
  version: number;
  location_name: string;
};

const toRecord = (r: HeadRow): StocktakeRecord => ({
  id: r.id,
  locationId: r.location_id,
  locationName: r.location_name,
  status: r.status,
  note: r.note,
  createdBy: r.created_by,
  createdAt: r.created_at,
  submittedAt: r.submitted_at,
  decidedAt: r.decided_at,
  deciderName: r.decider_name,
  varianceFen: r.variance_fen,
  version: r.version,
});

export async function findStocktake(db: Db, id: string): Promise<StocktakeRecord | undefined> {
  const r = await db
    .selectFrom('stocktakes as s')
    .innerJoin('stock_locations as loc', 'loc.id', 's.location_id')
    .select(HEAD)
    .where('s.id', '=', id)
    .executeTakeFirst();
  return r && toRecord(r);
}

export async function stocktakeLines(db: Db, id: string): Promise<StocktakeLineRecord[]> {
  const rows = await db
    .selectFrom('stocktake_lines as l')
    .innerJoin('part_items as i', 'i.id', 'l.item_id')
    .select(['l.item_id', 'l.book_qty', 'l.counted_qty', 'l.unit_cost_fen', 'i.code', 'i.name_zh'])
    .where('l.stocktake_id', '=', id)
    .orderBy('i.code')
    .execute();
  return rows.map((r) => ({
    itemId: r.item_id,
    itemCode: r.code,
    itemName: r.name_zh,
    bookQty: r.book_qty,
    countedQty: r.counted_qty,
    unitCostFen: r.unit_cost_fen,
  }));
}

export async function listStocktakes(
  db: Db,
  f: { locations: readonly string[] | null; before?: { at: string; id: string } | undefined; limit: number },
): Promise<StocktakeRecord[]> {
  let q = db
    .selectFrom('stocktakes as s')
    .innerJoin('stock_locations as loc', 'loc.id', 's.location_id')
    .select(HEAD)
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(f.limit);
  if (f.locations) {
    if (!f.locations.length) return [];
    q = q.where('s.location_id', 'in', f.locations);
  }
  if (f.before) {
    const b = f.before;
    q = q.where((eb) =>
      eb.or([eb('s.created_at', '<', b.at), eb.and([eb('s.created_at', '=', b.at), eb('s.id', '<', b.id)])]),
    );
  }
  return (await q.execute()).map(toRecord);
}

/** Opens a stocktake and snapshots the book quantity and cost of every item held at the location. */
export async function insertStocktake(
  db: Db,
  s: { id: string; locationId: string; note: string | null; createdBy: string | null; at: string },
): Promise<void> {
  await db
    .insertInto('stocktakes')
    .values({
      id: s.id,
      location_id: s.locationId,
      status: 'counting',
      note: s.note,
      created_by: s.createdBy,
      created_at: s.at,
      submitted_at: null,
      decided_at: null,
      decider_id: null,
      decider_name: null,
      variance_fen: 0,
      version: 1,
    })
    .execute();
  const levels = await db
    .selectFrom('stock_levels as l')
    .innerJoin('part_items as i', 'i.id', 'l.item_id')
    .select(['l.item_id', 'l.on_hand', 'i.cost_price_fen'])
    .where('l.location_id', '=', s.locationId)
    .where((eb) => eb.or([eb('l.on_hand', '>', 0), eb('l.reorder_point', '>', 0)]))
    .execute();
  for (let i = 0; i < levels.length; i += 200)
    await db
      .insertInto('stocktake_lines')
      .values(
        levels.slice(i, i + 200).map((l) => ({
          stocktake_id: s.id,
          item_id: l.item_id,
          book_qty: l.on_hand,
          counted_qty: null,
          unit_cost_fen: l.cost_price_fen,
        })),
      )
      .execute();
}

/** Adds a line for an item found at the location that had no book stock (book 0). */
export async function addStocktakeLine(
  db: Db,
  l: { stocktakeId: string; itemId: string; unitCostFen: number },
): Promise<void> {
  await db
    .insertInto('stocktake_lines')
    .values({
      stocktake_id: l.stocktakeId,
      item_id: l.itemId,
      book_qty: 0,
      counted_qty: null,
      unit_cost_fen: l.unitCostFen,
    })
    .onConflict((oc) => oc.columns(['stocktake_id', 'item_id']).doNothing())
    .execute();
}

export async function setCount(db: Db, stocktakeId: string, itemId: string, counted: number): Promise<void> {
  await db
    .updateTable('stocktake_lines')
    .set({ counted_qty: counted })
    .where('stocktake_id', '=', stocktakeId)
    .where('item_id', '=', itemId)
    .execute();
}

/** Moves the stocktake on at `version`; false when it changed meanwhile. */
export async function updateStocktake(
  db: Db,
  id: string,
  version: number,
  set: Partial<{
    status: StocktakeStatus;
    submitted_at: string;
    decided_at: string;
    decider_id: string | null;
    decider_name: string | null;
    variance_fen: number;
  }>,
): Promise<boolean> {
  const r = await db
    .updateTable('stocktakes')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
