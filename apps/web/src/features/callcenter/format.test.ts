import { describe, expect, it } from 'vitest';
import { halfHourLabel, parseVolumes, pct, secs } from './format.ts';

describe('call-centre formatting', () => {
  it('reads a pasted Excel row of volumes and flags what is not a count', () => {
    expect(parseVolumes('0\t0\t12\t35.5\n')).toEqual({ values: [0, 0, 12, 35.5], bad: [] });
    expect(parseVolumes('1, 2，x; -4')).toEqual({ values: [1, 2, 0, 0], bad: [2, 3] });
  });
  it('formats rates, seconds and half hours', () => {
    expect(pct(0.8459)).toBe('84.6%');
    expect(pct(null)).toBeNull();
    expect(secs(8.184)).toBe('8.2');
    expect(secs(223.33)).toBe('223');
    expect(halfHourLabel(19)).toBe('09:30');
  });
});
