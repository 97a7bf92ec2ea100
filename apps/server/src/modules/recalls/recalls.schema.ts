import type { RecallCallOutcome, RecallContactStatus, RecallOrderType, RecallStatus } from '@anxin/contracts';

/** A recall; `criteria` is the JSON of `RecallCriteria`. */
export interface RecallsTable {
  id: string;
  title: string;
  reason: string;
  order_type: RecallOrderType;
  criteria: string;
  status: RecallStatus;
  launched_at: string | null;
  closed_at: string | null;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** One affected product of a recall (unique per recall and product), snapshotted at launch. */
export interface RecallProductsTable {
  id: string;
  recall_id: string;
  product_id: string;
  customer_id: string;
  model_id: string;
  serial: string;
  production_batch: string | null;
  contact_status: RecallContactStatus;
  sms_queued_at: string | null;
  call_attempts: number;
  last_call_at: string | null;
  last_note: string | null;
  order_claimed_at: string | null;
  work_order_id: string | null;
  work_order_number: string | null;
  completed_at: string | null;
  version: number;
  created_at: string;
}

/** One call to the owner of an affected product (unique per product and attempt). */
export interface RecallCallsTable {
  id: string;
  recall_id: string;
  recall_product_id: string;
  attempt: number;
  outcome: RecallCallOutcome;
  note: string;
  called_by: string | null;
  called_at: string;
}

export interface RecallTables {
  recalls: RecallsTable;
  recall_products: RecallProductsTable;
  recall_calls: RecallCallsTable;
}

/** The tables this module owns; other modules read them through its index.ts. */
export const OWNED_TABLES = [
  'recalls',
  'recall_products',
  'recall_calls',
] as const satisfies readonly (keyof RecallTables)[];
