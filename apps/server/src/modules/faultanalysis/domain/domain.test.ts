import { describe, expect, it } from 'vitest';
import { newFailures } from './alerts.ts';
import { pareto } from './pareto.ts';
import { baselineOf, lastFinishedPeriod, monthsOf } from './period.ts';
import { trend } from './trend.ts';

describe('pareto', () => {
  it('sorts by count, adds share and cumulative share, and flags the vital few', () => {
    const p = pareto(
      [
        { key: 'b', count: 20 },
        { key: 'a', count: 60 },
        { key: 'c', count: 10 },
        { key: 'd', count: 10 },
        { key: 'a', count: 0 },
      ],
      80,
    );
    expect(p.map((r) => r.key)).toEqual(['a', 'b', 'c', 'd']);
    expect(p.map((r) => r.share)).toEqual([0.6, 0.2, 0.1, 0.1]);
    expect(p.map((r) => Math.round(r.cumulative * 100))).toEqual([60, 80, 90, 100]);
    expect(p.map((r) => r.vital)).toEqual([true, true, false, false]);
  });
  it('keeps the first key vital even above the line, merges duplicate keys, and is empty for none', () => {
    const p = pareto(
      [
        { key: 'x', count: 9 },
        { key: 'y', count: 1 },
      ],
      50,
    );
    expect(p.map((r) => r.vital)).toEqual([true, false]);
    expect(
      pareto(
        [
          { key: 'x', count: 1 },
          { key: 'x', count: 2 },
        ],
        80,
      ),
    ).toEqual([{ key: 'x', count: 3, share: 1, cumulative: 1, vital: true }]);
    expect(pareto([], 80)).toEqual([]);
  });
  it('orders ties by key', () => {
    expect(
      pareto(
        [
          { key: 'z', count: 1 },
          { key: 'm', count: 1 },
        ],
        80,
      ).map((r) => r.key),
    ).toEqual(['m', 'z']);
  });
});

describe('trend', () => {
  it('counts each key per month, zero where a month had none', () => {
    const t = trend(
      [
        { month: '2026-01', rows: [{ key: 'a', count: 2 }] },
        {
          month: '2026-02',
          rows: [
            { key: 'b', count: 1 },
            { key: 'a', count: 3 },
          ],
        },
      ],
      ['a', 'b'],
    );
    expect(t).toEqual({
      months: ['2026-01', '2026-02'],
      series: [
        { key: 'a', counts: [2, 3] },
        { key: 'b', counts: [0, 1] },
      ],
    });
  });
});

describe('newFailures', () => {
  const opts = { minCount: 3, riseRatio: 2 };
  it('alerts a key absent from the baseline once it has the minimum count', () => {
    const a = newFailures(
      [
        { key: 'new', count: 3 },
        { key: 'rare', count: 2 },
      ],
      [],
      opts,
    );
    expect(a).toEqual([{ key: 'new', count: 3, baseline: 0, reason: 'new', ratio: null }]);
  });
  it('alerts a rise by the ratio and not a stable key', () => {
    const a = newFailures(
      [
        { key: 'up', count: 8 },
        { key: 'stable', count: 10 },
      ],
      [
        { key: 'up', count: 4 },
        { key: 'stable', count: 9 },
      ],
      opts,
    );
    expect(a).toEqual([{ key: 'up', count: 8, baseline: 4, reason: 'rising', ratio: 2 }]);
  });
  it('compares rates per 1,000 installed units when exposure is given', () => {
    const exposure = { current: new Map([['m', 2000]]), baseline: new Map([['m', 1000]]) };
    // 8 per 2,000 units is 4 per 1,000, as before: no alert even though the count doubled.
    expect(newFailures([{ key: 'm', count: 8 }], [{ key: 'm', count: 4 }], { ...opts, exposure })).toEqual(
      [],
    );
  });
});

describe('periods', () => {
  it('takes the same-length window before as the baseline', () => {
    expect(baselineOf('2026-01-01', '2026-06-30')).toEqual({ from: '2025-07-01', to: '2025-12-31' });
    expect(baselineOf('2026-07-01', '2026-12-31')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(baselineOf('2026-02-01', '2026-02-28')).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(baselineOf('2026-03-10', '2026-03-19')).toEqual({ from: '2026-02-28', to: '2026-03-09' });
    expect(baselineOf('2026-03-10', '2026-03-10')).toEqual({ from: '2026-03-09', to: '2026-03-09' });
  });
  it('splits a period into clipped calendar months', () => {
    expect(monthsOf('2026-01-15', '2026-03-02')).toEqual([
      { month: '2026-01', from: '2026-01-15', to: '2026-01-31' },
      { month: '2026-02', from: '2026-02-01', to: '2026-02-28' },
      { month: '2026-03', from: '2026-03-01', to: '2026-03-02' },
    ]);
  });
  it('finds the last finished half year (or other length) before today', () => {
    expect(lastFinishedPeriod('2026-07-01', 6)).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(lastFinishedPeriod('2026-12-31', 6)).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(lastFinishedPeriod('2027-01-01', 6)).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(lastFinishedPeriod('2026-05-20', 3)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(lastFinishedPeriod('2026-02-01', 12)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});
