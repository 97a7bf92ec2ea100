import type {
  SalesContractSource,
  SalesContractStatus,
  SalesLineState,
  SampleStatus,
} from '@anxin/contracts';

/** One sales contract handed to the service department; `phones` is a JSON array of digits. */
export interface SalesContractsTable {
  id: string;
  contract_no: string;
  source: SalesContractSource;
  store_outlet_id: string | null;
  salesperson: string;
  customer_id: string | null;
  customer_name: string;
  phones: string;
  region_code: string;
  address_detail: string;
  order_date: string;
  requested_date: string;
  batch_date: string;
  available_date: string | null;
  special_requests: string | null;
  status: SalesContractStatus;
  total_fen: number;
  cancel_reason: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SalesContractLinesTable {
  id: string;
  contract_id: string;
  line_no: number;
  model: string;
  product_name: string;
  category: string;
  quantity: number;
  unit_price_fen: number;
  needs_installation: number;
  state: SalesLineState;
  factory_order_date: string | null;
  expected_date: string | null;
  reserved_on: string | null;
}

/** Product stock per model: changed only by conditional updates, each with a ledger row. */
export interface SalesStockTable {
  model: string;
  product_name: string;
  on_hand: number;
  reserved: number;
  updated_at: string;
  version: number;
}

/** Append-only: every change of on hand or reserved, with the levels after it. */
export interface SalesStockLedgerTable {
  id: string;
  model: string;
  kind: 'receipt' | 'reserve' | 'release' | 'issue';
  quantity: number;
  on_hand_after: number;
  reserved_after: number;
  contract_id: string | null;
  line_id: string | null;
  note: string | null;
  actor_id: string | null;
  at: string;
}

export interface SalesSamplesTable {
  id: string;
  store_outlet_id: string;
  model: string;
  product_name: string;
  category: string;
  serial_no: string;
  store_phone: string;
  status: SampleStatus;
  display_from: string;
  display_until: string | null;
  reason: string | null;
  decision_note: string | null;
  installed_product_id: string | null;
  requested_by: string | null;
  decided_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SalesTables {
  sales_contracts: SalesContractsTable;
  sales_contract_lines: SalesContractLinesTable;
  sales_stock: SalesStockTable;
  sales_stock_ledger: SalesStockLedgerTable;
  sales_samples: SalesSamplesTable;
}

/** The tables this module owns; other modules read them through its index.ts. */
export const OWNED_TABLES = [
  'sales_contracts',
  'sales_contract_lines',
  'sales_stock',
  'sales_stock_ledger',
  'sales_samples',
] as const satisfies readonly (keyof SalesTables)[];
