import type { RecallStatus } from '@anxin/contracts';

export interface RecallStep {
  from: RecallStatus;
  to: RecallStatus;
  /** The event type appended with the step. */
  event: 'launched' | 'closed';
}

/**
 * The recall's state machine as one table: a draft is launched (its products snapshotted) and an
 * active recall is closed; closed is final. A draft is never "closed": it is simply left.
 */
export const RECALL_STEPS: readonly RecallStep[] = [
  { from: 'draft', to: 'active', event: 'launched' },
  { from: 'active', to: 'closed', event: 'closed' },
];

export const stepOf = (from: RecallStatus, to: RecallStatus) =>
  RECALL_STEPS.find((s) => s.from === from && s.to === to);

/** Criteria and title change only while a draft. */
export const isEditable = (s: RecallStatus) => s === 'draft';
