import { describe, expect, it } from 'vitest';
import { slotGrid, slotInterval } from './slots.ts';

const SLOTS = [
  { start: '09:00', end: '12:00' },
  { start: '14:00', end: '17:00' },
];
// Working 09:00–17:00 Beijing time on 2026-11-23 only.
const WORKING = [{ start: '2026-11-23T01:00:00Z', end: '2026-11-23T09:00:00Z' }];

describe('the free-slot grid', () => {
  it('marks slots busy (naming the order), off shift, past or free', () => {
    const booking = { ...slotInterval('2026-11-23', { start: '10:00', end: '11:00' }), number: 'WX1' };
    const grid = slotGrid(
      ['2026-11-23', '2026-11-24'],
      SLOTS,
      WORKING,
      [booking],
      new Date('2026-11-22T00:00:00Z'),
    );
    expect(grid).toEqual([
      [
        { state: 'busy', orderNo: 'WX1' },
        { state: 'free', orderNo: null },
      ],
      [
        { state: 'off', orderNo: null },
        { state: 'off', orderNo: null },
      ],
    ]);
  });

  it('a slot that has ended is past, even if free', () => {
    const grid = slotGrid(['2026-11-23'], SLOTS, WORKING, [], new Date('2026-11-23T05:00:00Z'));
    expect(grid[0]!.map((c) => c.state)).toEqual(['past', 'free']);
  });
});
