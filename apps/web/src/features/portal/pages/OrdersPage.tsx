import { Button, Empty, Skeleton, Typography } from 'antd';
import { CalendarOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { bj } from '../../workorders/index.ts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CLOSED_STATUSES, isStatusIn } from '@anxin/contracts';
import { LazyProblemAlert } from '../../../components/LazyProblemAlert.tsx';
import { useOrders } from '../api.ts';
import { StatusChip } from '../components/StatusChip.tsx';
import { formatWindow } from '../time.ts';

const TYPES = ['repair', 'install', 'maintenance', 'consult', 'complaint', 'return'] as const;
const typeKey = (t: string) =>
  (TYPES as readonly string[]).includes(t) ? (t as (typeof TYPES)[number]) : 'repair';

export default function OrdersPage() {
  const { t } = useTranslation();
  const orders = useOrders();
  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];
  const fmt = { day: t('portal.fmt.day'), time: t('portal.fmt.time') };

  return (
    <div className="portal-page">
      <div className="portal-page__head">
        <Typography.Title level={3}>{t('portal.orders.heading')}</Typography.Title>
        <Button
          type="text"
          icon={<ReloadOutlined />}
          aria-label={t('portal.orders.refresh')}
          loading={orders.isRefetching}
          onClick={() => void orders.refetch()}
          className="portal-icon-btn"
        />
      </div>
      {orders.error && <LazyProblemAlert error={orders.error} />}
      {orders.isPending && <Skeleton active />}
      {!orders.isPending && items.length === 0 && !orders.error && (
        <div className="portal-card portal-empty">
          <Empty
            description={
              <>
                <div>{t('portal.orders.empty')}</div>
                <Typography.Text type="secondary">{t('portal.orders.emptyHint')}</Typography.Text>
              </>
            }
          />
        </div>
      )}
      <div className="portal-list">
        {items.map((o) => (
          <Link
            key={o.id}
            to={`/portal/orders/${encodeURIComponent(o.id)}`}
            className="portal-card portal-order"
            data-testid="portal-order-item"
            data-order-id={o.id}
          >
            <div className="portal-order__top">
              <span className="portal-order__type">{t(`portal.type.${typeKey(o.type)}`)}</span>
              <StatusChip status={o.status} />
            </div>
            {o.product && (
              <div className="portal-order__product">
                {o.product.brand} · <span className="portal-mono">{o.product.serial}</span>
              </div>
            )}
            {o.appointment && !isStatusIn(CLOSED_STATUSES, o.status) && (
              <div className="portal-order__appt">
                <CalendarOutlined />{' '}
                {t('portal.orders.appointment', { window: formatWindow(o.appointment, fmt) })}
              </div>
            )}
            <div className="portal-order__foot">
              <span className="portal-mono">{o.number}</span>
              <span>
                {t('portal.orders.created', { date: bj(o.createdAt).format(`${fmt.day} ${fmt.time}`) })}{' '}
                <RightOutlined />
              </span>
            </div>
          </Link>
        ))}
      </div>
      {orders.hasNextPage && (
        <Button
          block
          size="large"
          onClick={() => void orders.fetchNextPage()}
          loading={orders.isFetchingNextPage}
          style={{ marginTop: 12 }}
        >
          {t('portal.orders.more')}
        </Button>
      )}
    </div>
  );
}
