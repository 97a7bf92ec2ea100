/** One service contract (服务合同); `coverage` is JSON {modelIds, serials, addressIds}. */
export interface ServiceContractsTable {
  id: string;
  number: string;
  customer_id: string;
  kind: 'inspection' | 'managed_maintenance' | 'all_inclusive' | 'resident_engineer';
  coverage: string;
  starts_on: string;
  ends_on: string;
  sla_tier: 'standard' | 'priority' | 'critical';
  visit_quota: number | null;
  parts_covered: number;
  labour_covered: number;
  price_fen: number;
  billing: 'one_off' | 'monthly' | 'quarterly' | 'annual';
  note: string | null;
  status: 'draft' | 'active' | 'expired' | 'cancelled';
  version: number;
  created_at: string;
  updated_at: string;
}

/** One billing instalment; unique per (contract, seq). */
export interface ServiceContractInstalmentsTable {
  id: string;
  contract_id: string;
  seq: number;
  due_on: string;
  amount_fen: number;
  paid_at: string | null;
}

/** A completed work order counted against a contract's visit quota; unique per order. */
export interface ServiceContractVisitsTable {
  id: string;
  contract_id: string;
  work_order_id: string;
  work_order_number: string;
  installed_product_id: string;
  visited_on: string;
  created_at: string;
}

/** A renewal reminder; unique per (contract, last day): one per term. */
export interface ServiceContractRemindersTable {
  id: string;
  contract_id: string;
  ends_on: string;
  raised_at: string;
  done_at: string | null;
}

export interface ServiceContractTables {
  service_contracts: ServiceContractsTable;
  service_contract_instalments: ServiceContractInstalmentsTable;
  service_contract_visits: ServiceContractVisitsTable;
  service_contract_reminders: ServiceContractRemindersTable;
}

/** The tables this module owns; other modules read them through its index.ts. */
export const OWNED_TABLES = [
  'service_contracts',
  'service_contract_instalments',
  'service_contract_visits',
  'service_contract_reminders',
] as const satisfies readonly (keyof ServiceContractTables)[];
