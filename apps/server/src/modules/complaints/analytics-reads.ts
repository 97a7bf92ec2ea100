import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';

type Db = Kysely<Database>;

/** Complaints on each order: opened, and of those resolved (modules/analytics); in chunks. */
export async function complaintCountsOfOrders(
  db: Db,
  orderIds: readonly string[],
): Promise<Map<string, { opened: number; resolved: number }>> {
  const out = new Map<string, { opened: number; resolved: number }>();
  const ids = [...new Set(orderIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('complaints')
      .select(['order_id', 'resolved_at'])
      .where('order_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      const cur = out.get(r.order_id!) ?? { opened: 0, resolved: 0 };
      cur.opened++;
      if (r.resolved_at !== null) cur.resolved++;
      out.set(r.order_id!, cur);
    }
  }
  return out;
}

/** The order each complaint is about (complaints without one are left out). */
export async function complaintOrderIds(db: Db, complaintIds: readonly string[]): Promise<string[]> {
  const ids = [...new Set(complaintIds)];
  const out: string[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('complaints')
      .select('order_id')
      .where('id', 'in', ids.slice(i, i + 500))
      .where('order_id', 'is not', null)
      .execute();
    for (const r of rows) out.push(r.order_id!);
  }
  return out;
}
