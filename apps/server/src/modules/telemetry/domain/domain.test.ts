import { describe, expect, it } from 'vitest';
import { canStep, describeAlert } from './alert-state.ts';
import { foldFirings } from './fold.ts';
import { evaluate, historyNeeded, ruleApplies, type ReadingFacts, type RuleSpec } from './rules.ts';

const at = (m: number) => `2026-06-20T04:${String(m).padStart(2, '0')}:00.000Z`;
const r = (m: number, over: Partial<ReadingFacts> = {}): ReadingFacts => ({
  at: at(m),
  runningHours: null,
  faultCodes: [],
  metrics: {},
  ...over,
});
const rule = (id: string, condition: RuleSpec['condition'], over: Partial<RuleSpec> = {}): RuleSpec => ({
  id,
  condition,
  severity: 'warning',
  modelId: null,
  categoryCode: null,
  ...over,
});
const run = (
  rules: RuleSpec[],
  fresh: ReadingFacts[],
  history: ReadingFacts[] = [],
  previousHours: number | null = null,
) =>
  evaluate({
    deviceId: 'd',
    device: { modelId: 'm1', categoryCode: 'AC' },
    rules,
    history,
    fresh,
    previousHours,
    consecutiveDefault: 3,
  });

describe('threshold rules', () => {
  const hot = rule('t', { kind: 'threshold', metric: 'temp', op: 'gt', value: 80, consecutive: null });
  it('fire on the reading that completes N in a row (the default N from the setting)', () => {
    expect(run([hot], [r(1, { metrics: { temp: 81 } }), r(2, { metrics: { temp: 82 } })])).toEqual([]);
    const f = run(
      [hot],
      [r(3, { metrics: { temp: 83 } }), r(4, { metrics: { temp: 84 } })],
      [r(1, { metrics: { temp: 81 } }), r(2, { metrics: { temp: 82 } })],
    );
    expect(f.map((x) => [x.at, x.value, x.dedupeKey])).toEqual([
      [at(3), 83, 'd|t'],
      [at(4), 84, 'd|t'],
    ]);
  });
  it('a reading back under the limit breaks the run; readings without the metric do not', () => {
    const fresh = [
      r(1, { metrics: { temp: 90 } }),
      r(2, { metrics: { temp: 70 } }),
      r(3, { metrics: { temp: 90 } }),
      r(4),
      r(5, { metrics: { temp: 90 } }),
    ];
    expect(run([hot], fresh)).toEqual([]);
    expect(run([hot], [...fresh, r(6, { metrics: { temp: 95 } })]).map((x) => x.at)).toEqual([at(6)]);
  });
  it('each operator, and the rule’s own N', () => {
    const low = rule('l', { kind: 'threshold', metric: 'p', op: 'lte', value: 1, consecutive: 1 });
    expect(run([low], [r(1, { metrics: { p: 1 } }), r(2, { metrics: { p: 1.1 } })]).map((x) => x.at)).toEqual(
      [at(1)],
    );
    const gte = rule('g', { kind: 'threshold', metric: 'p', op: 'gte', value: 5, consecutive: 1 });
    const lt = rule('s', { kind: 'threshold', metric: 'p', op: 'lt', value: 5, consecutive: 1 });
    expect(run([gte, lt], [r(1, { metrics: { p: 5 } })]).map((x) => x.ruleId)).toEqual(['g']);
  });
  it('history needed is the longest run less one', () => {
    expect(
      historyNeeded(
        [hot, rule('x', { kind: 'threshold', metric: 'a', op: 'gt', value: 1, consecutive: 5 })],
        3,
      ),
    ).toBe(4);
    expect(historyNeeded([], 3)).toBe(0);
  });
});

describe('fault-code rules', () => {
  it('fire per listed code and reading, case-insensitively, one key per code', () => {
    const f = run(
      [rule('f', { kind: 'fault_code', codes: ['E4', 'E5'] })],
      [r(1, { faultCodes: ['e4', 'E4', 'X1'] }), r(2, { faultCodes: ['E5'] })],
    );
    expect(f.map((x) => [x.faultCode, x.dedupeKey])).toEqual([
      ['E4', 'd|f|E4'],
      ['E5', 'd|f|E5'],
    ]);
  });
});

describe('runtime rules', () => {
  const every = rule('e', { kind: 'runtime', mode: 'every', hours: 500 });
  const past = rule('p', { kind: 'runtime', mode: 'exceeds', hours: 1000 });
  it('every: once per multiple passed, keyed by the multiple; edge triggered', () => {
    expect(run([every], [r(1, { runningHours: 499 })], [], 0)).toEqual([]);
    const f = run(
      [every],
      [r(1, { runningHours: 501 }), r(2, { runningHours: 520 }), r(3, { runningHours: 1003 })],
      [],
      499,
    );
    expect(f.map((x) => [x.value, x.dedupeKey])).toEqual([
      [501, 'd|e|h500'],
      [1003, 'd|e|h1000'],
    ]);
    // Staying past the mark (or a meter going back) fires nothing again.
    expect(run([every], [r(4, { runningHours: 530 })], [], 520)).toEqual([]);
    expect(run([every], [r(4, { runningHours: 400 })], [], 520)).toEqual([]);
  });
  it('exceeds: once, when first passed', () => {
    expect(run([past], [r(1, { runningHours: 1000 })], [], 999).map((x) => x.dedupeKey)).toEqual([
      'd|p|past',
    ]);
    expect(run([past], [r(1, { runningHours: 1200 })], [], 1000)).toEqual([]);
  });
});

describe('scope, folding, steps and the order text', () => {
  it('a rule scoped to a model or category applies to its devices only', () => {
    expect(ruleApplies({ modelId: 'm1', categoryCode: null }, { modelId: 'm1', categoryCode: 'AC' })).toBe(
      true,
    );
    expect(ruleApplies({ modelId: 'm2', categoryCode: null }, { modelId: 'm1', categoryCode: 'AC' })).toBe(
      false,
    );
    expect(ruleApplies({ modelId: null, categoryCode: 'WM' }, { modelId: 'm1', categoryCode: 'AC' })).toBe(
      false,
    );
    expect(
      run(
        [rule('f', { kind: 'fault_code', codes: ['E1'] }, { categoryCode: 'WM' })],
        [r(1, { faultCodes: ['E1'] })],
      ),
    ).toEqual([]);
  });
  it('folds firings of one key into one: count, first and last seen, last value', () => {
    const hot = rule('t', { kind: 'threshold', metric: 'temp', op: 'gt', value: 80, consecutive: 1 });
    const folded = foldFirings(
      run(
        [hot],
        [
          r(1, { metrics: { temp: 81 } }),
          r(3, { metrics: { temp: 90 } }),
          r(2, { metrics: { temp: 85 } }),
        ].sort((a, b) => a.at.localeCompare(b.at)),
      ),
    );
    expect(folded).toEqual([
      {
        dedupeKey: 'd|t',
        ruleId: 't',
        severity: 'warning',
        faultCode: null,
        count: 3,
        firstAt: at(1),
        lastAt: at(3),
        lastValue: 90,
      },
    ]);
  });
  it('alert steps: acknowledge only open, resolve open or acknowledged', () => {
    expect(canStep('acknowledge', 'open')).toBe(true);
    expect(canStep('acknowledge', 'acknowledged')).toBe(false);
    expect(canStep('resolve', 'acknowledged')).toBe(true);
    expect(canStep('resolve', 'resolved')).toBe(false);
  });
  it('describes the alert in Chinese for the order', () => {
    const text = describeAlert({
      ruleName: 'E4 进水故障',
      deviceSerial: 'DEV-1',
      productSerial: 'SN-1',
      faultCode: 'E4',
      value: null,
      at: at(1),
    });
    expect(text).toContain('设备预警：E4 进水故障');
    expect(text).toContain('故障码：E4');
    expect(text).toContain('产品序列号 SN-1');
    expect(text).toContain('首次上报：2026-06-20 12:01（北京时间）');
  });
});
