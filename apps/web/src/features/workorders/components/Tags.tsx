import { Tag } from 'antd';
import {
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  QuestionCircleOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { bj } from '../time.ts';
import dayjs from 'dayjs';
import type { SlaState, Urgency, WorkOrderStatusName, WorkOrderType } from '@anxin/contracts';
import { SLA_COLOR, STATUS_COLOR, TYPE_COLOR, URGENCY_COLOR } from '../vocab.ts';

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={STATUS_COLOR[status as WorkOrderStatusName] ?? 'default'}
      data-testid="wo-status"
      data-status={status}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`workorders.status.${status as WorkOrderStatusName}`, { defaultValue: status })}
    </Tag>
  );
}

export function TypeTag({ type }: { type: string }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={TYPE_COLOR[type as WorkOrderType] ?? 'default'}
      variant="outlined"
      style={{ marginInlineEnd: 0 }}
    >
      {t(`workorders.types.${type as WorkOrderType}`, { defaultValue: type })}
    </Tag>
  );
}

export function UrgencyTag({ urgency }: { urgency: string }) {
  const { t } = useTranslation();
  if (urgency === 'normal') return null;
  return (
    <Tag color={URGENCY_COLOR[urgency as Urgency]} style={{ marginInlineEnd: 0 }}>
      {t(`workorders.urgency.${urgency as Urgency}`)}
    </Tag>
  );
}

/** "2 h 15 min" / "3 d 4 h" for a span of minutes (absolute value). */
export function formatSpan(t: TFunction, minutes: number): string {
  const m = Math.abs(Math.round(minutes));
  if (m < 60) return t('workorders.span.minutes', { m });
  const h = Math.floor(m / 60);
  if (h < 24) return t('workorders.span.hours', { h, m: m % 60 });
  return t('workorders.span.days', { d: Math.floor(h / 24), h: h % 24 });
}

export function remainingText(t: TFunction, dueAt: string, now = dayjs()): string {
  const mins = dayjs(dueAt).diff(now, 'minute');
  return mins >= 0
    ? t('workorders.sla.remaining', { span: formatSpan(t, mins) })
    : t('workorders.sla.overdue', { span: formatSpan(t, mins) });
}

const SLA_ICON: Record<SlaState, ReactNode> = {
  on_track: <ClockCircleOutlined />,
  at_risk: <WarningOutlined />,
  breached: <ExclamationCircleOutlined />,
  unknown: <QuestionCircleOutlined />,
};

// The deadline hint on hover: Ant Design's Tooltip (and its popup engine) comes later, on its own,
// so the technician's job list (which shows no hint: a tap opens the job) does without it.
const SlaHint = lazy(() => import('./SlaHint.tsx'));

/** The order's SLA state with its nearest deadline; `hint={false}`: no hover hint (phone lists). */
export function SlaTag({
  state,
  dueAt,
  compact = false,
  hint = true,
}: {
  state: SlaState;
  dueAt: string | null;
  compact?: boolean;
  hint?: boolean;
}) {
  const { t } = useTranslation();
  const tag = (
    <Tag
      color={SLA_COLOR[state]}
      icon={SLA_ICON[state]}
      data-testid="wo-sla"
      data-state={state}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`workorders.sla.states.${state}`)}
      {!compact && dueAt ? ` · ${bj(dueAt).format('MM-DD HH:mm')}` : ''}
    </Tag>
  );
  return dueAt && hint ? (
    <Suspense fallback={tag}>
      <SlaHint
        title={`${t('workorders.sla.due', { at: bj(dueAt).format('YYYY-MM-DD HH:mm') })} · ${remainingText(t, dueAt)}`}
      >
        {tag}
      </SlaHint>
    </Suspense>
  ) : (
    tag
  );
}

export function formatWindow(w: { start: string; end: string } | null | undefined): string {
  if (!w) return '—';
  const s = bj(w.start);
  const e = bj(w.end);
  return s.isSame(e, 'day')
    ? `${s.format('YYYY-MM-DD HH:mm')}–${e.format('HH:mm')}`
    : `${s.format('YYYY-MM-DD HH:mm')} – ${e.format('YYYY-MM-DD HH:mm')}`;
}
