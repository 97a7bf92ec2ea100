/**
 * Parts (issue #15) test data: catalogue items, stock put straight into a location through the
 * ledger, and 旧件 returns in any state (for settlement's claim lines). Each call makes its own rows.
 */
import type { OldPartStatus, PartKind } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/database.ts';
import { newId } from '../../src/platform/ids/index.ts';

type Db = Kysely<Database>;
const AT = '2026-01-01T00:00:00.000Z';

export interface ItemOpts {
  code?: string;
  name?: string;
  kind?: PartKind;
  serialized?: boolean;
  listPriceFen?: number;
  costPriceFen?: number;
  warrantyClaimable?: boolean;
  universal?: boolean;
  modelIds?: string[];
  active?: boolean;
}

export async function partItem(db: Db, o: ItemOpts = {}): Promise<{ id: string; code: string }> {
  const id = newId();
  const code = o.code ?? `P-${id.slice(-8)}`;
  await db
    .insertInto('part_items')
    .values({
      id,
      code,
      name_zh: o.name ?? `配件${code}`,
      name_en: '',
      kind: o.kind ?? 'part',
      part_class: '',
      unit: '个',
      serialized: o.serialized ? 1 : 0,
      list_price_fen: o.listPriceFen ?? 8000,
      cost_price_fen: o.costPriceFen ?? 5000,
      warranty_claimable: o.warrantyClaimable === false ? 0 : 1,
      universal: o.universal ? 1 : 0,
      discontinue_on: null,
      active: o.active === false ? 0 : 1,
      created_at: AT,
      updated_at: AT,
      version: 1,
    })
    .execute();
  for (const m of o.modelIds ?? [])
    await db.insertInto('part_compat').values({ item_id: id, model_id: m }).execute();
  return { id, code };
}

/** Goods received at a location: the level and its `receive` movement (as the ledger writes them). */
export async function stockIn(db: Db, locationId: string, itemId: string, qty: number, at = AT) {
  const cur = await db
    .selectFrom('stock_levels')
    .select(['on_hand', 'reserved'])
    .where('location_id', '=', locationId)
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  const onHand = (cur?.on_hand ?? 0) + qty;
  const reserved = cur?.reserved ?? 0;
  if (cur)
    await db
      .updateTable('stock_levels')
      .set({ on_hand: onHand, last_movement_at: at })
      .where('location_id', '=', locationId)
      .where('item_id', '=', itemId)
      .execute();
  else
    await db
      .insertInto('stock_levels')
      .values({
        location_id: locationId,
        item_id: itemId,
        on_hand: onHand,
        reserved,
        reorder_point: 0,
        reorder_qty: 0,
        last_movement_at: at,
      })
      .execute();
  await db
    .insertInto('stock_movements')
    .values({
      id: newId(),
      at,
      location_id: locationId,
      item_id: itemId,
      kind: 'receive',
      on_hand_delta: qty,
      reserved_delta: 0,
      on_hand_after: onHand,
      reserved_after: reserved,
      ref: 'manual',
      actor_id: null,
      note: null,
    })
    .execute();
}

/** A consumed warranty usage with its 旧件 return in `status` (inspected at `inspectedAt`). */
export async function oldPart(
  db: Db,
  o: {
    orderId: string;
    outletId: string;
    itemId: string;
    qty?: number;
    status: OldPartStatus;
    inspectedAt?: string | null;
  },
): Promise<string> {
  const usageId = newId();
  const id = newId();
  await db
    .insertInto('part_usages')
    .values({
      id: usageId,
      order_id: o.orderId,
      item_id: o.itemId,
      location_id: 'loc-hq',
      qty: o.qty ?? 1,
      paid_by: 'warranty',
      unit_price_fen: 0,
      status: 'consumed',
      new_serial: null,
      old_serial: null,
      request_line_id: null,
      technician_id: null,
      reserved_at: AT,
      consumed_at: AT,
      released_at: null,
      release_reason: null,
    })
    .execute();
  const inspected = o.status === 'passed' || o.status === 'rejected';
  await db
    .insertInto('old_part_returns')
    .values({
      id,
      usage_id: usageId,
      order_id: o.orderId,
      outlet_id: o.outletId,
      item_id: o.itemId,
      qty: o.qty ?? 1,
      old_serial: null,
      status: o.status,
      carrier: null,
      tracking_no: null,
      shipped_at: null,
      received_at: null,
      inspected_at: inspected ? (o.inspectedAt ?? AT) : null,
      inspector_id: null,
      inspector_name: null,
      inspection_note: null,
      reject_reason: o.status === 'rejected' ? '非三包损坏' : null,
      created_at: AT,
      version: 1,
    })
    .execute();
  return id;
}
