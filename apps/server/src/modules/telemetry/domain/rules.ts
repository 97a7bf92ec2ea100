import type { AlertSeverity, RuleCondition, ThresholdOp } from '@anxin/contracts';

/** A rule as the evaluation sees it. */
export interface RuleSpec {
  id: string;
  condition: RuleCondition;
  severity: AlertSeverity;
  modelId: string | null;
  categoryCode: string | null;
}

/** A stored reading, oldest first in every list handed to the evaluation. */
export interface ReadingFacts {
  at: string;
  runningHours: number | null;
  faultCodes: string[];
  metrics: Record<string, number>;
}

/** One rule firing on one device: the alert it belongs to is found by `dedupeKey`. */
export interface Firing {
  ruleId: string;
  severity: AlertSeverity;
  faultCode: string | null;
  /** The metric value or running hours that fired it (null for a fault code). */
  value: number | null;
  at: string;
  dedupeKey: string;
}

export const dedupeKeyOf = (deviceId: string, ruleId: string, faultCode: string | null) =>
  [deviceId, ruleId, ...(faultCode ? [faultCode] : [])].join('|');

const crosses = (op: ThresholdOp, v: number, limit: number): boolean =>
  op === 'gt' ? v > limit : op === 'gte' ? v >= limit : op === 'lt' ? v < limit : v <= limit;

/** Whether a rule applies to a device of this model and category (no scope: every device). */
export function ruleApplies(
  rule: Pick<RuleSpec, 'modelId' | 'categoryCode'>,
  device: { modelId: string; categoryCode: string },
): boolean {
  if (rule.modelId && rule.modelId !== device.modelId) return false;
  if (rule.categoryCode && rule.categoryCode !== device.categoryCode) return false;
  return true;
}

/**
 * Threshold: each new reading that completes a run of `consecutive` readings of the metric, all
 * crossing the limit, fires (readings without the metric neither break nor extend a run). Level
 * triggered: while the alert is open, each further crossing reading folds into it.
 */
function thresholdFirings(
  c: Extract<RuleCondition, { kind: 'threshold' }>,
  consecutive: number,
  history: ReadingFacts[],
  fresh: ReadingFacts[],
): { at: string; value: number }[] {
  const series = [...history, ...fresh].filter((r) => typeof r.metrics[c.metric] === 'number');
  const freshSet = new Set(fresh);
  const out: { at: string; value: number }[] = [];
  let run = 0;
  for (const r of series) {
    const v = r.metrics[c.metric]!;
    run = crosses(c.op, v, c.value) ? run + 1 : 0;
    if (run >= consecutive && freshSet.has(r)) out.push({ at: r.at, value: v });
  }
  return out;
}

/**
 * Running hours: edge triggered on the device's hour meter, so a reading that stays past the mark
 * does not fire again after the alert is resolved. `every`: each multiple of `hours` passed since
 * the last known reading (the key names the multiple, so the 1 000 h and 2 000 h services are two
 * problems); `exceeds`: once, when the meter first passes `hours`.
 */
function runtimeFirings(
  c: Extract<RuleCondition, { kind: 'runtime' }>,
  previousHours: number | null,
  fresh: ReadingFacts[],
): { at: string; value: number; mark: number }[] {
  const out: { at: string; value: number; mark: number }[] = [];
  let prev = previousHours ?? 0;
  for (const r of fresh) {
    if (r.runningHours === null || r.runningHours <= prev) continue;
    const h = r.runningHours;
    if (c.mode === 'exceeds') {
      if (prev < c.hours && h >= c.hours) out.push({ at: r.at, value: h, mark: c.hours });
    } else {
      const before = Math.floor(prev / c.hours);
      const now = Math.floor(h / c.hours);
      if (now > before && now > 0) out.push({ at: r.at, value: h, mark: now * c.hours });
    }
    prev = h;
  }
  return out;
}

/**
 * Every firing of `rules` on one device for a batch of `fresh` readings (oldest first), given the
 * readings stored before them (`history`, oldest first, for consecutive thresholds) and the hour
 * meter before the batch. Pure: the caller folds firings into alerts by their dedupe key.
 */
export function evaluate(input: {
  deviceId: string;
  device: { modelId: string; categoryCode: string };
  rules: RuleSpec[];
  history: ReadingFacts[];
  fresh: ReadingFacts[];
  previousHours: number | null;
  consecutiveDefault: number;
}): Firing[] {
  const out: Firing[] = [];
  for (const rule of input.rules) {
    if (!ruleApplies(rule, input.device)) continue;
    const c = rule.condition;
    const base = { ruleId: rule.id, severity: rule.severity };
    if (c.kind === 'threshold') {
      for (const f of thresholdFirings(
        c,
        c.consecutive ?? input.consecutiveDefault,
        input.history,
        input.fresh,
      ))
        out.push({
          ...base,
          faultCode: null,
          value: f.value,
          at: f.at,
          dedupeKey: dedupeKeyOf(input.deviceId, rule.id, null),
        });
    } else if (c.kind === 'fault_code') {
      const wanted = new Set(c.codes.map((x) => x.toUpperCase()));
      for (const r of input.fresh)
        for (const code of new Set(r.faultCodes.map((x) => x.toUpperCase())))
          if (wanted.has(code))
            out.push({
              ...base,
              faultCode: code,
              value: null,
              at: r.at,
              dedupeKey: dedupeKeyOf(input.deviceId, rule.id, code),
            });
    } else {
      for (const f of runtimeFirings(c, input.previousHours, input.fresh))
        out.push({
          ...base,
          faultCode: null,
          value: f.value,
          at: f.at,
          dedupeKey: `${dedupeKeyOf(input.deviceId, rule.id, null)}|${c.mode === 'every' ? `h${f.mark}` : 'past'}`,
        });
    }
  }
  return out;
}

/** The largest run length any threshold rule needs, i.e. how much history to load. */
export const historyNeeded = (rules: RuleSpec[], consecutiveDefault: number): number =>
  Math.max(
    0,
    ...rules.map((r) =>
      r.condition.kind === 'threshold' ? (r.condition.consecutive ?? consecutiveDefault) - 1 : 0,
    ),
  );
