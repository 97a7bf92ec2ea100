/** Day plans of the routing module (migration 0012). JSON columns hold the documents of plan-model.ts. */
export interface RoutePlansTable {
  id: string;
  outlet_id: string | null;
  region_code: string | null;
  plan_date: string;
  status: 'proposed' | 'accepted' | 'superseded';
  parent_id: string | null;
  instance: string;
  jobs: string;
  technicians: string;
  plan: string;
  diff: string | null;
  result: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  accepted_by: string | null;
  accepted_at: string | null;
  version: number;
}

export interface RoutePlanTables {
  route_plans: RoutePlansTable;
}

/**
 * The tables this module owns: only its own files write them, and other modules read them through
 * its index.ts (checked by test/ownership/table-ownership.test.ts against an allow-list that may only shrink).
 */
export const OWNED_TABLES = ['route_plans'] as const satisfies readonly (keyof RoutePlanTables)[];
