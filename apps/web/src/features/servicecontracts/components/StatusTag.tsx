import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ServiceContractStatus } from '@anxin/contracts';

const COLORS: Record<ServiceContractStatus, string> = {
  draft: 'default',
  active: 'green',
  expired: 'orange',
  cancelled: 'red',
};

export function StatusTag({ status }: { status: ServiceContractStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`servicecontracts.statuses.${status}`)}</Tag>;
}
