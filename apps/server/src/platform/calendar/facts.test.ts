import { describe, expect, it } from 'vitest';
import { calendar, datesBetween } from './test-helpers.ts';
import { HOLIDAY_CN } from './vendored.ts';

/** docs/domain-standards.md §5.4: the published schedules, checked day by day. */
const cal = calendar();
const WEEKDAY = { Sat: 6, Sun: 0 } as const;

interface Period {
  name: string;
  off: [string, string];
  work: [string, keyof typeof WEEKDAY][];
}

const FACTS: Record<number, Period[]> = {
  2024: [
    {
      name: '春节',
      off: ['2024-02-10', '2024-02-17'],
      work: [
        ['2024-02-04', 'Sun'],
        ['2024-02-18', 'Sun'],
      ],
    },
    { name: '清明', off: ['2024-04-04', '2024-04-06'], work: [['2024-04-07', 'Sun']] },
    {
      name: '劳动节',
      off: ['2024-05-01', '2024-05-05'],
      work: [
        ['2024-04-28', 'Sun'],
        ['2024-05-11', 'Sat'],
      ],
    },
    { name: '中秋', off: ['2024-09-15', '2024-09-17'], work: [['2024-09-14', 'Sat']] },
    {
      name: '国庆',
      off: ['2024-10-01', '2024-10-07'],
      work: [
        ['2024-09-29', 'Sun'],
        ['2024-10-12', 'Sat'],
      ],
    },
  ],
  2025: [
    { name: '元旦', off: ['2025-01-01', '2025-01-01'], work: [] },
    {
      name: '春节',
      off: ['2025-01-28', '2025-02-04'],
      work: [
        ['2025-01-26', 'Sun'],
        ['2025-02-08', 'Sat'],
      ],
    },
    { name: '清明', off: ['2025-04-04', '2025-04-06'], work: [] },
    { name: '劳动节', off: ['2025-05-01', '2025-05-05'], work: [['2025-04-27', 'Sun']] },
    { name: '端午', off: ['2025-05-31', '2025-06-02'], work: [] },
    {
      name: '国庆+中秋',
      off: ['2025-10-01', '2025-10-08'],
      work: [
        ['2025-09-28', 'Sun'],
        ['2025-10-11', 'Sat'],
      ],
    },
  ],
  2026: [
    { name: '元旦', off: ['2026-01-01', '2026-01-03'], work: [['2026-01-04', 'Sun']] },
    {
      name: '春节',
      off: ['2026-02-15', '2026-02-23'],
      work: [
        ['2026-02-14', 'Sat'],
        ['2026-02-28', 'Sat'],
      ],
    },
    { name: '清明', off: ['2026-04-04', '2026-04-06'], work: [] },
    { name: '劳动节', off: ['2026-05-01', '2026-05-05'], work: [['2026-05-09', 'Sat']] },
    { name: '端午', off: ['2026-06-19', '2026-06-21'], work: [] },
    { name: '中秋', off: ['2026-09-25', '2026-09-27'], work: [] },
    {
      name: '国庆',
      off: ['2026-10-01', '2026-10-07'],
      work: [
        ['2026-09-20', 'Sun'],
        ['2026-10-10', 'Sat'],
      ],
    },
  ],
};

describe.each(Object.entries(FACTS))('%s schedule (§5.4)', (_year, periods) => {
  it.each(periods)('$name: every day of $off is off', ({ off }) => {
    for (const d of datesBetween(off[0], off[1])) expect([d, cal.isWorkday(d)]).toEqual([d, false]);
  });

  it.each(periods.filter((p) => p.work.length > 0))('$name: 调休 make-up days are workdays', ({ work }) => {
    for (const [d, wd] of work) {
      expect(new Date(`${d}T00:00:00Z`).getUTCDay()).toBe(WEEKDAY[wd]);
      expect(cal.isWorkday(d)).toBe(true);
      expect(cal.dayInfo(d).source).toBe('makeup_workday');
    }
  });
});

describe('the calendar around the facts', () => {
  it('2026 Spring Festival is 9 days, bracketed by the two make-up Saturdays', () => {
    const off = datesBetween('2026-02-14', '2026-02-28').filter((d) => !cal.isWorkday(d));
    expect(off).toEqual(datesBetween('2026-02-15', '2026-02-23'));
    expect(off).toHaveLength(9);
  });

  it('ordinary weekends are off and ordinary weekdays work', () => {
    expect(cal.isWorkday('2025-09-27')).toBe(false); // Saturday next to the 调休 Sunday
    expect(cal.isWorkday('2025-09-29')).toBe(true);
    expect(cal.dayInfo('2025-09-27').source).toBe('weekend');
    expect(cal.dayInfo('2025-09-29')).toMatchObject({ source: 'weekday', name: null, provisional: false });
  });

  it('names the holiday of an off-day', () => {
    expect(cal.dayInfo('2025-10-08')).toMatchObject({
      workday: false,
      source: 'holiday',
      name: '国庆节、中秋节',
    });
  });

  it('第3条 partial holidays (妇女节, 儿童节) do not change working days', () => {
    expect(cal.isWorkday('2024-03-08')).toBe(true);
    expect(cal.isWorkday('2026-06-01')).toBe(true);
  });

  it('applies a notice that reaches into the previous December (元旦 2019)', () => {
    expect(cal.isWorkday('2018-12-29')).toBe(true); // Saturday, 2019 notice
    expect(cal.isWorkday('2018-12-31')).toBe(false); // Monday, 2019 notice
  });

  it('accepts an instant and uses its Shanghai date', () => {
    // 2025-09-30 16:30Z is 10-01 00:30 in Shanghai: National Day.
    expect(cal.isWorkday(new Date('2025-09-30T16:30:00Z'))).toBe(false);
    expect(cal.isWorkday(new Date('2025-09-30T15:59:59Z'))).toBe(true);
  });
});

describe('vendored holiday-cn data', () => {
  it('covers 2007–2026, keeps provenance and leaves the unpublished 2027 out', () => {
    const years = Object.keys(HOLIDAY_CN.years).map(Number);
    expect(years[0]).toBe(2007);
    expect(years.at(-1)).toBe(2026);
    expect(years).toHaveLength(20);
    expect(HOLIDAY_CN.version).toBe('holiday-cn@2026-08-07');
    expect(HOLIDAY_CN.years['2026']?.papers).toEqual([
      'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
    ]);
    for (const y of years) expect(HOLIDAY_CN.rawSha256?.[`${y}.json`]).toMatch(/^[0-9a-f]{64}$/);
  });
});
