import { dayFromDate } from '../../../platform/calendar/dates.ts';
import type { CertStatus, ProspectStageName } from '@anxin/contracts';
import { PROSPECT_STAGES } from '@anxin/contracts';

/** Expired before today; expiring when it ends within `soonDays` days of today (inclusive). */
export function certificationStatus(expiresOn: string | null, today: string, soonDays: number): CertStatus {
  if (!expiresOn) return 'valid';
  const left = dayFromDate(expiresOn) - dayFromDate(today);
  if (left < 0) return 'expired';
  return left <= soonDays ? 'expiring' : 'valid';
}

/** The worst of several statuses (null for none). */
export function worstStatus(statuses: CertStatus[]): CertStatus | null {
  if (!statuses.length) return null;
  if (statuses.includes('expired')) return 'expired';
  return statuses.includes('expiring') ? 'expiring' : 'valid';
}

/** A refused move names its registered code and parameters (the web words it). */
export type StageMove =
  | { ok: true; direction: 'forward' | 'back' }
  | { ok: false; code: 'prospect.stage_unchanged'; params: { stage: string }; message: string }
  | { ok: false; code: 'prospect.one_step_forward'; params: { from: string; next: string }; message: string }
  | { ok: false; code: 'prospect.back_needs_reason'; params: object; message: string };

/** The pipeline moves forward one stage at a time; going back any number of stages needs a reason. */
export function checkStageMove(
  from: ProspectStageName,
  to: ProspectStageName,
  reason: string | null,
): StageMove {
  const a = PROSPECT_STAGES.indexOf(from);
  const b = PROSPECT_STAGES.indexOf(to);
  if (a === b)
    return {
      ok: false,
      code: 'prospect.stage_unchanged',
      params: { stage: to },
      message: `The prospect is already ${to}`,
    };
  if (b > a + 1)
    return {
      ok: false,
      code: 'prospect.one_step_forward',
      params: { from, next: PROSPECT_STAGES[a + 1]! },
      message: `From ${from} the next stage is ${PROSPECT_STAGES[a + 1]}`,
    };
  if (b < a && !reason?.trim())
    return {
      ok: false,
      code: 'prospect.back_needs_reason',
      params: {},
      message: 'Moving a prospect back needs a reason',
    };
  return { ok: true, direction: b > a ? 'forward' : 'back' };
}

/** Tiers: 1–2 work for an outlet; 3 (provincial HQ field engineer, with a province) and 4 (HQ expert) do not. */
export function checkTierPlacement(
  tier: number,
  outletId: string | null,
  provinceCode: string | null,
): {
  path: string;
  code: 'technician.tier_needs_outlet' | 'technician.hq_has_no_outlet' | 'technician.tier_needs_province';
  message: string;
} | null {
  if (tier <= 2 && !outletId)
    return {
      path: 'outletId',
      code: 'technician.tier_needs_outlet',
      message: 'Tier 1 and 2 technicians belong to an outlet',
    };
  if (tier >= 3 && outletId)
    return {
      path: 'outletId',
      code: 'technician.hq_has_no_outlet',
      message: 'HQ field engineers and experts have no outlet',
    };
  if (tier === 3 && !provinceCode)
    return {
      path: 'provinceCode',
      code: 'technician.tier_needs_province',
      message: 'A provincial HQ field engineer needs a province',
    };
  return null;
}
