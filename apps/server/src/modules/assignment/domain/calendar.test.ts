import { describe, expect, it } from 'vitest';
import {
  datesBetween,
  distanceKm,
  localDate,
  localDay,
  localMinute,
  overlaps,
  subtract,
  within,
} from './calendar.ts';

describe('business-local time', () => {
  it('maps instants to Shanghai dates and wall-clock minutes back to instants', () => {
    expect(localDate('2026-11-22T15:59:59Z')).toBe('2026-11-22');
    expect(localDate('2026-11-22T16:00:00Z')).toBe('2026-11-23');
    expect(localMinute('2026-11-23', 8 * 60)).toBe('2026-11-23T00:00:00.000Z');
    expect(localDay('2026-11-23T01:00:00Z')).toEqual({
      start: '2026-11-22T16:00:00.000Z',
      end: '2026-11-23T16:00:00.000Z',
    });
    expect(datesBetween('2026-11-22T17:00:00Z', '2026-11-24T01:00:00Z')).toEqual([
      '2026-11-23',
      '2026-11-24',
    ]);
  });
});

describe('intervals', () => {
  const iv = (a: number, b: number) => ({
    start: new Date(Date.UTC(2026, 10, 23, a)).toISOString(),
    end: new Date(Date.UTC(2026, 10, 23, b)).toISOString(),
  });
  it('overlap is half-open: back-to-back windows do not clash', () => {
    expect(overlaps(iv(1, 3), iv(3, 5))).toBe(false);
    expect(overlaps(iv(1, 3), iv(2, 4))).toBe(true);
  });
  it('a window must fit inside one working interval', () => {
    const working = subtract([iv(0, 10)], [iv(4, 5)]);
    expect(working).toEqual([iv(0, 4), iv(5, 10)]);
    expect(within(iv(1, 3), working)).toBe(true);
    expect(within(iv(3, 6), working)).toBe(false);
    expect(within(iv(9, 11), working)).toBe(false);
  });
  it('measures great-circle distance', () => {
    // Guangzhou Tianhe to Haizhu, roughly 6 km.
    expect(distanceKm({ lat: 23.13, lng: 113.33 }, { lat: 23.08, lng: 113.3 })).toBeCloseTo(6.3, 0);
  });
});
