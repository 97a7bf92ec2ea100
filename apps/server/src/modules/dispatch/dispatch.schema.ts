import type { DispatchMode, OfferRejectReason, OfferStatus } from '@anxin/contracts';

/** Tables owned by the dispatch module (migration 0009). */
export interface DispatchOffersTable {
  id: string;
  order_id: string;
  outlet_id: string;
  mode: DispatchMode;
  offered_at: string;
  /** The dispatcher who made the offer; null for the system (auto-dispatch, pool claims). */
  offered_by: string | null;
  due_at: string;
  status: OfferStatus;
  responded_at: string | null;
  responded_by: string | null;
  reason_code: OfferRejectReason | null;
  note: string | null;
  /** JSON array of RankedOutlet at the time of the offer. */
  ranking: string;
}

export interface DispatchTables {
  dispatch_offers: DispatchOffersTable;
}

/**
 * The tables this module owns: only its own files write them, and other modules read them through
 * its index.ts (checked by test/ownership/table-ownership.test.ts against an allow-list that may only shrink).
 */
export const OWNED_TABLES = ['dispatch_offers'] as const satisfies readonly (keyof DispatchTables)[];
