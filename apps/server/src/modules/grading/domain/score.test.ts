import { describe, expect, it } from 'vitest';
import { GRADING_METRICS, GradingPolicySchema, type GradingPolicy } from '@anxin/contracts';
import { DEFAULT_GRADING_POLICY } from './policy.ts';
import {
  businessDay,
  gradeFor,
  monthOf,
  monthRange,
  normalise,
  policyErrors,
  previousMonth,
  scoreMonth,
  type MonthFigures,
} from './score.ts';

const policy = (over: Partial<GradingPolicy> = {}): GradingPolicy =>
  structuredClone({ ...DEFAULT_GRADING_POLICY, ...over });
const figures = (over: Partial<MonthFigures> = {}): MonthFigures => ({
  ...(Object.fromEntries(GRADING_METRICS.map((m) => [m, { numerator: 0, denominator: 0 }])) as MonthFigures),
  ...over,
});

describe('policy validation', () => {
  it('accepts the defaults (weights add up to 100)', () => {
    expect(GradingPolicySchema.safeParse(DEFAULT_GRADING_POLICY).success).toBe(true);
    expect(policyErrors(DEFAULT_GRADING_POLICY)).toEqual([]);
  });

  it('names the weights when they do not add up to 100, either way', () => {
    const over = policy();
    over.weights.response = 16;
    expect(policyErrors(over)).toEqual([expect.objectContaining({ path: 'weights', rule: 'sum_100' })]);
    const under = policy();
    under.weights.attitude = 9;
    expect(policyErrors(under)[0]).toMatchObject({ path: 'weights', rule: 'sum_100' });
    expect(policyErrors(under)[0]!.message).toContain('99');
  });

  it('wants targets on the good side of floors for both directions', () => {
    const p = policy();
    p.thresholds.first_fix = { target: 60, floor: 60 };
    p.thresholds.complaint_rate = { target: 12, floor: 10 };
    expect(policyErrors(p).map((e) => [e.path, e.rule])).toEqual([
      ['thresholds.first_fix.target', 'above_floor'],
      ['thresholds.complaint_rate.target', 'below_floor'],
    ]);
  });

  it('wants descending cut-offs', () => {
    expect(policyErrors(policy({ cutoffs: { A: 90, B: 90, C: 60 } }))).toEqual([
      expect.objectContaining({ path: 'cutoffs.B', rule: 'below_a' }),
    ]);
    expect(policyErrors(policy({ cutoffs: { A: 90, B: 75, C: 80 } }))[0]).toMatchObject({
      path: 'cutoffs.C',
    });
  });
});

describe('normalisation', () => {
  const up = { target: 95, floor: 70 };
  const down = { target: 1, floor: 10 };
  it('gives 100 at and beyond the target, 0 at and beyond the floor', () => {
    expect(normalise(95, up)).toBe(100);
    expect(normalise(100, up)).toBe(100);
    expect(normalise(70, up)).toBe(0);
    expect(normalise(12, up)).toBe(0);
    expect(normalise(1, down)).toBe(100);
    expect(normalise(0, down)).toBe(100);
    expect(normalise(10, down)).toBe(0);
    expect(normalise(40, down)).toBe(0);
  });
  it('is linear between, rounded to a tenth', () => {
    expect(normalise(82.5, up)).toBe(50);
    expect(normalise(5.5, down)).toBe(50);
    expect(normalise(80, up)).toBe(40);
    expect(normalise(71, { target: 74, floor: 71.3 })).toBe(0);
    expect(normalise(72, { target: 75, floor: 69 })).toBe(50);
    expect(normalise(2, down)).toBe(88.9);
  });
});

describe('cut-offs', () => {
  const c = DEFAULT_GRADING_POLICY.cutoffs;
  it('are inclusive', () => {
    expect(gradeFor(90, c)).toBe('A');
    expect(gradeFor(89.9, c)).toBe('B');
    expect(gradeFor(75, c)).toBe('B');
    expect(gradeFor(74.9, c)).toBe('C');
    expect(gradeFor(60, c)).toBe('C');
    expect(gradeFor(59.9, c)).toBe('D');
    expect(gradeFor(0, c)).toBe('D');
    expect(gradeFor(100, c)).toBe('A');
  });
});

describe('scoring a month', () => {
  // 10 orders: response 10/10 (100 pts), arrival 8/10 = 80 % (40 pts), first fix 9/10 = 90 %
  // (100 pts), repeats 1/10 = 10 % (41.7 pts), satisfaction 4/5 = 80 % (40 pts), complaints
  // 0/10 (100 pts), attitude 0/10 (100 pts).
  const f = figures({
    response: { numerator: 10, denominator: 10 },
    arrival: { numerator: 8, denominator: 10 },
    first_fix: { numerator: 9, denominator: 10 },
    repeat_repair: { numerator: 1, denominator: 10 },
    satisfaction: { numerator: 4, denominator: 5 },
    complaint_rate: { numerator: 0, denominator: 10 },
    attitude: { numerator: 0, denominator: 10 },
  });

  it('weights the points into a score and a grade', () => {
    const r = scoreMonth(f, 10, 'B', DEFAULT_GRADING_POLICY);
    const pts = Object.fromEntries(r.metrics.map((m) => [m.metric, m.points]));
    expect(pts).toEqual({
      response: 100,
      arrival: 40,
      first_fix: 100,
      repeat_repair: 41.7,
      satisfaction: 40,
      complaint_rate: 100,
      attitude: 100,
    });
    // (100·15 + 40·15 + 100·20 + 41.7·10 + 40·20 + 100·10 + 100·10) / 100 = 73.17
    expect(r.score).toBe(73.2);
    expect(r).toMatchObject({ scoreGrade: 'C', grade: 'C', lowVolume: false });
    expect(r.metrics.find((m) => m.metric === 'arrival')).toMatchObject({
      value: 80,
      numerator: 8,
      denominator: 10,
      weight: 15,
      contribution: 6,
    });
  });

  it('leaves metrics without data out and spreads their weight', () => {
    const r = scoreMonth(
      figures({
        first_fix: { numerator: 10, denominator: 10 },
        satisfaction: { numerator: 1, denominator: 2 },
      }),
      10,
      'B',
      DEFAULT_GRADING_POLICY,
    );
    // first fix 100 pts × 20, satisfaction 50 % → 0 pts × 20, over 40 weight.
    expect(r.score).toBe(50);
    expect(r.metrics.find((m) => m.metric === 'response')).toMatchObject({
      value: null,
      points: null,
      contribution: null,
    });
  });

  it('keeps the previous grade below the minimum order count, and grades at it', () => {
    const below = scoreMonth(f, 9, 'A', DEFAULT_GRADING_POLICY);
    expect(below).toMatchObject({ lowVolume: true, scoreGrade: 'C', grade: 'A' });
    const at = scoreMonth(f, 10, 'A', DEFAULT_GRADING_POLICY);
    expect(at).toMatchObject({ lowVolume: false, grade: 'C' });
    const none = scoreMonth(figures(), 0, 'D', policy({ minOrders: 0 }));
    expect(none).toMatchObject({ score: null, scoreGrade: null, grade: 'D', lowVolume: false });
  });
});

describe('business months', () => {
  it('bound a month in Shanghai time', () => {
    expect(monthRange('2026-10')).toEqual({
      from: '2026-09-30T16:00:00.000Z',
      to: '2026-10-31T16:00:00.000Z',
    });
    expect(monthRange('2026-12').to).toBe('2026-12-31T16:00:00.000Z');
    expect(monthOf(new Date('2026-10-31T16:00:00.000Z'))).toBe('2026-11');
    expect(monthOf(new Date('2026-10-31T15:59:59.999Z'))).toBe('2026-10');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(businessDay(new Date('2026-10-31T16:00:00.000Z'))).toBe(1);
  });
});
