import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { App, Button, DatePicker, Empty, Flex, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, CalculatorOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { GRADING_METRICS, type GradingMetric, type Scorecard, type ScorecardList } from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { bj } from '../../workorders/index.ts';
import { useFinalise, useMonths, usePolicy, useRun, useScorecards } from '../api.ts';
import { CardGrade } from '../components/GradeTag.tsx';
import { MetricOrdersDrawer, type MetricTarget } from '../components/MetricOrdersDrawer.tsx';
import { OutletScorecard } from '../components/OutletScorecard.tsx';
import { settingHref } from '../../settings/index.ts';
import { Sparkline } from '../components/Sparkline.tsx';

const STATUS_COLOR: Record<ScorecardList['status'], string> = {
  none: 'default',
  draft: 'gold',
  final: 'green',
  mixed: 'orange',
};
const TREND_MONTHS = 6;

/** The month the managers usually look at: the previous one in business time. */
const defaultMonth = () => bj(dayjs().toISOString()).subtract(1, 'month').format('YYYY-MM');
const monthsUpTo = (month: string, n: number) =>
  Array.from({ length: n }, (_, i) =>
    dayjs(`${month}-01`)
      .subtract(n - 1 - i, 'month')
      .format('YYYY-MM'),
  );

/** 网点评级: managers and quality see every outlet; an outlet manager sees their own scorecard. */
export default function GradingPage() {
  const { t } = useTranslation();
  const me = useSession();
  if (me.scope.level === 'outlet' && me.scope.outletId)
    return (
      <Flex vertical gap={16}>
        <PageHeader title={t('grading.myTitle')} description={t('grading.myDescription')} />
        <OutletScorecard outletId={me.scope.outletId} />
      </Flex>
    );
  return <AllOutlets />;
}

function AllOutlets() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const canManage = me.permissions.includes('grading:manage');
  const [month, setMonth] = useState(defaultMonth);
  const [target, setTarget] = useState<MetricTarget | null>(null);
  const navigate = useNavigate();
  const list = useScorecards(month);
  const policy = usePolicy();
  const run = useRun();
  const finalise = useFinalise();
  const trendMonths = useMemo(() => monthsUpTo(month, TREND_MONTHS), [month]);
  const trend = useMonths(trendMonths);
  const trendOf = (outletId: string) =>
    trend.map((q) => q.data?.items.find((i) => i.outletId === outletId)?.score ?? null);
  const status = list.data?.status ?? 'none';
  const items = list.data?.items ?? [];
  const thisMonth = bj(dayjs().toISOString()).format('YYYY-MM');

  const onRun = () =>
    run.mutate(month, {
      onSuccess: (r) => void message.success(t('grading.computed', { count: r.computed })),
    });
  const onFinalise = () =>
    finalise.mutate(month, {
      onSuccess: (r) =>
        void message.success(t('grading.finalised', { count: r.finalised, changed: r.gradesChanged.length })),
    });

  const metricColumn = (metric: GradingMetric) => ({
    key: metric,
    width: 92,
    ellipsis: true,
    title: (
      <Tooltip title={t(`grading.metricHints.${metric}`)}>
        <span>{t(`grading.metrics.${metric}`)}</span>
      </Tooltip>
    ),
    render: (_: unknown, r: Scorecard) => {
      const m = r.metrics.find((x) => x.metric === metric);
      if (!m) return '—';
      return (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto' }}
          onClick={() =>
            setTarget({ outletId: r.outletId, outletName: r.outletName, month: r.month, metric })
          }
          data-testid={`grading-cell-${r.outletCode}-${metric}`}
        >
          <Flex vertical align="flex-start" style={{ lineHeight: 1.3 }}>
            <span>{m.value === null ? '—' : `${m.value}%`}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {m.points === null ? t('grading.notApplicable') : t('grading.points', { points: m.points })}
            </Typography.Text>
          </Flex>
        </Button>
      );
    },
  });

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('grading.title')}
        description={t('grading.description')}
        extra={
          <>
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              disabledDate={(d: Dayjs) => d.format('YYYY-MM') > thisMonth}
              onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
              aria-label={t('grading.month')}
              data-testid="grading-month"
            />
            <Tag color={STATUS_COLOR[status]} style={{ alignSelf: 'center' }} data-testid="grading-status">
              {t(`grading.status.${status}`)}
            </Tag>
            {canManage && status !== 'final' && (
              <Button
                type={status === 'none' ? 'primary' : 'default'}
                icon={<CalculatorOutlined />}
                loading={run.isPending}
                onClick={onRun}
                data-testid="grading-run"
              >
                {t(status === 'none' ? 'grading.compute' : 'grading.recompute')}
              </Button>
            )}
            {canManage && (status === 'draft' || status === 'mixed') && (
              <Popconfirm title={t('grading.finaliseConfirm', { month })} onConfirm={onFinalise}>
                <Button
                  type="primary"
                  icon={<CheckCircleOutlined />}
                  loading={finalise.isPending}
                  data-testid="grading-finalise"
                >
                  {t('grading.finalise')}
                </Button>
              </Popconfirm>
            )}
            {canManage && (
              <Button
                icon={<SettingOutlined />}
                onClick={() => navigate(settingHref('grading.policy'))}
                data-testid="grading-policy"
              >
                {t('grading.policy')}
              </Button>
            )}
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void list.refetch()}
              aria-label={t('grading.refresh')}
            />
          </>
        }
      />
      <ProblemAlert error={list.error ?? run.error ?? finalise.error} />
      <Table<Scorecard>
        rowKey="outletId"
        size="middle"
        loading={list.isLoading}
        dataSource={items}
        pagination={items.length > 50 ? { pageSize: 50 } : false}
        // Fixed widths: outlet, score, grade and the seven metrics fit 1366 px; the trend shows from 1600 px.
        tableLayout="fixed"
        data-testid="grading-table"
        onRow={(r) => ({ 'data-testid': `grading-row-${r.outletCode}` }) as never}
        locale={{
          emptyText: (
            <Empty
              description={
                <>
                  {t('grading.empty')} {canManage && t('grading.emptyHint')}
                </>
              }
            />
          ),
        }}
        columns={[
          {
            title: t('grading.columns.outlet'),
            width: 170,
            ellipsis: true,
            render: (_, r) => (
              <Link
                to={`/grading/outlets/${r.outletId}?month=${r.month}`}
                data-testid={`grading-outlet-${r.outletCode}`}
              >
                <Flex vertical>
                  <span>{r.outletName}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.outletCode}
                  </Typography.Text>
                </Flex>
              </Link>
            ),
          },
          {
            title: t('grading.columns.score'),
            dataIndex: 'score',
            width: 64,
            render: (s: number | null, r) => (
              <Typography.Text strong data-testid={`grading-score-${r.outletCode}`}>
                {s === null ? '—' : s.toFixed(1)}
              </Typography.Text>
            ),
          },
          {
            title: t('grading.columns.grade'),
            width: 90,
            render: (_, r) => <CardGrade card={r} minOrders={policy.data?.policy.minOrders} />,
          },
          ...GRADING_METRICS.map(metricColumn),
          { title: t('grading.columns.orders'), dataIndex: 'orderCount', width: 70 },
          {
            title: t('grading.columns.trend'),
            width: 120,
            responsive: ['xxl'],
            render: (_, r) => (
              <Sparkline
                values={trendOf(r.outletId)}
                testId={`grading-trend-${r.outletCode}`}
                label={t('grading.trendTitle')}
              />
            ),
          },
        ]}
      />
      <MetricOrdersDrawer target={target} onClose={() => setTarget(null)} />
    </Flex>
  );
}
