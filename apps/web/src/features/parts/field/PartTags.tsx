import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PartPayer, PartRequestStatus, PartUsageStatus } from '@anxin/contracts';

const REQUEST_COLOR: Record<PartRequestStatus, string> = {
  pending_approval: 'gold',
  approved: 'blue',
  rejected: 'red',
  shipped: 'cyan',
  received: 'green',
  cancelled: 'default',
};
const USAGE_COLOR: Record<PartUsageStatus, string> = {
  reserved: 'blue',
  consumed: 'green',
  released: 'default',
};

export function RequestStatusTag({ status }: { status: PartRequestStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={REQUEST_COLOR[status]} data-testid={`request-status-${status}`}>
      {t(`parts.requestStatuses.${status}`)}
    </Tag>
  );
}

export function UsageStatusTag({ status }: { status: PartUsageStatus }) {
  const { t } = useTranslation();
  return <Tag color={USAGE_COLOR[status]}>{t(`parts.usageStatuses.${status}`)}</Tag>;
}

export function PayerTag({ payer }: { payer: PartPayer }) {
  const { t } = useTranslation();
  return <Tag color={payer === 'customer' ? 'orange' : 'default'}>{t(`parts.payers.${payer}`)}</Tag>;
}
