import { useState } from 'react';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  nextBusinessDays,
  slotKey,
  slotLabel,
  slotOpen,
  slotPeriod,
  useVisitSlots,
  type VisitSlot,
} from '../../workorders/index.ts';
import { choiceKey, formatWindow, windowOf, type SlotChoice } from '../time.ts';

/** A slot's test id suffix: its period (`morning`), numbered when the period offers several. */
const testSuffix = (slots: readonly VisitSlot[], i: number): string => {
  const p = slotPeriod(slots[i]!);
  const same = slots.filter((s) => slotPeriod(s) === p);
  return same.length === 1 ? p : `${p}-${same.indexOf(slots[i]!) + 1}`;
};

/**
 * Day chips (next two weeks, Beijing dates) and one large button per offered visit slot. With `max` 1 a tap replaces the
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
  const { slots } = useVisitSlots({ portal: true });
  const now = new Date();
  const days = nextBusinessDays(14, now);
  const anyOpen = (d: string) => slots.some((s) => slotOpen(d, s, now));
  const firstOpen = days.find(anyOpen) ?? days[0]!;
  const [picked, setDay] = useState<string | null>(value[0]?.day ?? null);
  // Until the customer taps a day, follow the first day with an open slot (the slots load async).
  const day = picked ?? firstOpen;
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
          const open = anyOpen(d);
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
        {slots.map((s, i) => {
          const c = { day, slot: slotKey(s) };
          const on = chosen.has(choiceKey(c));
          return (
            <button
              type="button"
              key={c.slot}
              aria-pressed={on}
              disabled={!slotOpen(day, s, now) || (!on && max > 1 && value.length >= max)}
              className={`portal-slot${on ? ' is-on' : ''}`}
              onClick={() => toggle(c)}
              data-testid={`${testId}-${testSuffix(slots, i)}`}
            >
              {slotLabel(t, s)}
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
