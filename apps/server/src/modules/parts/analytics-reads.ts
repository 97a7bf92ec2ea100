import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';

/**
 * Parts consumed (fitted) on each order: quantity and cost at the items' cost price, in fen
 * (modules/analytics); in chunks.
 */
export async function consumedPartsByOrder(
  db: Kysely<Database>,
  orderIds: readonly string[],
): Promise<Map<string, { qty: number; costFen: number }>> {
  const out = new Map<string, { qty: number; costFen: number }>();
  const ids = [...new Set(orderIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('part_usages as u')
      .innerJoin('part_items as p', 'p.id', 'u.item_id')
      .select(['u.order_id', 'u.qty', 'p.cost_price_fen'])
      .where('u.status', '=', 'consumed')
      .where('u.order_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      const cur = out.get(r.order_id) ?? { qty: 0, costFen: 0 };
      cur.qty += Number(r.qty);
      cur.costFen += Number(r.qty) * Number(r.cost_price_fen);
      out.set(r.order_id, cur);
    }
  }
  return out;
}
