import { Card, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useOrderWarranty } from '../api.ts';
import { WarrantyPanel } from './WarrantyPanel.tsx';

/** 三包 on the work-order page: the order's product judged on the order's date. */
export function OrderWarrantyCard({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const q = useOrderWarranty(orderId);
  return (
    <Card size="small" title={t('warranty.panel.title')} data-testid="order-warranty">
      {q.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : q.isError ? (
        <ProblemAlert error={q.error} />
      ) : q.data.evaluation ? (
        <WarrantyPanel evaluation={q.data.evaluation} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('warranty.panel.noProduct')} />
      )}
    </Card>
  );
}
