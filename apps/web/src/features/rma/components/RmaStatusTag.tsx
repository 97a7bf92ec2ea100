import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RmaStatus } from '@anxin/contracts';

const COLOR: Record<RmaStatus, string> = {
  requested: 'default',
  override_pending: 'orange',
  eligible: 'blue',
  inspecting: 'geekblue',
  approved: 'cyan',
  rejected: 'red',
  in_logistics: 'purple',
  refunded: 'green',
  exchanged: 'green',
  closed: 'default',
};

export function RmaStatusTag({ status }: { status: RmaStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status]} data-testid="rma-status">
      {t(`rma.status.${status}`)}
    </Tag>
  );
}
