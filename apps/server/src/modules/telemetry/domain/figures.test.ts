import { describe, expect, it } from 'vitest';
import { alertFigures, median, type AlertFact } from './figures.ts';

const a = (kind: AlertFact['kind'], hasOrder: boolean, doneAt: string | null): AlertFact => ({
  kind,
  raisedAt: '2026-06-01T00:00:00.000Z',
  hasOrder,
  doneAt,
});

describe('alertFigures', () => {
  it('counts raised, with an order, completed, by kind, and the median hours to completion', () => {
    const f = alertFigures([
      a('threshold', true, '2026-06-01T02:00:00.000Z'),
      a('threshold', true, '2026-06-01T10:00:00.000Z'),
      a('threshold', true, null),
      a('fault_code', false, null),
      a('runtime', true, '2026-06-02T00:00:00.000Z'),
    ]);
    expect(f).toMatchObject({ raised: 5, withOrder: 4, completed: 3, medianHoursToComplete: 10 });
    expect(f.byKind).toEqual([
      { kind: 'threshold', raised: 3, withOrder: 3, completed: 2 },
      { kind: 'fault_code', raised: 1, withOrder: 0, completed: 0 },
      { kind: 'runtime', raised: 1, withOrder: 1, completed: 1 },
    ]);
  });
  it('has no median without completions; the median of an even count is the middle mean', () => {
    expect(alertFigures([a('runtime', true, null)]).medianHoursToComplete).toBeNull();
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});
