/** One run of the periodic fault-analysis report: unique per period, so it runs exactly once. */
export interface FaultAnalysisRunsTable {
  id: string;
  period_from: string;
  period_to: string;
  /** Repair orders in the period and new-failure alerts (every dimension) the report carried. */
  orders: number;
  alerts: number;
  /** Roles notified. */
  notified: number;
  created_at: string;
}

export interface FaultAnalysisTables {
  fault_analysis_runs: FaultAnalysisRunsTable;
}

/** The tables this module owns; other modules read them through its index.ts. */
export const OWNED_TABLES = ['fault_analysis_runs'] as const satisfies readonly (keyof FaultAnalysisTables)[];
