import type { CampaignStatus } from '@anxin/contracts';

export interface CampaignStep {
  from: CampaignStatus;
  to: CampaignStatus;
  /** The event type appended with the step. */
  event: 'activated' | 'finished';
}

/**
 * The campaign's state machine as one table: a draft is designed and its list built, then
 * activated for calling; an active campaign is finished when the round is over. Finished is final.
 */
export const CAMPAIGN_STEPS: readonly CampaignStep[] = [
  { from: 'draft', to: 'active', event: 'activated' },
  { from: 'active', to: 'finished', event: 'finished' },
];

export const stepOf = (from: CampaignStatus, to: CampaignStatus): CampaignStep | undefined =>
  CAMPAIGN_STEPS.find((s) => s.from === from && s.to === to);

/** Script, questions and filters change only while a draft (answers are keyed by question id). */
export const isEditable = (s: CampaignStatus) => s === 'draft';
/** A list is (re)built before calling starts and while calling goes on (new customers join). */
export const canBuild = (s: CampaignStatus) => s === 'draft' || s === 'active';
/** Calls are made only while active. */
export const canCall = (s: CampaignStatus) => s === 'active';
