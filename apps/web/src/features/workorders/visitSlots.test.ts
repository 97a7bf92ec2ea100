import { describe, expect, it } from 'vitest';
import {
  businessTimeOf,
  nextBusinessDays,
  parseSlotKey,
  slotAt,
  slotKey,
  slotOpen,
  slotPeriod,
  slotWindow,
  type VisitSlot,
} from './visitSlots.ts';

const DEFAULT: VisitSlot[] = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
  { start: '18:00', end: '21:00' },
];

describe('visit slots → ISO windows', () => {
  it('puts a slot on a business date in Beijing time, across days, months and years', () => {
    expect(slotWindow('2026-12-08', DEFAULT[0]!)).toEqual({
      start: '2026-12-08T09:00:00+08:00',
      end: '2026-12-08T12:00:00+08:00',
    });
    expect(slotWindow('2026-12-31', DEFAULT[2]!)).toEqual({
      start: '2026-12-31T18:00:00+08:00',
      end: '2026-12-31T21:00:00+08:00',
    });
    expect(slotWindow('2028-02-29', { start: '08:30', end: '10:15' })).toEqual({
      start: '2028-02-29T08:30:00+08:00',
      end: '2028-02-29T10:15:00+08:00',
    });
    // The instant is the Beijing wall-clock time: 09:00 in Beijing is 01:00 UTC the same day.
    expect(new Date(slotWindow('2027-01-01', DEFAULT[0]!).start).toISOString()).toBe(
      '2027-01-01T01:00:00.000Z',
    );
  });

  it('takes a slot by its key, and the key round-trips', () => {
    expect(slotKey(DEFAULT[1]!)).toBe('13:00-18:00');
    expect(parseSlotKey('13:00-18:00')).toEqual(DEFAULT[1]);
    expect(slotWindow('2026-12-08', '13:00-18:00')).toEqual(slotWindow('2026-12-08', DEFAULT[1]!));
  });

  it('refuses invalid dates and slots', () => {
    expect(() => slotWindow('2026-02-30', DEFAULT[0]!)).toThrow(RangeError);
    expect(() => slotWindow('2027-02-29', DEFAULT[0]!)).toThrow(RangeError);
    expect(() => slotWindow('2026-12-8', DEFAULT[0]!)).toThrow(RangeError);
    expect(() => slotWindow('', DEFAULT[0]!)).toThrow(RangeError);
    expect(() => slotWindow('2026-12-08', { start: '12:00', end: '09:00' })).toThrow(RangeError);
    expect(() => slotWindow('2026-12-08', { start: '09:00', end: '09:00' })).toThrow(RangeError);
    expect(() => slotWindow('2026-12-08', { start: '24:00', end: '25:00' })).toThrow(RangeError);
    expect(() => slotWindow('2026-12-08', { start: '9:00', end: '12:00' })).toThrow(RangeError);
    expect(() => slotWindow('2026-12-08', 'morning')).toThrow(RangeError);
    expect(() => parseSlotKey('09:00-12:00-13:00')).toThrow(RangeError);
    expect(() => businessTimeOf('not a date')).toThrow(RangeError);
  });
});

describe('visit slots in the day', () => {
  it('names the part of the day a slot starts in', () => {
    expect(DEFAULT.map(slotPeriod)).toEqual(['morning', 'afternoon', 'evening']);
    expect(slotPeriod({ start: '11:59', end: '13:00' })).toBe('morning');
    expect(slotPeriod({ start: '17:59', end: '19:00' })).toBe('afternoon');
  });

  it('finds the slot a booked visit falls in, else the nearest start', () => {
    expect(slotAt(DEFAULT, '2026-12-08T13:00:00+08:00')).toEqual(DEFAULT[1]);
    expect(slotAt(DEFAULT, '2026-12-08T02:30:00Z')).toEqual(DEFAULT[0]); // 10:30 Beijing
    expect(slotAt(DEFAULT, '2026-12-08T12:40:00+08:00')).toEqual(DEFAULT[1]); // lunch: nearest start
    expect(slotAt(DEFAULT, '2026-12-08T07:00:00+08:00')).toEqual(DEFAULT[0]);
    expect(slotAt([], '2026-12-08T07:00:00+08:00')).toBeUndefined();
  });

  it('offers only slots that have not started and counts days from the Beijing date', () => {
    const now = new Date('2026-11-24T02:30:00Z'); // 10:30 Beijing
    expect(slotOpen('2026-11-24', DEFAULT[0]!, now)).toBe(false);
    expect(slotOpen('2026-11-24', DEFAULT[1]!, now)).toBe(true);
    // 23:30 UTC on the 24th is already the 25th in Beijing.
    const late = new Date('2026-11-24T23:30:00Z');
    expect(businessTimeOf(late)).toEqual({ day: '2026-11-25', minutes: 7 * 60 + 30 });
    expect(nextBusinessDays(3, late)).toEqual(['2026-11-25', '2026-11-26', '2026-11-27']);
    expect(nextBusinessDays(2, new Date('2026-12-31T10:00:00Z'))).toEqual(['2026-12-31', '2027-01-01']);
  });
});
