import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';

type Db = Kysely<Database>;

/** An order as the analytics rollups count it: its dimensions and where it stands now. */
export interface OrderFact {
  id: string;
  type: string;
  status: string;
  channel: string;
  categoryCode: string | null;
  districtCode: string | null;
  outletId: string | null;
  technicianId: string | null;
  createdAt: string;
}

/** Orders created in [from, to) (modules/analytics recomputes one business day from them). */
export async function orderFactsCreatedIn(db: Db, from: string, to: string): Promise<OrderFact[]> {
  const rows = await db
    .selectFrom('work_orders')
    .select([
      'id',
      'type',
      'status',
      'channel',
      'category_code',
      'district_code',
      'outlet_id',
      'technician_id',
      'created_at',
    ])
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    status: r.status,
    channel: r.channel,
    categoryCode: r.category_code,
    districtCode: r.district_code,
    outletId: r.outlet_id,
    technicianId: r.technician_id,
    createdAt: r.created_at,
  }));
}

/** When each order was created (unknown ids are left out); in chunks. */
export async function orderCreatedAtOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('work_orders')
      .select(['id', 'created_at'])
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r.created_at);
  }
  return out;
}

/** The first and last creation instants (the rebuild's range); null when there are no orders. */
export async function orderCreationSpan(db: Db): Promise<{ first: string; last: string } | null> {
  const r = await db
    .selectFrom('work_orders')
    .select((eb) => [eb.fn.min('created_at').as('first'), eb.fn.max('created_at').as('last')])
    .executeTakeFirst();
  return r?.first && r.last ? { first: String(r.first), last: String(r.last) } : null;
}
