import { describe, expect, it } from 'vitest';
import { weekOf, weeklyCompletions } from './trend.ts';

describe('recall completion trend', () => {
  it('finds the Monday of a week', () => {
    expect(weekOf('2026-06-01')).toBe('2026-06-01'); // a Monday
    expect(weekOf('2026-06-07')).toBe('2026-06-01'); // Sunday
    expect(weekOf('2026-06-08')).toBe('2026-06-08');
  });
  it('counts completions per week, empty weeks included, only within the period', () => {
    expect(
      weeklyCompletions(['2026-06-03', '2026-06-04', '2026-06-16', '2026-05-31'], '2026-06-03', '2026-06-16'),
    ).toEqual([
      { week: '2026-06-01', completed: 2 },
      { week: '2026-06-08', completed: 0 },
      { week: '2026-06-15', completed: 1 },
    ]);
  });
});
