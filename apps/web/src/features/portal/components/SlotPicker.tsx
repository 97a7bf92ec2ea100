import { useState } from 'react';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { choiceKey, formatWindow, nextDays, SLOTS, slotOpen, windowOf, type SlotChoice } from '../time.ts';

/**
 * Day chips (next two weeks) and three large slot buttons. With `max` 1 a tap replaces the
 * choice; otherwise taps toggle up to `max` choices, listed below as removable tags.
 */
export function SlotPicker({
  value,
  onChange,
  max,
  testId = 'portal-slot',
}: {
  value: SlotChoice[];
  onChange: (v: SlotChoice[]) => void;
  max: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const days = nextDays(14);
  const firstOpen = days.find((d) => SLOTS.some((s) => slotOpen({ day: d, slot: s.key }))) ?? days[0]!;
  const [day, setDay] = useState<string>(value[0]?.day ?? firstOpen);
  const chosen = new Set(value.map(choiceKey));
  const fmt = { day: t('portal.fmt.day'), time: t('portal.fmt.time') };

  const dayLabel = (d: string, i: number) =>
    i === 0
      ? t('portal.request.today')
      : i === 1
        ? t('portal.request.tomorrow')
        : dayjs(d).format(t('portal.fmt.weekday'));

  const toggle = (c: SlotChoice) => {
    const k = choiceKey(c);
    if (chosen.has(k)) onChange(value.filter((v) => choiceKey(v) !== k));
    else if (max === 1) onChange([c]);
    else if (value.length < max) onChange([...value, c]);
  };

  return (
    <div className="portal-slots">
      <div className="portal-days" role="listbox" aria-label={t('portal.request.when')}>
        {days.map((d, i) => {
          const open = SLOTS.some((s) => slotOpen({ day: d, slot: s.key }));
          return (
            <button
              type="button"
              key={d}
              role="option"
              aria-selected={d === day}
              disabled={!open}
              className={`portal-day${d === day ? ' is-active' : ''}${value.some((v) => v.day === d) ? ' has-choice' : ''}`}
              onClick={() => setDay(d)}
              data-testid={`${testId}-day-${i}`}
            >
              <span className="portal-day__name">{dayLabel(d, i)}</span>
              <span className="portal-day__date">{dayjs(d).format(t('portal.fmt.dayShort'))}</span>
            </button>
          );
        })}
      </div>
      <div className="portal-slot-buttons">
        {SLOTS.map((s) => {
          const c = { day, slot: s.key };
          const on = chosen.has(choiceKey(c));
          return (
            <button
              type="button"
              key={s.key}
              aria-pressed={on}
              disabled={!slotOpen(c) || (!on && max > 1 && value.length >= max)}
              className={`portal-slot${on ? ' is-on' : ''}`}
              onClick={() => toggle(c)}
              data-testid={`${testId}-${s.key}`}
            >
              {t(`portal.request.slots.${s.key}`)}
            </button>
          );
        })}
      </div>
      {max > 1 && value.length > 0 && (
        <div className="portal-slot-chosen">
          {value.map((c) => (
            <Tag key={choiceKey(c)} closable onClose={() => toggle(c)} className="portal-chip">
              {formatWindow(windowOf(c), fmt)}
            </Tag>
          ))}
        </div>
      )}
    </div>
  );
}
