import type { CampaignOutcome, CampaignPurpose, CampaignStatus, TargetStatus } from '@anxin/contracts';

/** A campaign (migration 0039); questions and filters are JSON text read only by the repository. */
export interface CampaignsTable {
  id: string;
  name: string;
  purpose: CampaignPurpose;
  script: string;
  questions: string;
  filters: string;
  status: CampaignStatus;
  built_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}
/** One customer on a campaign's call list, unique per (campaign, customer). */
export interface CampaignTargetsTable {
  id: string;
  campaign_id: string;
  customer_id: string;
  product_id: string | null;
  status: TargetStatus;
  attempts: number;
  next_attempt_at: string;
  claimed_by: string | null;
  claimed_at: string | null;
  /** 1 when the questionnaire was answered in full on the reaching call. */
  completed: number;
  created_at: string;
  updated_at: string;
}
export interface CampaignAttemptsTable {
  id: string;
  campaign_id: string;
  target_id: string;
  customer_id: string;
  agent_user_id: string | null;
  outcome: CampaignOutcome;
  answers: string;
  note: string;
  at: string;
}
export interface CampaignOptOutsTable {
  customer_id: string;
  reason: string;
  actor_id: string | null;
  campaign_id: string | null;
  at: string;
}
export interface CampaignTables {
  campaigns: CampaignsTable;
  campaign_targets: CampaignTargetsTable;
  campaign_attempts: CampaignAttemptsTable;
  campaign_opt_outs: CampaignOptOutsTable;
}

/** The tables this module owns. */
export const OWNED_TABLES = [
  'campaigns',
  'campaign_targets',
  'campaign_attempts',
  'campaign_opt_outs',
] as const satisfies readonly (keyof CampaignTables)[];
