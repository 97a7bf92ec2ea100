import { Empty, Flex, Skeleton, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { bj } from '../time.ts';
import { Link } from 'react-router-dom';
import { isStatusIn, type WorkOrderSummary } from '@anxin/contracts';
import { useWorkOrders } from '../api.ts';
import { CLOSED_STATUSES, OPEN_STATUSES } from '../vocab.ts';
import { SlaTag, StatusTag, TypeTag } from './Tags.tsx';

function OrderRows({ items, loading }: { items: WorkOrderSummary[]; loading: boolean }) {
  const { t } = useTranslation();
  return loading ? (
    <Skeleton active paragraph={{ rows: 2 }} title={false} />
  ) : items.length === 0 ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workorders.history.none')} />
  ) : (
    <Flex vertical className="anxin-order-rows">
      {items.map((o) => (
        <Flex
          key={o.id}
          justify="space-between"
          align="center"
          gap={8}
          className="anxin-order-rows__row"
          data-testid="customer-order-row"
        >
          <Space size={8} wrap>
            <Link to={`/workorders/${o.id}`} className="anxin-mono">
              {o.number}
            </Link>
            <TypeTag type={o.type} />
            <StatusTag status={o.status} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {bj(o.createdAt).format('YYYY-MM-DD')}
              {o.product ? ` · ${o.product.serial}` : ''}
            </Typography.Text>
          </Space>
          {!isStatusIn(CLOSED_STATUSES, o.status) && <SlaTag state={o.slaState} dueAt={o.slaDueAt} compact />}
        </Flex>
      ))}
    </Flex>
  );
}

/** A customer's open and past orders (agent console). */
export function CustomerOrders({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const open = useWorkOrders({ customerId, status: OPEN_STATUSES }, 10);
  const past = useWorkOrders({ customerId, status: CLOSED_STATUSES }, 10);
  const openItems = open.data?.pages.flatMap((p) => p.items) ?? [];
  const pastItems = past.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Tabs
      size="small"
      data-testid="customer-orders"
      items={[
        {
          key: 'open',
          label: t('workorders.history.open', {
            count: open.hasNextPage ? `${openItems.length}+` : openItems.length,
          }),
          children: <OrderRows items={openItems} loading={open.isPending} />,
        },
        {
          key: 'past',
          label: t('workorders.history.past', {
            count: past.hasNextPage ? `${pastItems.length}+` : pastItems.length,
          }),
          children: <OrderRows items={pastItems} loading={past.isPending} />,
        },
      ]}
    />
  );
}
