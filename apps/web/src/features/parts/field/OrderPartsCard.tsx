import { Card, Empty, Skeleton, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { bj } from '../../workorders/index.ts';
import { useOrderParts, type PartRequest, type PartUsage } from '../api/field.ts';
import { yuan } from './money.ts';
import { PayerTag, RequestStatusTag, UsageStatusTag } from './PartTags.tsx';

/** 备件 on the work-order page (desktop): the order's part usages and requests; needs parts:read. */
export function OrderPartsCard({ orderId }: { orderId: string }) {
  const me = useSession();
  if (!me.permissions.includes('parts:read')) return null;
  return <OrderParts orderId={orderId} />;
}

function OrderParts({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const parts = useOrderParts(orderId);
  const usages = parts.data?.usages ?? [];
  const requests = parts.data?.requests ?? [];
  return (
    <Card
      size="small"
      title={t('parts.field.card.title')}
      data-testid="order-parts"
      extra={
        parts.data && parts.data.customerPaidFen > 0 ? (
          <Typography.Text data-testid="order-parts-customer">
            {t('parts.field.card.customerPaid', { amount: yuan(parts.data.customerPaidFen) })}
          </Typography.Text>
        ) : null
      }
    >
      {parts.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : parts.isError ? (
        <ProblemAlert error={parts.error} />
      ) : usages.length === 0 && requests.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('parts.field.card.empty')} />
      ) : (
        <>
          {usages.length > 0 && (
            <Table<PartUsage>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={usages}
              data-testid="order-parts-usages"
              scroll={{ x: 640 }}
              columns={[
                {
                  title: t('parts.fields.item'),
                  key: 'item',
                  render: (_, u) => (
                    <>
                      {u.itemName} <Typography.Text type="secondary">{u.itemCode}</Typography.Text>
                    </>
                  ),
                },
                { title: t('parts.fields.qty'), dataIndex: 'qty', width: 64, align: 'right' },
                {
                  title: t('parts.fields.payer'),
                  key: 'payer',
                  width: 120,
                  render: (_, u) => (
                    <>
                      <PayerTag payer={u.paidBy} />
                      {u.paidBy === 'customer' && `¥${yuan(u.unitPriceFen * u.qty)}`}
                    </>
                  ),
                },
                {
                  title: t('parts.fields.status'),
                  key: 'status',
                  width: 90,
                  render: (_, u) => <UsageStatusTag status={u.status} />,
                },
                {
                  title: t('parts.field.card.serials'),
                  key: 'serials',
                  width: 180,
                  render: (_, u) =>
                    u.newSerial || u.oldSerial ? (
                      <Typography.Text style={{ fontSize: 12 }}>
                        {u.newSerial && <div>{`${t('parts.field.card.newShort')} ${u.newSerial}`}</div>}
                        {u.oldSerial && <div>{`${t('parts.field.card.oldShort')} ${u.oldSerial}`}</div>}
                      </Typography.Text>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          )}
          {requests.length > 0 && (
            <Table<PartRequest>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={requests}
              data-testid="order-parts-requests"
              style={{ marginTop: usages.length ? 12 : 0 }}
              scroll={{ x: 640 }}
              columns={[
                { title: t('parts.field.card.requestNo'), dataIndex: 'number', width: 140 },
                {
                  title: t('parts.fields.item'),
                  key: 'lines',
                  render: (_, r) => r.lines.map((l) => `${l.itemName} × ${l.qty}`).join('、'),
                },
                {
                  title: t('parts.fields.status'),
                  key: 'status',
                  width: 90,
                  render: (_, r) => <RequestStatusTag status={r.status} />,
                },
                {
                  title: t('parts.fields.trackingNo'),
                  key: 'tracking',
                  width: 160,
                  render: (_, r) => (r.trackingNo ? `${r.carrier ?? ''} ${r.trackingNo}`.trim() : '—'),
                },
                {
                  title: t('parts.fields.createdAt'),
                  key: 'createdAt',
                  width: 120,
                  render: (_, r) => bj(r.createdAt).format('MM-DD HH:mm'),
                },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}
