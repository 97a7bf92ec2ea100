import { Link } from 'react-router-dom';
import { Drawer, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GradingMetric, MetricOrder } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { StatusTag, bj } from '../../workorders/index.ts';
import { useMetricOrders } from '../api.ts';

export interface MetricTarget {
  outletId: string;
  outletName: string;
  month: string;
  metric: GradingMetric;
}

/** Reason codes come from the server; unknown ones fall back to the code itself. */
const reasonKey = (r: string) => `grading.reasons.${r}` as 'grading.reasons.on_time';
const fmt = (iso: string | null) => (iso ? bj(iso).format('MM-DD HH:mm') : '—');

/** The orders behind one figure of a scorecard, each linking to the order. */
export function MetricOrdersDrawer({
  target,
  onClose,
}: {
  target: MetricTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const q = useMetricOrders(
    target ? { outletId: target.outletId, month: target.month, metric: target.metric } : null,
  );
  const data = q.data;
  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={
        target &&
        `${target.outletName} · ${t('grading.drawer.title', {
          metric: t(`grading.metrics.${target.metric}`),
          month: target.month,
        })}`
      }
      data-testid="grading-orders-drawer"
    >
      {target && (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t(`grading.metricHints.${target.metric}`)}</Typography.Text>
          {data && (
            <Typography.Text strong data-testid="grading-orders-summary">
              {t('grading.drawer.summary', { numerator: data.numerator, denominator: data.denominator })}
            </Typography.Text>
          )}
          <ProblemAlert error={q.error} />
          <Table<MetricOrder>
            rowKey={(r) => `${r.orderId ?? ''}:${r.refId ?? ''}:${r.reason}`}
            size="small"
            loading={q.isLoading}
            dataSource={data?.items ?? []}
            pagination={data && data.items.length > 50 ? { pageSize: 50 } : false}
            locale={{ emptyText: t('grading.drawer.empty') }}
            onRow={(r) => ({ 'data-testid': `grading-order-${r.orderNumber ?? r.refId}` }) as never}
            columns={[
              {
                title: t('grading.drawer.number'),
                dataIndex: 'orderNumber',
                render: (n: string | null, r) =>
                  r.orderId && n ? (
                    <Link to={`/workorders/${r.orderId}`} data-testid={`grading-order-link-${n}`}>
                      {n}
                    </Link>
                  ) : (
                    <Typography.Text type="secondary">{t('grading.drawer.noOrder')}</Typography.Text>
                  ),
              },
              {
                title: t('grading.drawer.status'),
                dataIndex: 'orderStatus',
                render: (s: string | null) => (s ? <StatusTag status={s} /> : '—'),
              },
              {
                title: t('grading.drawer.counts'),
                dataIndex: 'hit',
                render: (hit: boolean) => (
                  <Tag color={hit ? 'blue' : 'default'}>
                    {t(hit ? 'grading.drawer.hit' : 'grading.drawer.miss')}
                  </Tag>
                ),
              },
              {
                title: t('grading.drawer.reason'),
                dataIndex: 'reason',
                render: (r: string) => t(reasonKey(r), { defaultValue: r }),
              },
              { title: t('grading.drawer.at'), dataIndex: 'at', render: fmt },
              { title: t('grading.drawer.due'), dataIndex: 'dueAt', render: fmt },
            ]}
          />
        </Flex>
      )}
    </Drawer>
  );
}
