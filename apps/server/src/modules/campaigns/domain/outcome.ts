import type { CampaignOutcome, CampaignPolicy, TargetStatus } from '@anxin/contracts';
import { MS_PER_MINUTE } from '../../../platform/calendar/dates.ts';

export interface TargetAfterCall {
  status: TargetStatus;
  attempts: number;
  nextAttemptAt: string;
}

/** What each outcome settles: the target's final status, or null when it comes back later. */
const SETTLES: Record<CampaignOutcome, TargetStatus | null> = {
  reached: 'reached',
  refused: 'refused',
  wrong_number: 'wrong_number',
  opted_out: 'opted_out',
  no_answer: null,
  busy: null,
};

/**
 * A call's effect on its target: reached, refused, wrong number and opt-out settle it; no answer
 * and busy bring it back after the retry gap until `maxAttempts` calls were made, then it is
 * given up (`exhausted`).
 */
export function afterCall(
  attempts: number,
  outcome: CampaignOutcome,
  policy: CampaignPolicy,
  now: Date,
): TargetAfterCall {
  const made = attempts + 1;
  const settled = SETTLES[outcome];
  const nextAttemptAt = new Date(now.getTime() + policy.retryGapMinutes * MS_PER_MINUTE).toISOString();
  if (settled) return { status: settled, attempts: made, nextAttemptAt: now.toISOString() };
  if (made >= policy.maxAttempts)
    return { status: 'exhausted', attempts: made, nextAttemptAt: now.toISOString() };
  return { status: 'pending', attempts: made, nextAttemptAt };
}

/** A person answered the phone: the outcomes that count as a contact for "no contact for N days". */
export const isContact = (o: CampaignOutcome) => o === 'reached' || o === 'refused' || o === 'opted_out';
