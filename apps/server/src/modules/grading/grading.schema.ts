import type { GradingMetric, OutletGrade, ScorecardStatus } from '@anxin/contracts';

/** Tables owned by the grading module (migration 0015). */
export interface OutletScorecardsTable {
  id: string;
  outlet_id: string;
  /** `YYYY-MM`, a calendar month in business time (Asia/Shanghai). */
  month: string;
  status: ScorecardStatus;
  /** The weighted score in tenths of a point; null when no metric applied. */
  score_tenths: number | null;
  score_grade: OutletGrade | null;
  /** The month's grade (the score's, or the previous one under the low-volume rule). */
  grade: OutletGrade;
  previous_grade: OutletGrade;
  low_volume: number;
  order_count: number;
  /** JSON array of ScorecardMetric. */
  metrics: string;
  /** JSON: the grading policy the card was computed with. */
  policy: string;
  computed_at: string;
  computed_by: string | null;
  finalised_at: string | null;
  finalised_by: string | null;
  version: number;
}

export interface OutletScorecardItemsTable {
  id: string;
  scorecard_id: string;
  metric: GradingMetric;
  order_id: string | null;
  /** The complaint, callback task or dispatch offer the row comes from. */
  ref_id: string | null;
  /** 0/1: in the metric's numerator. */
  hit: number;
  reason: string;
  at: string | null;
  due_at: string | null;
}

export interface GradingTables {
  outlet_scorecards: OutletScorecardsTable;
  outlet_scorecard_items: OutletScorecardItemsTable;
}

/**
 * The tables this module owns: only its own files write them, and other modules read them through
 * its index.ts (checked by test/ownership/table-ownership.test.ts against an allow-list that may only shrink).
 */
export const OWNED_TABLES = [
  'outlet_scorecards',
  'outlet_scorecard_items',
] as const satisfies readonly (keyof GradingTables)[];
