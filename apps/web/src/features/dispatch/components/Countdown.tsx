import { Tag } from 'antd';
import {
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  QuestionCircleOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaState } from '@anxin/contracts';
import { useNow } from './ticker.ts';

/** "1:05:09" / "2 d 03:04:05" for a span of milliseconds (absolute value). */
export function clockText(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86_400);
  const hh = Math.floor((s % 86_400) / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  const clock = `${hh}:${mm}:${ss}`;
  return d ? `${d}d ${clock}` : clock;
}

const COLOR: Record<SlaState, string> = {
  on_track: 'green',
  at_risk: 'orange',
  breached: 'red',
  unknown: 'purple',
};
const ICON: Record<SlaState, ReactNode> = {
  on_track: <ClockCircleOutlined />,
  at_risk: <WarningOutlined />,
  breached: <ExclamationCircleOutlined />,
  // No calendar data: the deadline cannot be computed (fails closed, administrators are told).
  unknown: <QuestionCircleOutlined />,
};

/** A live SLA clock: the state's colour, time left (or over) to the nearest deadline, every second. */
export function SlaCountdown({ state, dueAt }: { state: SlaState; dueAt: string | null }) {
  const { t } = useTranslation();
  const now = useNow();
  if (!dueAt)
    return (
      <Tag color={COLOR[state]} icon={ICON[state]} data-testid="dispatch-sla" data-state={state}>
        {state === 'unknown' ? t('workorders.sla.states.unknown') : t('dispatch.countdown.none')}
      </Tag>
    );
  const left = Date.parse(dueAt) - now;
  const shown: SlaState = left < 0 ? 'breached' : state;
  return (
    <Tag
      color={COLOR[shown]}
      icon={ICON[shown]}
      data-testid="dispatch-sla"
      data-state={shown}
      style={{ fontVariantNumeric: 'tabular-nums', marginInlineEnd: 0 }}
    >
      {t(left >= 0 ? 'dispatch.countdown.left' : 'dispatch.countdown.over', { span: clockText(left) })}
    </Tag>
  );
}

/** Time left to an offer's acceptance deadline. */
export function DueCountdown({ dueAt }: { dueAt: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const left = Date.parse(dueAt) - now;
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums', color: left < 0 ? '#cf1322' : undefined }}>
      {t(left >= 0 ? 'dispatch.countdown.left' : 'dispatch.countdown.over', { span: clockText(left) })}
    </span>
  );
}
