import type { DispatchMode, OfferRejectReason, OfferStatus, RedoHoldReason } from '@anxin/contracts';

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

/** Whether a redo went back to its outlet and technician, once per entry into 待派单 (migration 0047). */
export interface DispatchRedoReturnsTable {
  order_id: string;
  /** The order's version on entering 待派单 (with the order, the once-only key). */
  order_version: number;
  outcome: 'returned' | 'held';
  reason: RedoHoldReason | null;
  outlet_id: string;
  technician_id: string | null;
  decided_at: string;
}

export interface DispatchTables {
  dispatch_offers: DispatchOffersTable;
  dispatch_redo_returns: DispatchRedoReturnsTable;
}

/**
 * The tables this module owns: only its own files write them, and other modules read them through
 * its index.ts (checked by test/ownership/table-ownership.test.ts against an allow-list that may only shrink).
 */
export const OWNED_TABLES = [
  'dispatch_offers',
  'dispatch_redo_returns',
] as const satisfies readonly (keyof DispatchTables)[];
