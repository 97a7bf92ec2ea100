import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintSeverity, ComplaintStatus } from '@anxin/contracts';

const SEVERITY_COLOR: Record<ComplaintSeverity, string> = {
  low: 'default',
  normal: 'blue',
  high: 'orange',
  critical: 'red',
};
const STATUS_COLOR: Record<ComplaintStatus, string> = {
  registered: 'gold',
  acknowledged: 'blue',
  investigating: 'purple',
  resolved: 'cyan',
  closed: 'green',
};

export function SeverityTag({ severity }: { severity: ComplaintSeverity }) {
  const { t } = useTranslation();
  return <Tag color={SEVERITY_COLOR[severity]}>{t(`complaints.severities.${severity}`)}</Tag>;
}

export function StatusTag({ status, testId }: { status: ComplaintStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid={testId} data-status={status}>
      {t(`complaints.statuses.${status}`)}
    </Tag>
  );
}
