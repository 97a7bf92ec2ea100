import {
  CAMPAIGN_OUTCOMES,
  type CampaignOutcome,
  type CampaignAnswer,
  type CampaignFigures,
  type CampaignQuestion,
  type QuestionFigures,
  type TargetStatus,
} from '@anxin/contracts';

export interface TargetFacts {
  status: TargetStatus;
  attempts: number;
  completed: boolean;
}

/**
 * A campaign's figures from its targets and the answers of its reaching calls: reach rate is
 * reached ÷ targets attempted; opt-outs count those who opted out on this campaign's call and
 * those skipped because they opted out elsewhere.
 */
export function campaignFigures(
  questions: readonly CampaignQuestion[],
  targets: readonly TargetFacts[],
  answers: readonly Record<string, CampaignAnswer>[],
): CampaignFigures {
  const byStatus: Record<string, number> = {};
  for (const t of targets) byStatus[t.status] = (byStatus[t.status] ?? 0) + 1;
  const attempted = targets.filter((t) => t.attempts > 0).length;
  const reached = byStatus.reached ?? 0;
  return {
    targets: targets.length,
    attempted,
    reached,
    reachRate: attempted ? reached / attempted : null,
    completed: targets.filter((t) => t.completed).length,
    optedOut: (byStatus.opted_out ?? 0) + (byStatus.skipped ?? 0),
    byStatus,
    questions: questions.map((q) => questionFigures(q, answers)),
  };
}

function questionFigures(
  q: CampaignQuestion,
  answers: readonly Record<string, CampaignAnswer>[],
): QuestionFigures {
  const given = answers.map((a) => a[q.id]).filter((a) => a !== undefined && a !== '');
  if (q.kind === 'text')
    return { questionId: q.id, kind: q.kind, answered: given.length, counts: [], average: null };
  const size = q.kind === 'choice' ? q.options.length : 5;
  const counts = Array.from({ length: size }, () => 0);
  let sum = 0;
  let n = 0;
  for (const a of given) {
    if (typeof a !== 'number') continue;
    const i = q.kind === 'choice' ? a : a - 1;
    if (i < 0 || i >= size) continue;
    counts[i]! += 1;
    sum += a;
    n += 1;
  }
  return {
    questionId: q.id,
    kind: q.kind,
    answered: n,
    counts,
    average: q.kind === 'rating' && n ? sum / n : null,
  };
}

/**
 * Campaign conversion (转化率): targets whose questionnaire was answered in full on the reaching
 * call ÷ targets reached, 0–100 with one decimal; null before anyone was reached.
 */
export const conversionPct = (completed: number, reached: number): number | null =>
  reached ? Math.round((completed / reached) * 1000) / 10 : null;

/** Call outcomes by kind (every kind present, zero included). */
export function outcomesByKind(outcomes: readonly CampaignOutcome[]): Record<CampaignOutcome, number> {
  const out = Object.fromEntries(CAMPAIGN_OUTCOMES.map((o) => [o, 0])) as Record<CampaignOutcome, number>;
  for (const o of outcomes) out[o] += 1;
  return out;
}
