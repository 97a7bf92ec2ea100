import type { CostParty, Remedy, RmaCause, RmaKind, RmaSource, RmaStatus } from '@anxin/contracts';

/** One RMA case (退换货/补配件); the evaluation is the engine's JSON as it was at request time. */
export interface RmaCasesTable {
  id: string;
  number: string;
  kind: RmaKind;
  remedy: Remedy;
  status: RmaStatus;
  source: RmaSource;
  installed_product_id: string;
  customer_id: string;
  order_id: string | null;
  outlet_id: string | null;
  requested_on: string;
  performance_fault: number;
  description: string;
  evaluation: string;
  override_reason: string | null;
  override_decided_by: string | null;
  override_note: string | null;
  findings: string | null;
  reject_reason: string | null;
  pickup_carrier: string | null;
  pickup_tracking_no: string | null;
  picked_up_on: string | null;
  dispatch_carrier: string | null;
  dispatch_tracking_no: string | null;
  dispatched_on: string | null;
  refund_fen: number | null;
  depreciation_fen: number | null;
  refunded_on: string | null;
  new_serial: string | null;
  exchanged_on: string | null;
  cause: RmaCause;
  responsible_party: CostParty | null;
  closed_at: string | null;
  closed_month: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface RmaPhotosTable {
  id: string;
  case_id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  created_by: string | null;
  created_at: string;
}

/** Who is charged what for a closed case (written once, at closing). */
export interface RmaChargebacksTable {
  case_id: string;
  line_no: number;
  party: CostParty;
  amount_fen: number;
  note: string | null;
}

export interface RmaTables {
  rma_cases: RmaCasesTable;
  rma_photos: RmaPhotosTable;
  rma_chargebacks: RmaChargebacksTable;
}

/** The tables this module owns; other modules read them through its index.ts. */
export const OWNED_TABLES = [
  'rma_cases',
  'rma_photos',
  'rma_chargebacks',
] as const satisfies readonly (keyof RmaTables)[];
