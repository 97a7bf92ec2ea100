import type {
  CapaKind,
  CapaStatus,
  ClosingVerdict,
  ComplaintSeverity,
  ComplaintSource,
  ComplaintStatus,
  Department,
  Responsibility,
} from '@anxin/contracts';

export interface ComplaintsTable {
  id: string;
  /** KS20261122-0001 (客诉): its own daily sequence, apart from complaint-type orders' TS numbers. */
  number: string;
  source: ComplaintSource;
  /** Idempotency key of intake from another module (e.g. `callback_task:<id>`); unique. */
  source_ref: string | null;
  severity: ComplaintSeverity;
  status: ComplaintStatus;
  summary: string;
  description: string | null;
  order_id: string | null;
  customer_id: string | null;
  outlet_id: string | null;
  technician_id: string | null;
  /** The order's (or customer's) district code: the `region` data scope compares it. */
  region_code: string | null;
  root_cause: string | null;
  responsibility: Responsibility | null;
  responsible_department: Department | null;
  responsible_outlet_id: string | null;
  responsible_technician_id: string | null;
  responsible_person: string | null;
  /** 0/1: the investigation found the cause was the service attitude (服务态度). */
  cause_is_attitude: number;
  findings: string | null;
  remedy: string | null;
  verdict: ClosingVerdict | null;
  verdict_note: string | null;
  reopen_count: number;
  opened_at: string;
  acknowledge_due_at: string | null;
  acknowledged_at: string | null;
  resolve_due_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  created_by: string | null;
  updated_at: string;
  version: number;
}

/** Corrective and preventive actions (CAPA) of a complaint. */
export interface ComplaintActionsTable {
  id: string;
  complaint_id: string;
  kind: CapaKind;
  action: string;
  owner: string;
  /** Business date (Asia/Shanghai) the action is due. */
  due_on: string;
  status: CapaStatus;
  note: string | null;
  done_at: string | null;
  verified_at: string | null;
  created_by: string | null;
  created_at: string;
  version: number;
}

export interface ComplaintTables {
  complaints: ComplaintsTable;
  complaint_actions: ComplaintActionsTable;
}

/**
 * The tables this module owns: only its own files write them, and other modules read them through
 * its index.ts (checked by test/ownership/table-ownership.test.ts against an allow-list that may only shrink).
 */
export const OWNED_TABLES = [
  'complaints',
  'complaint_actions',
] as const satisfies readonly (keyof ComplaintTables)[];
