import type { Selectable } from 'kysely';
import type { RankedOutlet } from '@anxin/contracts';
import type { DispatchOffersTable } from './dispatch.schema.ts';

/** An offer of an order to an outlet, as the dispatch module works with it. */
export interface Offer {
  id: string;
  orderId: string;
  outletId: string;
  mode: DispatchOffersTable['mode'];
  offeredAt: string;
  /** The dispatcher who made the offer; null for the system (auto-dispatch, pool claims). */
  offeredBy: string | null;
  dueAt: string;
  status: DispatchOffersTable['status'];
  respondedAt: string | null;
  respondedBy: string | null;
  reasonCode: DispatchOffersTable['reason_code'];
  note: string | null;
  /** The ranking at the time of the offer. */
  ranking: RankedOutlet[];
}

/** How an offer is settled (accepted, rejected, withdrawn, expired). */
export type OfferSettlement = Pick<Offer, 'status' | 'respondedAt' | 'respondedBy'> &
  Partial<Pick<Offer, 'reasonCode' | 'note'>>;

export const offerOf = (r: Selectable<DispatchOffersTable>): Offer => ({
  id: r.id,
  orderId: r.order_id,
  outletId: r.outlet_id,
  mode: r.mode,
  offeredAt: r.offered_at,
  offeredBy: r.offered_by,
  dueAt: r.due_at,
  status: r.status,
  respondedAt: r.responded_at,
  respondedBy: r.responded_by,
  reasonCode: r.reason_code,
  note: r.note,
  ranking: JSON.parse(r.ranking) as RankedOutlet[],
});

export const offerRowOf = (o: Offer): DispatchOffersTable => ({
  id: o.id,
  order_id: o.orderId,
  outlet_id: o.outletId,
  mode: o.mode,
  offered_at: o.offeredAt,
  offered_by: o.offeredBy,
  due_at: o.dueAt,
  status: o.status,
  responded_at: o.respondedAt,
  responded_by: o.respondedBy,
  reason_code: o.reasonCode,
  note: o.note,
  ranking: JSON.stringify(o.ranking),
});

export const settlementColumns = (s: OfferSettlement): Partial<DispatchOffersTable> => ({
  status: s.status,
  responded_at: s.respondedAt,
  responded_by: s.respondedBy,
  ...(s.reasonCode !== undefined ? { reason_code: s.reasonCode } : {}),
  ...(s.note !== undefined ? { note: s.note } : {}),
});
