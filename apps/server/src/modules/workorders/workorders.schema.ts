import type { SlaState, WorkOrderStatusName } from '@anxin/contracts';
import type { SlaTables } from '../sla/sla.schema.ts';

/** One list of statuses, shared with the web through @anxin/contracts. */
export { WORK_ORDER_STATUSES } from '@anxin/contracts';
export type WorkOrderStatus = WorkOrderStatusName;

export interface WorkOrdersTable {
  id: string;
  number: string;
  type: 'install' | 'repair' | 'maintenance' | 'consult' | 'complaint' | 'return';
  status: WorkOrderStatus;
  channel: 'hotline' | 'store' | 'web' | 'mini_program' | 'api' | 'email' | 'portal';
  customer_id: string;
  product_id: string | null;
  category_code: string | null;
  fault_description: string;
  fault_code_id: string | null;
  /** JSON array of symptom code ids. */
  symptom_codes: string;
  urgency: 'low' | 'normal' | 'high' | 'critical';
  customer_tier: string;
  contact_name: string;
  contact_phone: string;
  province_code: string | null;
  city_code: string | null;
  district_code: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  /** JSON array of { start, end } ISO instants. */
  preferred_windows: string;
  appointment_start: string | null;
  appointment_end: string | null;
  outlet_id: string | null;
  technician_id: string | null;
  /** The assigned technician's user (0006): the `own` data scope compares this column. */
  technician_user_id: string | null;
  escalation_tier: number;
  remote_guidance: string | null;
  /** The knowledge article a remote resolution used (set through the knowledge port). */
  knowledge_article_id: string | null;
  cancel_reason: string | null;
  linked_ref: string | null;
  parent_order_id: string | null;
  sla_state: SlaState;
  sla_due_at: string | null;
  paused_since: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
  closed_at: string | null;
  version: number;
}
export interface WorkOrderCountersTable {
  key: string;
  last_value: number;
}
export interface AttachmentsTable {
  id: string;
  owner_type: string;
  owner_id: string;
  purpose: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  meta: string;
  created_by: string | null;
  created_at: string;
}
export interface WorkOrderTables extends SlaTables {
  work_orders: WorkOrdersTable;
  work_order_counters: WorkOrderCountersTable;
  attachments: AttachmentsTable;
}

/**
 * The tables this module owns: only its own files write them, and other modules read them through
 * its index.ts (checked by test/ownership/table-ownership.test.ts against an allow-list that may only shrink).
 */
export const OWNED_TABLES = [
  'work_orders',
  'work_order_counters',
  'attachments',
] as const satisfies readonly Exclude<keyof WorkOrderTables, keyof SlaTables>[];
