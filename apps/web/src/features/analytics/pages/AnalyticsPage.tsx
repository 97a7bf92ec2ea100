import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Row, Segmented, Select, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  ANALYTICS_BUCKETS,
  ANALYTICS_VIEWS,
  WORK_ORDER_CHANNELS,
  type AnalyticsBucket,
  type AnalyticsFigureKey,
  type AnalyticsRow,
  type AnalyticsTable,
  type AnalyticsView,
} from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { problemText } from '../../../i18n/problem.ts';
import { useSession } from '../../auth/index.ts';
import { useCategories } from '../../customers/index.ts';
import { downloadTable, useDashboard, type DashboardQuery } from '../api.ts';
import { Chart } from '../components/Chart.tsx';
import { ChinaMap } from '../components/ChinaMap.tsx';
import { FigureCards } from '../components/FigureCards.tsx';
import { RowsTable } from '../components/RowsTable.tsx';
import { defaultView, SECTIONS, type Section } from '../format.ts';

const FIGURES: Partial<Record<Section, AnalyticsFigureKey[]>> = {
  volume: ['created', 'closed', 'open', 'cancelled'],
  sla: ['firstContactRate', 'responseRate', 'resolutionRate'],
  quality: [
    'firstTimeFixRate',
    'repeatRepairRate',
    'satisfactionRate',
    'complaintRate',
    'complaintResolutionRate',
  ],
  parts: ['partsQty', 'partsCost'],
};
const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;
const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 10 : null);

/** 统计分析: one page, the sections of the chosen role's dashboard; every figure opens its orders. */
export default function AnalyticsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const view: AnalyticsView = oneOf(ANALYTICS_VIEWS, params.get('view')) ?? defaultView(me.roles);
  const bucket: AnalyticsBucket = oneOf(ANALYTICS_BUCKETS, params.get('bucket')) ?? 'day';
  const q: DashboardQuery = {
    from: params.get('from') ?? dayjs().subtract(29, 'day').format('YYYY-MM-DD'),
    to: params.get('to') ?? dayjs().format('YYYY-MM-DD'),
    region: params.get('region') ?? undefined,
    category: params.get('category') ?? undefined,
    outlet: params.get('outlet') ?? undefined,
    channel: oneOf(WORK_ORDER_CHANNELS, params.get('channel')),
    view,
    bucket,
  };
  const set = (patch: Record<string, string | undefined>) =>
    setParams(
      (p) => {
        for (const [k, v] of Object.entries(patch))
          if (v) p.set(k, v);
          else p.delete(k);
        return p;
      },
      { replace: true },
    );
  const dash = useDashboard(q, i18n.language);
  const categories = useCategories();
  const [exporting, setExporting] = useState(false);
  const [province, setProvince] = useState<string | null>(null);
  const d = dash.data;
  const channelName = (c: string) => t(`analytics.channel.${c}`, { defaultValue: c });
  const fileName = (table?: AnalyticsTable) =>
    `${t('analytics.fileName')}-${table ? `${t(`analytics.section.${table}`)}-` : ''}${q.from}-${q.to}.xlsx`;
  const download = (table?: AnalyticsTable) => downloadTable(q, table, i18n.language, fileName(table));
  const exportAll = async () => {
    setExporting(true);
    try {
      await download();
    } catch (e) {
      message.error(problemText(t, e));
    } finally {
      setExporting(false);
    }
  };

  const trendOption = useMemo(() => {
    if (!d) return null;
    const x = d.trend.map((r) => r.key);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: x },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        { name: t('analytics.series.created'), type: 'bar', data: d.trend.map((r) => r.created) },
        { name: t('analytics.series.closed'), type: 'bar', data: d.trend.map((r) => r.closed) },
        { name: t('analytics.series.open'), type: 'line', data: d.trend.map((r) => r.open) },
        {
          name: t('analytics.series.responseRate'),
          type: 'line',
          yAxisIndex: 1,
          data: d.trend.map((r) => rate(r.responseMet, r.responseMet + r.responseMissed)),
        },
        {
          name: t('analytics.series.firstTimeFixRate'),
          type: 'line',
          yAxisIndex: 1,
          data: d.trend.map((r) => rate(r.firstTimeFix, r.repairsClosed)),
        },
      ],
    };
  }, [d, t]);
  const pieOption = (rows: AnalyticsRow[], name: (r: AnalyticsRow) => string) => ({
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      { type: 'pie', radius: ['40%', '68%'], data: rows.map((r) => ({ name: name(r), value: r.created })) },
    ],
  });
  const barOption = (rows: AnalyticsRow[]) => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 140, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name) },
    series: [{ type: 'bar', data: rows.map((r) => r.created) }],
  });

  const section = (s: Section) => {
    if (!d) return null;
    const keys = FIGURES[s];
    if (keys) return <FigureCards key={s} figures={d.figures} keys={keys} />;
    switch (s) {
      case 'trend':
        return (
          <Card key={s} size="small" title={t('analytics.section.trend')} style={{ marginBottom: 12 }}>
            {trendOption && <Chart option={trendOption} testId="analytics-trend" />}
          </Card>
        );
      case 'map': {
        const cities = province ? d.cities.filter((c) => c.key.startsWith(province)) : d.cities;
        return (
          <Row key={s} gutter={12}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('analytics.section.map')} style={{ marginBottom: 12 }}>
                <ChinaMap provinces={d.provinces} onPick={setProvince} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <RowsTable table="cities" rows={cities} download={download} compact />
              {province && (
                <Button size="small" onClick={() => setProvince(null)} style={{ marginBottom: 12 }}>
                  {t('analytics.allProvinces')}
                </Button>
              )}
            </Col>
          </Row>
        );
      }
      case 'outlets':
        return (
          <Row key={s} gutter={12}>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('analytics.section.outlets')} style={{ marginBottom: 12 }}>
                <Chart
                  option={barOption(d.outlets.slice(0, 10))}
                  height={300}
                  testId="analytics-outlet-chart"
                />
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <RowsTable table="outlets" rows={d.outlets} download={download} compact />
            </Col>
          </Row>
        );
      case 'technicians':
        return <RowsTable key={s} table="technicians" rows={d.technicians} download={download} />;
      case 'categories':
        return <RowsTable key={s} table="categories" rows={d.categories} download={download} />;
      case 'channels':
        return (
          <Row key={s} gutter={12}>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('analytics.section.channels')} style={{ marginBottom: 12 }}>
                <Chart
                  option={pieOption(d.channels, (r) => channelName(r.key))}
                  testId="analytics-channel-chart"
                />
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <RowsTable
                table="channels"
                rows={d.channels}
                download={download}
                nameOf={(r) => channelName(r.key)}
                compact
              />
            </Col>
          </Row>
        );
      default:
        return null;
    }
  };

  return (
    <>
      <PageHeader
        title={t('analytics.title')}
        description={t('analytics.description')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={exportAll}
            data-testid="analytics-excel"
          >
            {t('analytics.excelAll')}
          </Button>
        }
      />
      <Segmented
        style={{ marginBottom: 12 }}
        value={view}
        onChange={(v) => set({ view: String(v) })}
        options={ANALYTICS_VIEWS.map((v) => ({
          value: v,
          label: <span data-testid={`analytics-view-${v}`}>{t(`analytics.view.${v}`)}</span>,
        }))}
      />
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(q.from), dayjs(q.to)]}
          onChange={(v) => {
            const r = v as [Dayjs, Dayjs] | null;
            if (r) set({ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') });
          }}
          data-testid="analytics-period"
        />
        <Select
          style={{ minWidth: 150 }}
          allowClear
          placeholder={t('analytics.allRegions')}
          value={q.region}
          onChange={(v?: string) => set({ region: v })}
          options={(d?.provinces ?? []).filter((p) => p.key).map((p) => ({ value: p.key, label: p.name }))}
          data-testid="analytics-region"
        />
        <Select
          style={{ minWidth: 150 }}
          allowClear
          placeholder={t('analytics.allCategories')}
          value={q.category}
          onChange={(v?: string) => set({ category: v })}
          options={(categories.data?.items ?? []).map((c) => ({
            value: c.code,
            label: i18n.language === 'en-US' ? c.nameEn : c.nameZh,
          }))}
          data-testid="analytics-category"
        />
        <Select
          style={{ minWidth: 180 }}
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('analytics.allOutlets')}
          value={q.outlet}
          onChange={(v?: string) => set({ outlet: v })}
          options={(d?.outlets ?? []).filter((o) => o.key).map((o) => ({ value: o.key, label: o.name }))}
          data-testid="analytics-outlet"
        />
        <Select
          style={{ minWidth: 130 }}
          allowClear
          placeholder={t('analytics.allChannels')}
          value={q.channel}
          onChange={(v?: string) => set({ channel: v })}
          options={WORK_ORDER_CHANNELS.map((c) => ({ value: c, label: channelName(c) }))}
          data-testid="analytics-channel"
        />
        <Segmented
          value={bucket}
          onChange={(v) => set({ bucket: String(v) })}
          options={ANALYTICS_BUCKETS.map((b) => ({ value: b, label: t(`analytics.bucket.${b}`) }))}
        />
      </Flex>
      {dash.error && <ProblemAlert error={dash.error} />}
      {d && (
        <Typography.Paragraph type="secondary" data-testid="analytics-computed">
          {d.computedAt
            ? t('analytics.computedAt', { at: dayjs(d.computedAt).format('YYYY-MM-DD HH:mm') })
            : null}
        </Typography.Paragraph>
      )}
      {d && !d.computedAt && (
        <Alert type="info" showIcon message={t('analytics.notComputed')} style={{ marginBottom: 12 }} />
      )}
      {SECTIONS[view].map(section)}
    </>
  );
}
