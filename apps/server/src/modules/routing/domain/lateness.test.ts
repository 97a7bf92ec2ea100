import { describe, expect, it } from 'vitest';
import { lateMinutesAgainst } from './lateness.ts';

describe('lateness against the customer window', () => {
  const w = [{ start: 600, end: 720 }];
  it('is zero for a start anywhere inside the window, its ends included', () => {
    for (const s of [600, 650.5, 720]) expect(lateMinutesAgainst(s, w)).toBe(0);
  });
  it('is zero for an early start (the technician waits) and with no window', () => {
    expect(lateMinutesAgainst(500, w)).toBe(0);
    expect(lateMinutesAgainst(900, [])).toBe(0);
  });
  it('counts whole minutes past the window end', () => {
    expect(lateMinutesAgainst(720.9, w)).toBe(0);
    expect(lateMinutesAgainst(735.4, w)).toBe(15);
  });
  it('measures from the last window that ended, and not at all inside a later one', () => {
    const two = [
      { start: 540, end: 600 },
      { start: 840, end: 900 },
    ];
    expect(lateMinutesAgainst(630, two)).toBe(30);
    expect(lateMinutesAgainst(850, two)).toBe(0);
    expect(lateMinutesAgainst(960, two)).toBe(60);
  });
});
