import type { PROSPECT_STAGES, Prospect } from '@anxin/contracts';

export const STAGE_COLORS = {
  prospect: 'default',
  negotiating: 'processing',
  signed: 'gold',
  active: 'green',
} as const;
export type Stage = (typeof PROSPECT_STAGES)[number];

/** What the drawer opens with: a prospect to edit, or a new one (maybe for an uncovered district). */
export interface ProspectDraft {
  prospect: Prospect | null;
  regionCode?: string;
  category?: string;
}
