import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { choiceKey, formatWindow, nextDays, slotOpen, windowOf } from './time.ts';
import { productName } from '../../components/productName.ts';

describe('portal visit slots', () => {
  it('turns a day and slot into a local-time window', () => {
    const w = windowOf({ day: '2026-11-24', slot: 'afternoon' });
    expect(dayjs(w.start).format('YYYY-MM-DD HH:mm')).toBe('2026-11-24 13:00');
    expect(dayjs(w.end).format('HH:mm')).toBe('18:00');
    expect(formatWindow(w, { day: 'M/D', time: 'HH:mm' })).toBe('11/24 13:00–18:00');
  });

  it('offers only slots that have not started', () => {
    const now = dayjs('2026-11-24T10:30:00');
    expect(slotOpen({ day: '2026-11-24', slot: 'morning' }, now)).toBe(false);
    expect(slotOpen({ day: '2026-11-24', slot: 'afternoon' }, now)).toBe(true);
    expect(nextDays(3, now)).toEqual(['2026-11-24', '2026-11-25', '2026-11-26']);
    expect(choiceKey({ day: '2026-11-24', slot: 'evening' })).toBe('2026-11-24:evening');
  });

  it('does not repeat the brand in product names', () => {
    expect(productName({ brand: '安心', modelName: '安心 406升 十字四门' })).toBe('安心 406升 十字四门');
    expect(productName({ brand: 'Anxin', modelName: 'AC 100' })).toBe('Anxin AC 100');
  });
});
