import { useMemo, useState } from 'react';
import { Card, Empty, Flex, Select, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GradingMetric, Scorecard } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { bj } from '../../workorders/index.ts';
import { useHistory, usePolicy } from '../api.ts';
import { CardGrade, GradeTag } from './GradeTag.tsx';
import { MetricOrdersDrawer, type MetricTarget } from './MetricOrdersDrawer.tsx';
import { MetricTiles } from './MetricTiles.tsx';
import { Sparkline } from './Sparkline.tsx';

/** One outlet's scorecards: the chosen month's figures, the trend and the history. */
export function OutletScorecard({ outletId, initialMonth }: { outletId: string; initialMonth?: string }) {
  const { t } = useTranslation();
  const history = useHistory(outletId);
  const policy = usePolicy();
  const items = useMemo(() => history.data?.items ?? [], [history.data]);
  const [month, setMonth] = useState<string | undefined>(initialMonth);
  const [target, setTarget] = useState<MetricTarget | null>(null);
  const card: Scorecard | undefined = items.find((i) => i.month === month) ?? items[0];
  const open = (metric: GradingMetric) =>
    card && setTarget({ outletId, outletName: card.outletName, month: card.month, metric });

  if (history.error) return <ProblemAlert error={history.error} />;
  const h = history.data;
  return (
    <Flex vertical gap={16} data-testid="grading-outlet-card">
      <Card loading={history.isPending} size="small">
        {h && (
          <Flex gap={32} wrap align="center">
            <Flex vertical>
              <Typography.Text type="secondary">{h.outletCode}</Typography.Text>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {h.outletName}
              </Typography.Title>
            </Flex>
            <Statistic
              title={t('grading.currentGrade')}
              valueRender={() => <GradeTag grade={h.currentGrade} testId="grading-current-grade" />}
            />
            {items.length > 0 && (
              <Select
                style={{ width: 140 }}
                aria-label={t('grading.month')}
                value={card?.month}
                onChange={setMonth}
                data-testid="grading-outlet-month"
                options={items.map((i) => ({ value: i.month, label: i.month }))}
              />
            )}
            {card && (
              <>
                <Statistic
                  title={t('grading.columns.score')}
                  value={card.score ?? t('grading.noScore')}
                  precision={card.score === null ? undefined : 1}
                  data-testid="grading-outlet-score"
                />
                <Statistic
                  title={t('grading.columns.grade')}
                  valueRender={() => <CardGrade card={card} minOrders={policy.data?.policy.minOrders} />}
                />
                <Statistic title={t('grading.columns.orders')} value={card.orderCount} />
                <Tag color={card.status === 'final' ? 'green' : 'gold'}>
                  {t(`grading.status.${card.status}`)}
                </Tag>
              </>
            )}
            {items.length > 1 && (
              <Flex vertical>
                <Typography.Text type="secondary">{t('grading.trendTitle')}</Typography.Text>
                <Sparkline
                  values={[...items].reverse().map((i) => i.score)}
                  width={160}
                  height={36}
                  testId="grading-outlet-trend"
                  label={t('grading.trendTitle')}
                />
              </Flex>
            )}
          </Flex>
        )}
      </Card>
      {h && !card && <Empty description={t('grading.emptyOutlet')} />}
      {card && <MetricTiles card={card} onOpen={open} />}
      {items.length > 0 && (
        <Card size="small" title={t('grading.history')}>
          <Table<Scorecard>
            rowKey="month"
            size="small"
            pagination={false}
            dataSource={items}
            onRow={(r) =>
              ({
                'data-testid': `grading-history-${r.month}`,
                onClick: () => setMonth(r.month),
                style: { cursor: 'pointer' },
              }) as never
            }
            columns={[
              { title: t('grading.month'), dataIndex: 'month' },
              {
                title: t('grading.columns.score'),
                dataIndex: 'score',
                render: (s: number | null) => (s === null ? '—' : s.toFixed(1)),
              },
              {
                title: t('grading.columns.grade'),
                render: (_, r) => <CardGrade card={r} minOrders={policy.data?.policy.minOrders} />,
              },
              { title: t('grading.columns.orders'), dataIndex: 'orderCount' },
              {
                title: t('grading.columns.status'),
                dataIndex: 'status',
                render: (s: Scorecard['status'], r) => (
                  <Tag color={s === 'final' ? 'green' : 'gold'}>
                    {t(`grading.status.${s}`)}
                    {r.finalisedAt ? ` ${bj(r.finalisedAt).format('MM-DD')}` : ''}
                  </Tag>
                ),
              },
            ]}
          />
        </Card>
      )}
      <MetricOrdersDrawer target={target} onClose={() => setTarget(null)} />
    </Flex>
  );
}
