import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeliveryStatus } from '@anxin/contracts';

const COLOR: Record<DeliveryStatus, string> = {
  booked: 'blue',
  departed: 'processing',
  delivered: 'green',
  exception: 'red',
  handed_to_rma: 'orange',
  voucher_returned: 'cyan',
  closed: 'default',
};

export function DeliveryStatusTag({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status]} data-testid={`delivery-status-${status}`}>
      {t(`delivery.status.${status}`)}
    </Tag>
  );
}
