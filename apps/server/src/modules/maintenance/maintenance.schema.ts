/** One maintenance plan (保养计划); `checklist` and `parts_kit` are JSON arrays. */
export interface MaintenancePlansTable {
  id: string;
  name: string;
  model_id: string | null;
  category_code: string | null;
  interval_months: number | null;
  interval_hours: number | null;
  lead_days: number | null;
  checklist: string;
  parts_kit: string;
  active: number;
  starts_on: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** One generated maintenance of one product for one due date; unique per (plan, product, due date). */
export interface MaintenanceRunsTable {
  id: string;
  plan_id: string;
  installed_product_id: string;
  due_on: string;
  /** The hour-meter mark of the visit (running-hours plans; the reading for a dated visit). */
  due_hours: number | null;
  work_order_id: string | null;
  work_order_number: string | null;
  created_at: string;
}

export interface MaintenanceTables {
  maintenance_plans: MaintenancePlansTable;
  maintenance_runs: MaintenanceRunsTable;
}

/** The tables this module owns; other modules read them through its index.ts. */
export const OWNED_TABLES = [
  'maintenance_plans',
  'maintenance_runs',
] as const satisfies readonly (keyof MaintenanceTables)[];
