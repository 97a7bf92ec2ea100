import type { SlaMetric, SlaState } from '@anxin/contracts';

export type ClockMode = 'business_hours' | 'working_days' | 'calendar';

export interface SlaClocksTable {
  order_id: string;
  metric: SlaMetric;
  policy_id: string;
  mode: ClockMode;
  /** Minutes for business_hours and calendar, days for working_days. */
  budget: number;
  at_risk_percent: number;
  notify_role: string;
  started_at: string;
  stopped_at: string | null;
  /** JSON array of { start, end | null }. */
  pauses: string;
  due_at: string | null;
  at_risk_at: string | null;
  state: SlaState;
  next_check_at: string | null;
  at_risk_raised_at: string | null;
  breached_raised_at: string | null;
  calendar_version: string | null;
  error: string | null;
  updated_at: string;
}

/** Listed in WorkOrderTables (database.ts) so the Database type needs no edit of its own. */
export interface SlaTables {
  sla_clocks: SlaClocksTable;
}

/**
 * The tables this module owns: only its own files write them, and other modules read them through
 * its index.ts (checked by test/ownership/table-ownership.test.ts against an allow-list that may only shrink).
 */
export const OWNED_TABLES = ['sla_clocks'] as const satisfies readonly (keyof SlaTables)[];
