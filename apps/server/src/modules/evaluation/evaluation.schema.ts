import type { DeductionCategory, EvaluationGrade, EvaluationStatus, EvidenceChannel } from '@anxin/contracts';

export interface EvaluationSchemesTable {
  id: string;
  version: number;
  name: string;
  /** JSON SchemeDefinition. */
  definition: string;
  created_at: string;
  created_by: string | null;
}

export interface EvaluationsTable {
  id: string;
  scheme_id: string;
  subject: string;
  period: string;
  assessed_on: string;
  status: EvaluationStatus;
  outstanding: number;
  outstanding_reason: string | null;
  /** The final score in hundredths (set when finalised). */
  score_centi: number | null;
  grade: EvaluationGrade | null;
  /** JSON ScoreResult frozen at finalisation. */
  result: string | null;
  created_at: string;
  created_by: string | null;
  finalized_at: string | null;
  version: number;
}

export interface EvaluationItemsTable {
  evaluation_id: string;
  item_code: string;
  applicable: number;
  na_reason: string | null;
}

export interface EvaluationEvidenceTable {
  id: string;
  evaluation_id: string;
  item_code: string;
  channel: EvidenceChannel;
  note: string;
  /** JSON array of strings. */
  attachments: string;
  conforming: number | null;
  sample_size: number | null;
  non_conforming: number | null;
  score_centi: number | null;
  recorded_at: string;
  recorded_by: string | null;
}

export interface EvaluationAdjustmentsTable {
  id: string;
  evaluation_id: string;
  kind: 'deduction' | 'bonus';
  category: DeductionCategory | null;
  description: string;
  corrective_action: string | null;
  created_at: string;
  created_by: string | null;
}

export interface EvaluationTables {
  evaluation_schemes: EvaluationSchemesTable;
  evaluations: EvaluationsTable;
  evaluation_items: EvaluationItemsTable;
  evaluation_evidence: EvaluationEvidenceTable;
  evaluation_adjustments: EvaluationAdjustmentsTable;
}

/**
 * The tables this module owns: only its own files write them, and other modules read them through
 * its index.ts (checked by test/ownership/table-ownership.test.ts against an allow-list that may only shrink).
 */
export const OWNED_TABLES = [
  'evaluation_schemes',
  'evaluations',
  'evaluation_items',
  'evaluation_evidence',
  'evaluation_adjustments',
] as const satisfies readonly (keyof EvaluationTables)[];
