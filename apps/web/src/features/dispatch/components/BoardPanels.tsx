import { Alert, Empty, Flex, List, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { BoardResponse, BulkDispatchResult, Offer, OutletLoad } from '@anxin/contracts';
import { bj } from '../../workorders/index.ts';
import { bulkCounts, byLoad } from '../board/rules.ts';
import { DueCountdown } from './Countdown.tsx';

/** Each outlet's open orders against its daily capacity, busiest first. */
export function OutletLoadList({ outlets }: { outlets: readonly OutletLoad[] }) {
  const { t } = useTranslation();
  if (!outlets.length) return <Empty description={t('dispatch.outlets.empty')} />;
  return (
    <List
      size="small"
      dataSource={byLoad(outlets)}
      style={{ maxHeight: 420, overflowY: 'auto' }}
      renderItem={(o) => (
        <List.Item data-testid={`dispatch-outlet-${o.code}`} style={{ display: 'block' }}>
          <Flex justify="space-between" align="center" gap={8}>
            <Typography.Text ellipsis style={{ maxWidth: 180 }}>
              {o.name}
            </Typography.Text>
            <Flex gap={4}>
              <Tag style={{ marginInlineEnd: 0 }}>{o.grade}</Tag>
              <Tag color={o.status === 'active' ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>
                {t(`dispatch.outlets.${o.status}`)}
              </Tag>
            </Flex>
          </Flex>
          <Progress
            percent={Math.min(100, o.loadPercent)}
            status={o.loadPercent >= 100 ? 'exception' : 'normal'}
            size="small"
            format={() => `${o.loadPercent}%`}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dispatch.outlets.open', { open: o.open, capacity: o.capacity })}
            {o.pendingOffers ? ` · ${t('dispatch.outlets.pending', { count: o.pendingOffers })}` : ''}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

/** Offers waiting for an outlet's answer, with the time left. */
export function PendingOffersList({ offers }: { offers: readonly Offer[] }) {
  const { t } = useTranslation();
  if (!offers.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dispatch.offers.empty')} />;
  return (
    <List
      size="small"
      dataSource={[...offers]}
      style={{ maxHeight: 320, overflowY: 'auto' }}
      renderItem={(o) => (
        <List.Item data-testid={`dispatch-offer-${o.order?.number ?? o.id}`}>
          <Flex vertical style={{ width: '100%' }}>
            <Flex justify="space-between">
              {o.order ? <Link to={`/workorders/${o.orderId}`}>{o.order.number}</Link> : '—'}
              <DueCountdown dueAt={o.dueAt} />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {o.outlet.name} · {t('dispatch.offers.due', { at: bj(o.dueAt).format('MM-DD HH:mm') })}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** The outcome of a bulk dispatch: how many went out, and why each failure failed (translated). */
export function BulkResultAlert({
  result,
  numberOf,
  onClose,
}: {
  result: BulkDispatchResult;
  numberOf: (orderId: string) => string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const counts = bulkCounts(result);
  const failed = result.results.filter((r) => !r.ok);
  return (
    <Alert
      data-testid="dispatch-bulk-result"
      style={{ marginBottom: 12 }}
      type={counts.failed === 0 ? 'success' : 'warning'}
      showIcon
      closable
      onClose={onClose}
      title={t('dispatch.bulk.result', counts)}
      description={
        failed.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {failed.map((r) => (
              <li key={r.orderId}>
                {t('dispatch.bulk.failedItem', {
                  number: numberOf(r.orderId),
                  reason:
                    r.error === 'no_eligible_outlet'
                      ? t('dispatch.errors.no_eligible_outlet')
                      : t(`errors.${r.error}`, { defaultValue: r.error ?? '' }),
                })}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

/**
 * Live counts beside the queue: orders registered but not yet queued (portal and API orders wait
 * in 新建) link to their list; orders outlets sent back are in the queue itself.
 */
export function WaitingCounts({ waiting }: { waiting: BoardResponse['waiting'] | undefined }) {
  const { t } = useTranslation();
  if (!waiting) return null;
  return (
    <Space size={4}>
      <Link to="/workorders?status=new,accepted" data-testid="dispatch-waiting-new">
        <Tag color={waiting.newOrders ? 'blue' : 'default'} style={{ cursor: 'pointer', marginInlineEnd: 0 }}>
          {t('dispatch.waiting.new', { count: waiting.newOrders })}
        </Tag>
      </Link>
      <Tag color={waiting.returned ? 'orange' : 'default'} data-testid="dispatch-waiting-returned">
        {t('dispatch.waiting.returned', { count: waiting.returned })}
      </Tag>
    </Space>
  );
}
