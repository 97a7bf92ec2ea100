import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CertStatus } from '@anxin/contracts';

export function OutletStatusTag({ status }: { status: 'active' | 'suspended' }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'active' ? 'green' : 'red'} data-testid={`outlet-status-${status}`}>
      {t(`network.statuses.${status}`)}
    </Tag>
  );
}

const GRADE_COLORS: Record<string, string> = { A: 'gold', B: 'blue', C: 'default', D: 'volcano' };
export function GradeTag({ grade }: { grade: string }) {
  return <Tag color={GRADE_COLORS[grade]}>{grade}</Tag>;
}

export function CertTag({ status }: { status: CertStatus | null }) {
  const { t } = useTranslation();
  if (!status) return null;
  const color = status === 'expired' ? 'red' : status === 'expiring' ? 'orange' : 'green';
  return <Tag color={color}>{t(`network.certStatuses.${status}`)}</Tag>;
}

export const pct = (r: number | null | undefined) =>
  r === null || r === undefined ? '—' : `${Math.round(r * 1000) / 10}%`;
