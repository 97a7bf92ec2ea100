// Spare parts for the bench dataset: a catalogue, a few hundred stock locations (HQ, outlet stores,
// technicians' vans) and ledger movements in proportion to the orders (one per two orders), with
// every stock level equal to the sum of its movements, as the ledger keeps them in production.
import type { Kysely } from 'kysely';
import type { StockMovementKind } from '@anxin/contracts';
import type { Database } from '../src/database.ts';

export const PART_ITEMS = 500;
const OUTLET_STORES = 150;
const VANS = 250;
const DAY = 86_400_000;

/** A small deterministic generator (the dataset is cached by its parameters). */
function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

async function insertAll<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: Record<string, unknown>[],
  batch = 500,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batch)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + batch) as never)
      .execute();
}

/** Adds the parts data once (a dataset that has items already is left alone); returns row counts. */
export async function loadPartsData(
  db: Kysely<Database>,
  orders: number,
  anchor = Date.parse('2026-11-22T06:30:00Z'),
): Promise<Record<string, number>> {
  const any = await db.selectFrom('part_items').select('id').limit(1).executeTakeFirst();
  if (any || orders <= 0) return {};
  const r = rng(15);
  const at0 = new Date(anchor - 365 * DAY).toISOString();
  const itemIds = Array.from({ length: PART_ITEMS }, (_, i) => `bench-item-${String(i).padStart(4, '0')}`);
  await insertAll(
    db,
    'part_items',
    itemIds.map((id, i) => ({
      id,
      code: `BP-${String(i).padStart(4, '0')}`,
      name_zh: `备件${i}`,
      name_en: `Part ${i}`,
      kind: i % 20 === 0 ? 'accessory' : 'part',
      part_class: ['压缩机', '主控板', '电机', '门封', '传感器'][i % 5],
      unit: '个',
      serialized: i % 4 === 0 ? 1 : 0,
      list_price_fen: 1000 + r(100_000),
      cost_price_fen: 500 + r(50_000),
      warranty_claimable: 1,
      universal: i % 50 === 0 ? 1 : 0,
      discontinue_on: null,
      active: 1,
      created_at: at0,
      updated_at: at0,
      version: 1,
    })),
  );
  const outlets = await db.selectFrom('outlets').select(['id', 'name']).orderBy('id').limit(OUTLET_STORES).execute();
  const techs = await db.selectFrom('technicians').select(['id', 'name']).orderBy('id').limit(VANS).execute();
  const locations = [
    { id: 'loc-hq', weight: 40 },
    ...outlets.map((o) => ({ id: `bench-loc-o-${o.id}`, weight: 3, owner: o, kind: 'outlet' as const })),
    ...techs.map((t) => ({ id: `bench-loc-v-${t.id}`, weight: 1, owner: t, kind: 'van' as const })),
  ];
  await insertAll(
    db,
    'stock_locations',
    locations.flatMap((l) =>
      'owner' in l && l.owner
        ? [
            {
              id: l.id,
              kind: l.kind,
              owner_key: `${l.kind}:${l.owner.id}`,
              name: `${l.owner.name}${l.kind === 'van' ? ' 车载库' : ' 备件库'}`,
              outlet_id: l.kind === 'outlet' ? l.owner.id : null,
              technician_id: l.kind === 'van' ? l.owner.id : null,
              active: 1,
              created_at: at0,
            },
          ]
        : [],
    ),
  );
  const picks: string[] = locations.flatMap((l) => Array<string>(l.weight).fill(l.id));
  // Each location stocks a subset of the catalogue (HQ: all of it, a van: a few dozen items).
  const itemsAt = new Map<string, string[]>(
    locations.map((l) => [
      l.id,
      l.id === 'loc-hq' ? itemIds : Array.from({ length: l.weight === 3 ? 120 : 40 }, () => itemIds[r(PART_ITEMS)]!),
    ]),
  );
  const movements = Math.floor(orders / 2);
  const level = new Map<string, { on: number; last: string }>();
  const rows: Record<string, unknown>[] = [];
  const flush = async () => {
    await insertAll(db, 'stock_movements', rows.splice(0));
  };
  for (let i = 0; i < movements; i++) {
    const loc = picks[r(picks.length)]!;
    const list = itemsAt.get(loc)!;
    const item = list[r(list.length)]!;
    const key = `${loc}|${item}`;
    const cur = level.get(key) ?? { on: 0, last: '' };
    const q = 1 + r(loc === 'loc-hq' ? 20 : 3);
    let kind: StockMovementKind;
    let d: number;
    const roll = r(10);
    if (cur.on >= q && roll < 5) [kind, d] = [loc === 'loc-hq' ? 'transfer_out' : 'consume', -q];
    else if (roll < 9) [kind, d] = [loc === 'loc-hq' ? 'receive' : 'transfer_in', q];
    else if (cur.on >= 1) [kind, d] = ['adjust', -1];
    else [kind, d] = ['receive', q];
    cur.on += d;
    const at = new Date(anchor - 365 * DAY + Math.floor((i / movements) * 365 * DAY)).toISOString();
    cur.last = at;
    level.set(key, cur);
    rows.push({
      id: `bm${String(i).padStart(9, '0')}`,
      at,
      location_id: loc,
      item_id: item,
      kind,
      on_hand_delta: d,
      reserved_delta: 0,
      on_hand_after: cur.on,
      reserved_after: 0,
      ref: kind === 'consume' ? `usage:bench-${i}` : 'manual',
      actor_id: null,
      note: null,
    });
    if (rows.length >= 5000) await flush();
  }
  await flush();
  const levels = [...level].map(([key, v], n) => {
    const [location_id, item_id] = key.split('|') as [string, string];
    const reorder = n % 3 === 0 ? 2 + (n % 7) : 0;
    return {
      location_id,
      item_id,
      on_hand: v.on,
      reserved: 0,
      reorder_point: reorder,
      reorder_qty: reorder ? reorder * 2 : 0,
      last_movement_at: v.last,
    };
  });
  await insertAll(db, 'stock_levels', levels);
  return { part_items: PART_ITEMS, stock_locations: locations.length + 1, stock_levels: levels.length, stock_movements: movements };
}
