import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';

/**
 * Read functions other modules use instead of querying `dispatch_offers` themselves (table
 * ownership: test/ownership/foreign-reads.ts). Each returns camelCase values, never rows.
 */

/** An offer the outlet answered by accepting it or by letting it expire. */
export interface SettledOffer {
  id: string;
  orderId: string;
  outletId: string;
  status: 'accepted' | 'expired';
  respondedAt: string | null;
  dueAt: string;
}

/** Offers made in [from, to) that were accepted or expired, oldest first (grading's response facts). */
export async function settledOffers(db: Kysely<Database>, from: string, to: string): Promise<SettledOffer[]> {
  const rows = await db
    .selectFrom('dispatch_offers')
    .select(['id', 'order_id', 'outlet_id', 'status', 'responded_at', 'due_at'])
    .where('offered_at', '>=', from)
    .where('offered_at', '<', to)
    .where('status', 'in', ['accepted', 'expired'])
    .orderBy('offered_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orderId: r.order_id,
    outletId: r.outlet_id,
    status: r.status as SettledOffer['status'],
    respondedAt: r.responded_at,
    dueAt: r.due_at,
  }));
}
