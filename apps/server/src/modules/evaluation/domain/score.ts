import type { EvaluationGrade, ItemMode, SchemeDefinition, SchemeRules, ScoreResult } from '@anxin/contracts';
import { addMonths } from './dates.ts';

/** One evidence record's finding as the engine sees it. */
export interface Finding {
  conforming?: boolean | null;
  sampleSize?: number | null;
  nonConforming?: number | null;
  score?: number | null;
}

export interface ItemState {
  applicable: boolean;
  findings: readonly Finding[];
}

export interface ScoreInput {
  scheme: SchemeDefinition;
  /** By item code; a missing item is applicable and has no evidence yet. */
  items: ReadonlyMap<string, ItemState>;
  deductions: number;
  bonuses: number;
  /** Whether a star grade may be given (a year at 达标, or the outstanding override). */
  starEligible: boolean;
}

/** Two decimals, half away from zero, without 1.005 → 1.00 float surprises. */
export const round2 = (n: number): number => Math.round((n + Math.sign(n) * 1e-9) * 100) / 100;

/**
 * An item's points from its findings. Binary: conforming → full points, non-conforming → 0.
 * Sampled: the samples pool, and the item keeps points × (1 − non-conforming ÷ sample size).
 * A direct score is the assessor's award. With several findings the weakest decides (one
 * non-conforming record fails a binary item). No findings: not assessed, 0 points.
 */
export function itemPoints(
  points: number,
  mode: ItemMode,
  findings: readonly Finding[],
): { assessed: boolean; achieved: number } {
  const candidates: number[] = [];
  let n = 0;
  let nc = 0;
  for (const f of findings) {
    if (f.score !== undefined && f.score !== null) candidates.push(f.score);
    else if (mode === 'binary' && f.conforming !== undefined && f.conforming !== null)
      candidates.push(f.conforming ? points : 0);
    else if (mode === 'sampled' && f.sampleSize) {
      n += f.sampleSize;
      nc += f.nonConforming ?? 0;
    }
  }
  if (n > 0) candidates.push(points * (1 - Math.min(nc, n) / n));
  if (candidates.length === 0) return { assessed: false, achieved: 0 };
  return { assessed: true, achieved: Math.max(0, Math.min(points, ...candidates)) };
}

/** Removes float noise (1e-9) without rounding the score to display precision. */
const snap = (n: number): number => Math.round(n * 1e6) / 1e6;

/** The band a score reaches (bounds inclusive, exact score); below every band is 不合格. */
export function bandOf(rules: SchemeRules, score: number): { grade: EvaluationGrade; star: boolean } {
  const band = [...rules.bands].sort((a, b) => b.minScore - a.minScore).find((b) => score >= b.minScore);
  return band ? { grade: band.grade, star: band.star } : { grade: 'fail', star: false };
}

/**
 * GB/T 27922 scoring (docs/domain-standards.md §1.3):
 * score = achieved ÷ applicable points × 100 (not-applicable items removed), then each special
 * deduction −1 and the bonus +1 (at most `maxBonusItems`) on the normalised score — or on the raw
 * points when `adjustOn` is 'raw' (UNVERIFIED which the standard means) — clamped to 0…cap and
 * rounded to two decimals for display; the grade is judged on the exact score (a score just below
 * a band's minimum never takes that band). ≥ 5 special deductions
 * fail whatever the score. A star band without star eligibility gives the best non-star band.
 */
export function scoreEvaluation(input: ScoreInput): ScoreResult {
  const { rules } = input.scheme;
  const items: ScoreResult['items'] = [];
  const sections: ScoreResult['sections'] = [];
  let applicable = 0;
  let achieved = 0;
  let unassessed = 0;
  for (const s of input.scheme.sections) {
    let sApplicable = 0;
    let sAchieved = 0;
    for (const ind of s.indicators)
      for (const it of ind.items) {
        const state = input.items.get(it.code) ?? { applicable: true, findings: [] };
        const r = state.applicable
          ? itemPoints(it.points, it.mode, state.findings)
          : { assessed: false, achieved: 0 };
        if (state.applicable) {
          sApplicable += it.points;
          sAchieved += r.achieved;
          if (!r.assessed) unassessed++;
        }
        items.push({
          code: it.code,
          path: `${s.code}/${ind.code}/${it.code}`,
          points: it.points,
          mode: it.mode,
          applicable: state.applicable,
          assessed: r.assessed,
          achieved: round2(r.achieved),
        });
      }
    sections.push({
      code: s.code,
      points: s.points,
      applicable: round2(sApplicable),
      achieved: round2(sAchieved),
    });
    applicable += sApplicable;
    achieved += sAchieved;
  }
  const bonuses = Math.min(input.bonuses, rules.maxBonusItems);
  const adjustment = bonuses * rules.bonusPoints - input.deductions * rules.specialDeductionPoints;
  const normalized = applicable > 0 ? (achieved / applicable) * 100 : 0;
  const raw =
    rules.adjustOn === 'normalized'
      ? normalized + adjustment
      : applicable > 0
        ? ((achieved + adjustment) / applicable) * 100
        : 0;
  // Bands compare the exact score; two decimals are for display only (89.996 shows as 90.00 but
  // stays below a 90 band). Sums of hundredths are snapped so 0.1 + 0.2 still reaches 0.3.
  const exact = snap(Math.min(rules.cap, Math.max(0, raw)));
  const score = round2(exact);
  const failedByDeductions = input.deductions >= rules.failIfSpecialDeductionsAtLeast;
  const band = failedByDeductions ? { grade: 'fail' as const, star: false } : bandOf(rules, exact);
  let grade = band.grade;
  let starCapped = false;
  if (band.star && !input.starEligible) {
    starCapped = true;
    const nonStar = [...rules.bands]
      .filter((b) => !b.star && exact >= b.minScore)
      .sort((a, b) => b.minScore - a.minScore)[0];
    grade = nonStar?.grade ?? 'pass';
  }
  return {
    applicablePoints: round2(applicable),
    achievedPoints: round2(achieved),
    normalized: round2(normalized),
    deductions: input.deductions,
    bonuses,
    score,
    bandGrade: band.grade,
    grade,
    starCapped,
    failedByDeductions,
    unassessed,
    sections,
    items,
  };
}

/**
 * Star grades need `months` at 达标 first ("达标一年以后"): eligible when a final evaluation of
 * the same subject graded 达标 or better was assessed at least that long before, or when the
 * assessor records the outstanding override (成绩特别显著的企业除外).
 */
export function starEligibility(args: {
  firstPassOn: string | null;
  assessedOn: string;
  months: number;
  outstanding: boolean;
}): { eligible: boolean; eligibleOn: string | null } {
  const eligibleOn = args.firstPassOn ? addMonths(args.firstPassOn, args.months) : null;
  return {
    eligible: args.outstanding || (eligibleOn !== null && args.assessedOn >= eligibleOn),
    eligibleOn,
  };
}
