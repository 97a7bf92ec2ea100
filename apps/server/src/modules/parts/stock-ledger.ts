import type { StockLocationKind, StockMovementKind } from '@anxin/contracts';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { refuse } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';

type Db = Kysely<Database>;

/** The two fixed HQ locations (created by migration 0021). */
export const HQ_LOCATION_ID = 'loc-hq';
export const DEFECTIVE_LOCATION_ID = 'loc-defective';

/**
 * One change to one stock level, written as one ledger movement. Deltas are signed whole units:
 * a receipt is `{ onHand: +q }`, a reservation `{ reserved: +q }`, consuming a reserved part
 * `{ onHand: -q, reserved: -q }`.
 */
export interface StockChange {
  locationId: string;
  itemId: string;
  kind: StockMovementKind;
  onHandDelta: number;
  reservedDelta: number;
  /** What caused it: `request:<id>`, `usage:<id>`, `old_part:<id>`, `stocktake:<id>`, `manual`. */
  ref: string | null;
  actorId: string | null;
  note?: string | null;
}

export interface LevelAfter {
  onHand: number;
  reserved: number;
}

/**
 * Applies a change inside the caller's transaction: a conditional update that only succeeds while
 * `0 <= reserved <= on_hand` holds afterwards, then the movement with the resulting balances.
 * Concurrent callers serialise on the level's row (PostgreSQL re-checks the condition on the
 * locked row; SQLite has one writer), so counts never go negative whatever the interleaving.
 * Refuses with `parts.insufficient_stock` (taking from available) or `parts.below_reserved`
 * (an adjustment that would leave less on hand than is reserved); nothing is written then.
 */
export async function applyStockChange(trx: Db, change: StockChange, at: Date): Promise<LevelAfter> {
  if (!Number.isInteger(change.onHandDelta) || !Number.isInteger(change.reservedDelta))
    throw new Error('stock deltas are whole units');
  const iso = at.toISOString();
  await trx
    .insertInto('stock_levels')
    .values({
      location_id: change.locationId,
      item_id: change.itemId,
      on_hand: 0,
      reserved: 0,
      reorder_point: 0,
      reorder_qty: 0,
    })
    .onConflict((oc) => oc.columns(['location_id', 'item_id']).doNothing())
    .execute();
  const dOn = change.onHandDelta;
  const dRes = change.reservedDelta;
  const row = await trx
    .updateTable('stock_levels')
    .set({
      on_hand: sql<number>`on_hand + ${dOn}`,
      reserved: sql<number>`reserved + ${dRes}`,
      last_movement_at: iso,
    })
    .where('location_id', '=', change.locationId)
    .where('item_id', '=', change.itemId)
    .where(sql<boolean>`reserved + ${dRes} >= 0 and on_hand + ${dOn} >= reserved + ${dRes}`)
    .returning(['on_hand', 'reserved'])
    .executeTakeFirst();
  if (!row) throw await refusal(trx, change);
  await trx
    .insertInto('stock_movements')
    .values({
      id: newId(),
      at: iso,
      location_id: change.locationId,
      item_id: change.itemId,
      kind: change.kind,
      on_hand_delta: dOn,
      reserved_delta: dRes,
      on_hand_after: row.on_hand,
      reserved_after: row.reserved,
      ref: change.ref,
      actor_id: change.actorId,
      note: change.note ?? null,
    })
    .execute();
  return { onHand: row.on_hand, reserved: row.reserved };
}

/** Applies several changes in order (same transaction); the first refusal stops them all. */
export async function applyStockChanges(trx: Db, changes: readonly StockChange[], at: Date): Promise<void> {
  for (const c of changes) await applyStockChange(trx, c, at);
}

async function refusal(trx: Db, change: StockChange) {
  const item = await trx
    .selectFrom('part_items')
    .select('code')
    .where('id', '=', change.itemId)
    .executeTakeFirst();
  if (!item) return refuse('parts.unknown_item', { itemId: change.itemId }, { path: 'itemId' });
  const level = await trx
    .selectFrom('stock_levels')
    .select(['on_hand', 'reserved'])
    .where('location_id', '=', change.locationId)
    .where('item_id', '=', change.itemId)
    .executeTakeFirst();
  const onHand = level?.on_hand ?? 0;
  const reserved = level?.reserved ?? 0;
  // Lowering on hand under what is reserved (an adjustment or count) is not a shortage of stock.
  if (change.reservedDelta === 0 && change.onHandDelta < 0 && onHand + change.onHandDelta >= 0)
    return refuse('parts.below_reserved', { itemCode: item.code, reserved });
  const requested = Math.abs(change.reservedDelta > 0 ? change.reservedDelta : change.onHandDelta);
  return refuse('parts.insufficient_stock', {
    itemCode: item.code,
    available: Math.max(0, onHand - reserved),
    requested,
  });
}

/**
 * The location of an outlet's store or a technician's van, created on first use. Concurrent first
 * uses meet on the unique owner key and both get the same row.
 */
export async function ensureLocation(
  trx: Db,
  owner: { kind: Extract<StockLocationKind, 'outlet' | 'van'>; id: string; name: string },
  at: Date,
): Promise<string> {
  const ownerKey = `${owner.kind}:${owner.id}`;
  await trx
    .insertInto('stock_locations')
    .values({
      id: newId(),
      kind: owner.kind,
      owner_key: ownerKey,
      name: owner.name,
      outlet_id: owner.kind === 'outlet' ? owner.id : null,
      technician_id: owner.kind === 'van' ? owner.id : null,
      active: 1,
      created_at: at.toISOString(),
    })
    .onConflict((oc) => oc.column('owner_key').doNothing())
    .execute();
  const row = await trx
    .selectFrom('stock_locations')
    .select('id')
    .where('owner_key', '=', ownerKey)
    .executeTakeFirstOrThrow();
  return row.id;
}
