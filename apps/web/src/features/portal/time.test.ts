import { describe, expect, it } from 'vitest';
import { choiceKey, formatWindow, windowOf } from './time.ts';
import { productName } from '../../components/productName.ts';

describe('portal visit slots', () => {
  it('turns a day and slot into a Beijing-time window', () => {
    const w = windowOf({ day: '2026-11-24', slot: '13:00-18:00' });
    expect(w).toEqual({ start: '2026-11-24T13:00:00+08:00', end: '2026-11-24T18:00:00+08:00' });
    expect(formatWindow(w, { day: 'M/D', time: 'HH:mm' })).toBe('11/24 13:00–18:00');
    // Shown in Beijing time whatever the browser's zone: 23:30 UTC is the next morning there.
    expect(
      formatWindow(
        { start: '2026-11-24T23:30:00Z', end: '2026-11-25T01:00:00Z' },
        { day: 'M/D', time: 'HH:mm' },
      ),
    ).toBe('11/25 07:30–09:00');
    expect(choiceKey({ day: '2026-11-24', slot: '18:00-21:00' })).toBe('2026-11-24:18:00-21:00');
  });

  it('does not repeat the brand in product names', () => {
    expect(productName({ brand: '安心', modelName: '安心 406升 十字四门' })).toBe('安心 406升 十字四门');
    expect(productName({ brand: 'Anxin', modelName: 'AC 100' })).toBe('Anxin AC 100');
  });
});
