import { memo } from 'react';
import { Card, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { CalendarDay } from '../api.ts';

/** Visual class of a day: what the colour means, in the legend's order. */
export type DayKind =
  'workday' | 'weekend' | 'holiday' | 'makeup' | 'override_work' | 'override_off' | 'provisional';

export function kindOf(d: CalendarDay): DayKind {
  if (d.source === 'override') return d.workday ? 'override_work' : 'override_off';
  if (d.source === 'holiday') return 'holiday';
  if (d.source === 'provisional_holiday') return 'provisional';
  if (d.source === 'makeup_workday') return 'makeup';
  return d.workday ? 'workday' : 'weekend';
}

export const DAY_KINDS: DayKind[] = [
  'workday',
  'weekend',
  'holiday',
  'makeup',
  'provisional',
  'override_work',
  'override_off',
];

interface Props {
  year: number;
  days: CalendarDay[];
  today: string;
  onPick?: (day: CalendarDay) => void;
}

/** Twelve month grids (Monday first); every day is a button when `onPick` is given. */
export const YearGrid = memo(function YearGrid({ year, days, today, onPick }: Props) {
  const { t } = useTranslation();
  const byDate = new Map(days.map((d) => [d.date, d]));
  const weekdays = t('calendar.weekdaysShort').split(',');
  return (
    <div className="anxin-cal-year" data-testid="calendar-year-grid">
      {Array.from({ length: 12 }, (_, m) => {
        const first = dayjs(new Date(year, m, 1));
        const lead = (first.day() + 6) % 7; // Monday = 0
        const count = first.daysInMonth();
        return (
          <Card
            key={m}
            size="small"
            className="anxin-cal-month"
            title={first.format(t('calendar.monthFormat'))}
          >
            <div className="anxin-cal-grid" role="grid" aria-label={first.format(t('calendar.monthFormat'))}>
              {weekdays.map((w, i) => (
                <div
                  key={w}
                  className={`anxin-cal-wd${i >= 5 ? ' anxin-cal-wd--weekend' : ''}`}
                  role="columnheader"
                >
                  {w}
                </div>
              ))}
              {Array.from({ length: lead }, (_, i) => (
                <div key={`lead-${i}`} aria-hidden="true" />
              ))}
              {Array.from({ length: count }, (_, i) => {
                const date = first.date(i + 1).format('YYYY-MM-DD');
                const day = byDate.get(date);
                if (!day)
                  return (
                    <div key={date} className="anxin-cal-day">
                      {i + 1}
                    </div>
                  );
                const kind = kindOf(day);
                const label = `${date} · ${t(`calendar.kinds.${kind}`)}${day.name ? ` · ${day.name}` : ''}`;
                const cell = (
                  <button
                    key={date}
                    type="button"
                    className={`anxin-cal-day anxin-cal-day--${kind}${date === today ? ' anxin-cal-day--today' : ''}`}
                    aria-label={label}
                    data-testid={`calendar-day-${date}`}
                    data-kind={kind}
                    disabled={!onPick}
                    onClick={() => onPick?.(day)}
                  >
                    {i + 1}
                    {kind === 'makeup' || kind === 'override_work' ? (
                      <span className="anxin-cal-day__mark">{t('calendar.workMark')}</span>
                    ) : null}
                    {kind === 'holiday' || kind === 'provisional' || kind === 'override_off' ? (
                      <span className="anxin-cal-day__mark">{t('calendar.offMark')}</span>
                    ) : null}
                  </button>
                );
                return day.name || kind.startsWith('override') ? (
                  <Tooltip key={date} title={label} mouseEnterDelay={0.2}>
                    {cell}
                  </Tooltip>
                ) : (
                  cell
                );
              })}
            </div>
          </Card>
        );
      })}
    </div>
  );
});
