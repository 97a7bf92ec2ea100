import { describe, expect, it } from 'vitest';
import { byRoute, crewTabOf } from './rules.ts';

describe('crew list rules', () => {
  it('puts open deliveries of today or earlier under today, later ones upcoming, finished ones done', () => {
    expect(crewTabOf({ status: 'booked', date: '2026-12-07' }, '2026-12-07')).toBe('today');
    expect(crewTabOf({ status: 'exception', date: '2026-12-06' }, '2026-12-07')).toBe('today');
    expect(crewTabOf({ status: 'booked', date: '2026-12-08' }, '2026-12-07')).toBe('upcoming');
    expect(crewTabOf({ status: 'closed', date: '2026-12-07' }, '2026-12-07')).toBe('done');
  });
  it('orders by day, then route place, then slot', () => {
    const slot = (start: string) => ({ start, end: '23:00' });
    const rows = [
      { id: 'c', date: '2026-12-08', routeSeq: 1, slot: slot('09:00') },
      { id: 'b', date: '2026-12-07', routeSeq: null, slot: slot('09:00') },
      { id: 'a', date: '2026-12-07', routeSeq: 2, slot: slot('13:00') },
    ];
    expect([...rows].sort(byRoute).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
});
