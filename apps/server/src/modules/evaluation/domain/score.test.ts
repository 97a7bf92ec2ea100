import { describe, expect, it } from 'vitest';
import type { SchemeDefinition } from '@anxin/contracts';
import { addMonths } from './dates.ts';
import { DEFAULT_RULES, DEFAULT_SCHEME } from './defaults.ts';
import { checkFinding } from './evidence.ts';
import { bandOf, itemPoints, round2, scoreEvaluation, starEligibility, type ItemState } from './score.ts';
import { validateScheme } from './validate-scheme.ts';

/** A 100-point scheme of one item per section: A (binary 40), B (sampled 35), C (binary 25). */
const tiny = (over: Partial<SchemeDefinition['rules']> = {}): SchemeDefinition => ({
  name: 't',
  sections: [
    {
      code: 'S1',
      name: '体系',
      points: 40,
      indicators: [
        {
          code: 'I1',
          name: 'i1',
          points: 40,
          items: [{ code: 'A', name: 'a', points: 40, mode: 'binary', guidance: null }],
        },
      ],
    },
    {
      code: 'S2',
      name: '商品',
      points: 35,
      indicators: [
        {
          code: 'I2',
          name: 'i2',
          points: 35,
          items: [{ code: 'B', name: 'b', points: 35, mode: 'sampled', guidance: null }],
        },
      ],
    },
    {
      code: 'S3',
      name: '顾客',
      points: 25,
      indicators: [
        {
          code: 'I3',
          name: 'i3',
          points: 25,
          items: [{ code: 'C', name: 'c', points: 25, mode: 'binary', guidance: null }],
        },
      ],
    },
  ],
  rules: { ...DEFAULT_RULES, ...over },
});

const ok = (applicable = true): ItemState => ({ applicable, findings: [{ conforming: true }] });
const bad: ItemState = { applicable: true, findings: [{ conforming: false }] };
const sample = (n: number, nc: number): ItemState => ({
  applicable: true,
  findings: [{ sampleSize: n, nonConforming: nc }],
});

function run(
  items: Record<string, ItemState>,
  o: { deductions?: number; bonuses?: number; starEligible?: boolean; scheme?: SchemeDefinition } = {},
) {
  return scoreEvaluation({
    scheme: o.scheme ?? tiny(),
    items: new Map(Object.entries(items)),
    deductions: o.deductions ?? 0,
    bonuses: o.bonuses ?? 0,
    starEligible: o.starEligible ?? true,
  });
}

/** A scheme whose single direct-score item lets a test hit any normalised score exactly. */
function scored(score: number, o: Parameters<typeof run>[1] = {}) {
  return run(
    {
      A: { applicable: true, findings: [{ score: (score * 40) / 100 }] },
      B: { applicable: false, findings: [] },
      C: { applicable: false, findings: [] },
    },
    o,
  );
}

describe('item points', () => {
  it('binary: conforming keeps the full points, non-conforming loses them all', () => {
    expect(itemPoints(6, 'binary', [{ conforming: true }])).toEqual({ assessed: true, achieved: 6 });
    expect(itemPoints(6, 'binary', [{ conforming: false }])).toEqual({ assessed: true, achieved: 0 });
    // One non-conforming record among several fails the item.
    expect(itemPoints(6, 'binary', [{ conforming: true }, { conforming: false }]).achieved).toBe(0);
    expect(itemPoints(6, 'binary', [])).toEqual({ assessed: false, achieved: 0 });
  });

  it('sampled: deducts in proportion to the non-conforming share of the pooled sample', () => {
    expect(itemPoints(35, 'sampled', [{ sampleSize: 20, nonConforming: 4 }]).achieved).toBeCloseTo(28, 10);
    // Two records pool: 3 of 10 plus 1 of 10 → 4 of 20 → 20 % off.
    expect(
      itemPoints(10, 'sampled', [
        { sampleSize: 10, nonConforming: 3 },
        { sampleSize: 10, nonConforming: 1 },
      ]).achieved,
    ).toBeCloseTo(8, 10);
    expect(itemPoints(10, 'sampled', [{ sampleSize: 5, nonConforming: 5 }]).achieved).toBe(0);
    expect(itemPoints(10, 'sampled', [{ sampleSize: 5, nonConforming: 0 }]).achieved).toBe(10);
  });

  it('a direct score is the award; the weakest finding decides', () => {
    expect(itemPoints(10, 'sampled', [{ score: 7.5 }]).achieved).toBe(7.5);
    expect(itemPoints(10, 'sampled', [{ score: 9 }, { sampleSize: 10, nonConforming: 5 }]).achieved).toBe(5);
  });
});

describe('scoring', () => {
  it('all conforming scores 100; normalisation is achieved ÷ applicable × 100', () => {
    const r = run({ A: ok(), B: sample(10, 0), C: ok() });
    expect(r).toMatchObject({
      applicablePoints: 100,
      achievedPoints: 100,
      normalized: 100,
      score: 100,
      grade: 'five_star',
    });
    expect(r.sections).toEqual([
      { code: 'S1', points: 40, applicable: 40, achieved: 40 },
      { code: 'S2', points: 35, applicable: 35, achieved: 35 },
      { code: 'S3', points: 25, applicable: 25, achieved: 25 },
    ]);
  });

  it('not-applicable items (删减) leave the applicable total', () => {
    // C removed: 40 + 28 of 75 → 90.67.
    const r = run({ A: ok(), B: sample(20, 4), C: { applicable: false, findings: [{ conforming: false }] } });
    expect(r.applicablePoints).toBe(75);
    expect(r.achievedPoints).toBe(68);
    expect(r.score).toBe(90.67);
    expect(r.items.find((i) => i.code === 'C')).toMatchObject({ applicable: false, achieved: 0 });
    // The same failure counted when applicable: 68 of 100.
    expect(run({ A: ok(), B: sample(20, 4), C: bad }).score).toBe(68);
  });

  it('unassessed applicable items count as 0 and are reported', () => {
    const r = run({ A: ok() });
    expect(r).toMatchObject({
      unassessed: 2,
      applicablePoints: 100,
      achievedPoints: 40,
      score: 40,
      grade: 'fail',
    });
  });

  it('grade bounds are inclusive: 69.99 fails, 70 达标, 80 三星, 90 四星, 95 五星', () => {
    expect(scored(69.99).grade).toBe('fail');
    expect(scored(70).grade).toBe('pass');
    expect(scored(79.99).grade).toBe('pass');
    expect(scored(80).grade).toBe('three_star');
    expect(scored(89.99).grade).toBe('three_star');
    expect(scored(90).grade).toBe('four_star');
    expect(scored(94.99).grade).toBe('four_star');
    expect(scored(95).grade).toBe('five_star');
    expect(scored(100).grade).toBe('five_star');
    expect(bandOf(DEFAULT_RULES, 0).grade).toBe('fail');
  });

  it('bands compare the exact score: 89.996 shows as 90 but stays 三星; 69.999 fails', () => {
    expect(scored(89.996)).toMatchObject({ score: 90, grade: 'three_star', bandGrade: 'three_star' });
    expect(scored(69.999)).toMatchObject({ score: 70, grade: 'fail' });
    expect(scored(94.995)).toMatchObject({ score: 95, grade: 'four_star' });
    // Sums of hundredths that float arithmetic puts a hair below the boundary still reach it.
    expect(scored(0.1 + 0.2 + 89.7).grade).toBe('four_star');
  });

  it('each special deduction takes 1 off the normalised score; five fail whatever the score', () => {
    expect(scored(95, { deductions: 1 })).toMatchObject({ score: 94, grade: 'four_star' });
    expect(scored(100, { deductions: 4 })).toMatchObject({
      score: 96,
      grade: 'five_star',
      failedByDeductions: false,
    });
    expect(scored(100, { deductions: 5 })).toMatchObject({
      score: 95,
      grade: 'fail',
      bandGrade: 'fail',
      failedByDeductions: true,
    });
    expect(scored(70, { deductions: 1 }).grade).toBe('fail');
  });

  it('the bonus adds 1, only one counts, and the result is capped at 100', () => {
    expect(scored(94, { bonuses: 1 })).toMatchObject({ score: 95, bonuses: 1, grade: 'five_star' });
    expect(scored(94, { bonuses: 2 })).toMatchObject({ score: 95, bonuses: 1 });
    expect(scored(100, { bonuses: 1 }).score).toBe(100);
    expect(scored(99.5, { bonuses: 1 }).score).toBe(100);
    expect(scored(0.5, { deductions: 2 }).score).toBe(0);
  });

  it('adjustOn raw applies deductions and bonus to the points before normalising', () => {
    // Only A (40) applies, all conforming; one deduction: raw (40 − 1) ÷ 40 → 97.5, normalised 100 − 1 → 99.
    const scheme = tiny({ adjustOn: 'raw' });
    const r = run(
      { A: ok(), B: { applicable: false, findings: [] }, C: { applicable: false, findings: [] } },
      { scheme, deductions: 1 },
    );
    expect(r.score).toBe(97.5);
    const n = run(
      { A: ok(), B: { applicable: false, findings: [] }, C: { applicable: false, findings: [] } },
      { deductions: 1 },
    );
    expect(n.score).toBe(99);
  });

  it('a star band without a year at 达标 is held at 达标', () => {
    const r = scored(96, { starEligible: false });
    expect(r).toMatchObject({ bandGrade: 'five_star', grade: 'pass', starCapped: true });
    expect(scored(75, { starEligible: false })).toMatchObject({ grade: 'pass', starCapped: false });
    expect(scored(60, { starEligible: false })).toMatchObject({ grade: 'fail', starCapped: false });
  });

  it('rounds to two decimals before grading', () => {
    expect(round2(79.99999999)).toBe(80);
    expect(round2(1.005)).toBe(1.01);
    // 2 of 3 sampled → 23.333…; 40 + 23.33 + 25 = 88.33.
    expect(run({ A: ok(), B: sample(3, 1), C: ok() }).score).toBe(88.33);
  });
});

describe('star eligibility', () => {
  it('needs 12 months since the first 达标 (corresponding day; month end when missing)', () => {
    expect(addMonths('2025-03-15', 12)).toBe('2026-03-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(
      starEligibility({
        firstPassOn: '2025-03-15',
        assessedOn: '2026-03-14',
        months: 12,
        outstanding: false,
      }),
    ).toEqual({ eligible: false, eligibleOn: '2026-03-15' });
    expect(
      starEligibility({ firstPassOn: '2025-03-15', assessedOn: '2026-03-15', months: 12, outstanding: false })
        .eligible,
    ).toBe(true);
    expect(
      starEligibility({ firstPassOn: null, assessedOn: '2026-03-15', months: 12, outstanding: false }),
    ).toEqual({ eligible: false, eligibleOn: null });
    expect(
      starEligibility({ firstPassOn: null, assessedOn: '2026-03-15', months: 12, outstanding: true })
        .eligible,
    ).toBe(true);
  });
});

describe('scheme validation', () => {
  it('the seeded default adds up (40 / 35 / 25, 15 indicators)', () => {
    expect(validateScheme(DEFAULT_SCHEME)).toEqual([]);
    expect(DEFAULT_SCHEME.sections.map((s) => [s.name, s.points, s.indicators.length])).toEqual([
      ['售后服务体系', 40, 7],
      ['商品服务', 35, 6],
      ['顾客服务', 25, 2],
    ]);
  });

  it('names the indicator, section and total that do not add up', () => {
    const def = structuredClone(DEFAULT_SCHEME);
    def.sections[0]!.indicators[2]!.items[0]!.points = 2; // indicator 6 → items 5
    expect(validateScheme(def)).toEqual([
      expect.objectContaining({ path: 'sections.0.indicators.2', rule: 'sum' }),
    ]);
    def.sections[0]!.indicators[2]!.points = 5; // the indicators now add up to 39, not 40
    expect(validateScheme(def).map((e) => [e.path, e.rule])).toEqual([['sections.0', 'sum']]);
    def.sections[0]!.points = 39; // section consistent, total 99, and no longer the fixed 40
    expect(validateScheme(def).map((e) => [e.path, e.rule])).toEqual([
      ['sections.0.points', 'section_points'],
      ['sections', 'sum'],
    ]);
  });

  it('enforces the section totals of the scheme version, not only the grand total', () => {
    // 41 / 34 / 25 adds up to 100 but breaks 40 / 35 / 25.
    const def = tiny();
    def.sections[0]!.points = 41;
    def.sections[0]!.indicators[0]!.points = 41;
    def.sections[0]!.indicators[0]!.items[0]!.points = 41;
    def.sections[1]!.points = 34;
    def.sections[1]!.indicators[0]!.points = 34;
    def.sections[1]!.indicators[0]!.items[0]!.points = 34;
    expect(validateScheme(def).map((e) => [e.path, e.rule])).toEqual([
      ['sections.0.points', 'section_points'],
      ['sections.1.points', 'section_points'],
    ]);
    // A version that fixes 41 / 34 / 25 accepts it; one with another section count does not.
    expect(validateScheme({ ...def, rules: { ...def.rules, sectionPoints: [41, 34, 25] } })).toEqual([]);
    expect(
      validateScheme({ ...def, rules: { ...def.rules, sectionPoints: [50, 50] } }).map((e) => e.rule),
    ).toEqual(['section_count']);
    // A version stored before the field existed is held to 40 / 35 / 25.
    const { sectionPoints: _, ...older } = def.rules;
    expect(validateScheme({ ...def, rules: older }).map((e) => e.rule)).toEqual([
      'section_points',
      'section_points',
    ]);
  });

  it('adds in hundredths, rejects duplicate codes and unordered bands', () => {
    const def = tiny();
    def.sections[0]!.indicators[0]!.items = [
      { code: 'A', name: 'a', points: 39.9, mode: 'binary', guidance: null },
      { code: 'A2', name: 'a2', points: 0.1, mode: 'binary', guidance: null },
    ];
    expect(validateScheme(def)).toEqual([]);
    def.sections[1]!.indicators[0]!.items[0]!.code = 'A';
    def.rules.bands = [...DEFAULT_RULES.bands].reverse();
    const paths = validateScheme(def).map((e) => `${e.path}:${e.rule}`);
    expect(paths).toContain('sections.1.indicators.0.items.0.code:unique');
    expect(paths).toContain('rules.bands.1.minScore:order');
  });
});

describe('evidence findings', () => {
  const binary = { code: 'X', name: 'x', points: 6, mode: 'binary' as const, guidance: null };
  const sampled = { ...binary, mode: 'sampled' as const };
  it('a score outside the item points, or a binary score that is neither 0 nor full, is refused', () => {
    expect(checkFinding(binary, { itemCode: 'X', score: 7 })).toEqual([
      expect.objectContaining({ path: 'score', rule: 'range' }),
    ]);
    expect(checkFinding(sampled, { itemCode: 'X', score: -1 })[0]).toMatchObject({
      path: 'score',
      rule: 'range',
    });
    expect(checkFinding(binary, { itemCode: 'X', score: 3 })[0]).toMatchObject({
      path: 'score',
      rule: 'binary',
    });
    expect(checkFinding(binary, { itemCode: 'X', score: 6 })).toEqual([]);
    expect(checkFinding(sampled, { itemCode: 'X', score: 6 })).toEqual([]);
  });
  it('samples need both counts, non-conforming within the size; binary needs a finding', () => {
    expect(checkFinding(sampled, { itemCode: 'X', sampleSize: 10, nonConforming: 11 })[0]).toMatchObject({
      path: 'nonConforming',
      rule: 'max',
    });
    expect(checkFinding(sampled, { itemCode: 'X', sampleSize: 10 })[0]).toMatchObject({
      path: 'nonConforming',
      rule: 'required',
    });
    expect(checkFinding(sampled, { itemCode: 'X', conforming: true })[0]).toMatchObject({
      path: 'conforming',
      rule: 'mode',
    });
    expect(checkFinding(binary, { itemCode: 'X' })[0]).toMatchObject({
      path: 'conforming',
      rule: 'required',
    });
    expect(
      checkFinding(binary, { itemCode: 'X', sampleSize: 3, nonConforming: 1, conforming: true })[0],
    ).toMatchObject({ rule: 'mode' });
  });
});
