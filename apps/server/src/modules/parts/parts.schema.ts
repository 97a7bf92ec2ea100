import type {
  ApprovalReason,
  OldPartStatus,
  PartKind,
  PartPayer,
  PartRequestStatus,
  PartUsageStatus,
  StockLocationKind,
  StockMovementKind,
  StocktakeStatus,
} from '@anxin/contracts';

/** The parts catalogue (配件, 附件, 赠品); money in fen, flags 0/1. */
export interface PartItemsTable {
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
  kind: PartKind;
  part_class: string;
  unit: string;
  serialized: number;
  list_price_fen: number;
  cost_price_fen: number;
  warranty_claimable: number;
  universal: number;
  /** Business date after which the part is no longer supplied (last-time-buy warning before it). */
  discontinue_on: string | null;
  active: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface PartCompatTable {
  item_id: string;
  model_id: string;
}

export interface StockLocationsTable {
  id: string;
  kind: StockLocationKind;
  /** `hq`, `defective`, `outlet:<outletId>` or `van:<technicianId>` (unique). */
  owner_key: string;
  name: string;
  outlet_id: string | null;
  technician_id: string | null;
  active: number;
  created_at: string;
}

/** Stock of one item at one location. Only `stock-ledger.ts` changes on_hand and reserved. */
export interface StockLevelsTable {
  location_id: string;
  item_id: string;
  on_hand: number;
  reserved: number;
  reorder_point: number;
  reorder_qty: number;
  last_movement_at: string | null;
}

/** Append-only: on hand of a level is the sum of its movements' on_hand_delta. */
export interface StockMovementsTable {
  id: string;
  at: string;
  location_id: string;
  item_id: string;
  kind: StockMovementKind;
  on_hand_delta: number;
  reserved_delta: number;
  on_hand_after: number;
  reserved_after: number;
  ref: string | null;
  actor_id: string | null;
  note: string | null;
}

export interface PartRequestsTable {
  id: string;
  number: string;
  order_id: string;
  outlet_id: string | null;
  technician_id: string | null;
  requested_by: string | null;
  status: PartRequestStatus;
  deliver_to: 'van' | 'outlet';
  source_location_id: string;
  dest_location_id: string;
  value_fen: number;
  approval_reason: ApprovalReason;
  approver_id: string | null;
  approver_name: string | null;
  signature: string | null;
  decision_note: string | null;
  carrier: string | null;
  tracking_no: string | null;
  note: string | null;
  created_at: string;
  approved_at: string | null;
  shipped_at: string | null;
  received_at: string | null;
  updated_at: string;
  version: number;
}

export interface PartRequestLinesTable {
  id: string;
  request_id: string;
  item_id: string;
  qty: number;
  paid_by: PartPayer;
  unit_list_fen: number;
  unit_cost_fen: number;
}

export interface PartUsagesTable {
  id: string;
  order_id: string;
  item_id: string;
  location_id: string;
  qty: number;
  paid_by: PartPayer;
  unit_price_fen: number;
  status: PartUsageStatus;
  new_serial: string | null;
  old_serial: string | null;
  request_line_id: string | null;
  technician_id: string | null;
  reserved_at: string;
  consumed_at: string | null;
  released_at: string | null;
  release_reason: string | null;
}

export interface OldPartReturnsTable {
  id: string;
  usage_id: string;
  order_id: string;
  outlet_id: string | null;
  item_id: string;
  qty: number;
  old_serial: string | null;
  status: OldPartStatus;
  carrier: string | null;
  tracking_no: string | null;
  shipped_at: string | null;
  received_at: string | null;
  inspected_at: string | null;
  inspector_id: string | null;
  inspector_name: string | null;
  inspection_note: string | null;
  reject_reason: string | null;
  created_at: string;
  version: number;
}

export interface StocktakesTable {
  id: string;
  location_id: string;
  status: StocktakeStatus;
  note: string | null;
  created_by: string | null;
  created_at: string;
  submitted_at: string | null;
  decided_at: string | null;
  decider_id: string | null;
  decider_name: string | null;
  variance_fen: number;
  version: number;
}

export interface StocktakeLinesTable {
  stocktake_id: string;
  item_id: string;
  book_qty: number;
  counted_qty: number | null;
  unit_cost_fen: number;
}

export interface PartsTables {
  part_items: PartItemsTable;
  part_compat: PartCompatTable;
  stock_locations: StockLocationsTable;
  stock_levels: StockLevelsTable;
  stock_movements: StockMovementsTable;
  part_requests: PartRequestsTable;
  part_request_lines: PartRequestLinesTable;
  part_usages: PartUsagesTable;
  old_part_returns: OldPartReturnsTable;
  stocktakes: StocktakesTable;
  stocktake_lines: StocktakeLinesTable;
}

/** The tables this module owns; other modules read them through its index.ts. */
export const OWNED_TABLES = [
  'part_items',
  'part_compat',
  'stock_locations',
  'stock_levels',
  'stock_movements',
  'part_requests',
  'part_request_lines',
  'part_usages',
  'old_part_returns',
  'stocktakes',
  'stocktake_lines',
] as const satisfies readonly (keyof PartsTables)[];
