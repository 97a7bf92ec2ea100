import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { orderNumbersOf } from '../workorders/index.ts';
import { oldPartReturns } from './returns.repository.ts';

/** A warranty parts claim the outlet is paid for: its old part came back and passed inspection. */
export interface PartClaim {
  id: string;
  outletId: string | null;
  orderId: string;
  orderNumber: string;
  itemCode: string;
  itemName: string;
  qty: number;
  inspectedAt: string;
}

/**
 * Passed 旧件 returns inspected in [from, to) (of one outlet, or of every outlet without
 * `outletId`): what settlement pays as `part_claim:<returnId>` lines. A return that is awaiting,
 * in transit, received but not inspected, or rejected is no claim.
 */
export async function partClaimsOf(
  db: Kysely<Database>,
  q: { outletId?: string; from: string; to: string },
): Promise<PartClaim[]> {
  const rows = await oldPartReturns.passedBetween(db, q);
  const numbers = await orderNumbersOf(
    db,
    rows.map((r) => r.orderId),
  );
  return rows.map((r) => ({
    id: r.id,
    outletId: r.outletId,
    orderId: r.orderId,
    orderNumber: numbers.get(r.orderId) ?? r.orderId,
    itemCode: r.itemCode,
    itemName: r.itemName,
    qty: r.qty,
    inspectedAt: r.inspectedAt!,
  }));
}
