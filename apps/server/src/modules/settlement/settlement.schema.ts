import type {
  AppealStatus,
  AppealSubject,
  SettlementGrade,
  StatementLineKind,
  StatementStatus,
} from '@anxin/contracts';

export interface SettlementStatementsTable {
  id: string;
  /** JS-<outlet code>-<YYYYMM>: one statement per outlet and month. */
  number: string;
  outlet_id: string;
  /** Business month YYYY-MM (Asia/Shanghai). */
  month: string;
  status: StatementStatus;
  grade: SettlementGrade;
  coefficient_permille: number;
  schedule_version: number;
  fee_fen: number;
  deduction_fen: number;
  bonus_fen: number;
  /** Adjustments, reversals and credits. */
  adjustment_fen: number;
  total_fen: number;
  order_count: number;
  disputed_count: number;
  generated_at: string;
  confirmed_at: string | null;
  approved_at: string | null;
  approved_by: string | null;
  paid_at: string | null;
  payment_reference: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SettlementLinesTable {
  id: string;
  statement_id: string;
  seq: number;
  kind: StatementLineKind;
  /** Generated lines: fee:<orderId> | class:<orderId>:<class> | complaint:<complaintId> | bonus:<orderId>. */
  line_key: string | null;
  /** Adjustments and reversals: the line_key they correct. */
  target_key: string | null;
  order_id: string | null;
  order_number: string | null;
  classification: string | null;
  complaint_id: string | null;
  appeal_id: string | null;
  description: string;
  /** JSON: the rule applied (fee breakdown, class and amount, complaint, adjustment…). */
  rule: string;
  amount_fen: number;
  disputed: number;
  dispute_comment: string | null;
  reason: string | null;
  created_by: string | null;
  created_at: string;
}

export interface SettlementAppealsTable {
  id: string;
  order_id: string;
  outlet_id: string | null;
  subject: AppealSubject;
  subject_key: string;
  class: string | null;
  complaint_id: string | null;
  line_id: string | null;
  reason: string;
  evidence_text: string | null;
  /** JSON array of work-order attachment ids. */
  attachment_ids: string;
  status: AppealStatus;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  restored_fen: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SettlementCarryoversTable {
  id: string;
  outlet_id: string;
  amount_fen: number;
  order_id: string | null;
  order_number: string | null;
  appeal_id: string | null;
  target_key: string | null;
  source_statement_id: string;
  description: string;
  applied_statement_id: string | null;
  created_at: string;
}

/** Grade inputs excluded by an upheld appeal; the grading module reads this table too. */
export interface GradingExclusionsTable {
  order_id: string;
  /** An order class (first_fix_failed, attitude, …) or 'complaint'. */
  class: string;
  /** The complaint for class 'complaint'; '' otherwise. */
  complaint_id: string;
  reason: string;
  appeal_id: string | null;
  created_at: string;
}

export interface SettlementTables {
  settlement_statements: SettlementStatementsTable;
  settlement_lines: SettlementLinesTable;
  settlement_appeals: SettlementAppealsTable;
  settlement_carryovers: SettlementCarryoversTable;
  grading_exclusions: GradingExclusionsTable;
}

/**
 * The tables this module owns: only its own files write them, and other modules read them through
 * its index.ts (checked by test/ownership/table-ownership.test.ts against an allow-list that may only shrink).
 */
export const OWNED_TABLES = [
  'settlement_statements',
  'settlement_lines',
  'settlement_appeals',
  'settlement_carryovers',
  'grading_exclusions',
] as const satisfies readonly (keyof SettlementTables)[];
