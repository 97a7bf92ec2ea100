import { lazy, Suspense, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Cascader,
  DatePicker,
  Flex,
  Progress,
  Select,
  Spin,
  Table,
  Tag,
  Tooltip,
} from 'antd';
import { DownloadOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { CampaignFigureRow, CampaignOutcome, RecallFigureRow } from '@anxin/contracts';
import type { carefiguresZhCN } from '../locales/zh-CN.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { yuan } from '../../../components/money.ts';
import { useUrlFilters } from '../../../components/useUrlFilters.ts';
import { problemText } from '../../../i18n/problem.ts';
import { useCategories, useCategoryName, useRegions } from '../../customers/index.ts';
import { downloadCareFigures, useCareFigures, type CareFilters } from '../api.ts';
import { Kpi, Line } from '../components/Kpi.tsx';

// ECharts is loaded only when the trend is drawn.
const TrendChart = lazy(() => import('../components/TrendChart.tsx'));

const pct = (v: number | null, none: string) => (v === null ? none : `${v}%`);
/** A 0–1 ratio (the community module's) as a percentage with one decimal. */
const ratioPct = (v: number | null, none: string) => (v === null ? none : `${Math.round(v * 1000) / 10}%`);

/** 设备与服务运营: the installed-base figures of a period, each linking to the list it counts. */
export default function CareFiguresPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const f = useFilters();
  const q = useCareFigures(f.value);
  const d = q.data;
  const none = t('carefigures.noData');
  const regions = useRegions();
  const categories = useCategories();
  const categoryName = useCategoryName();
  const [exporting, setExporting] = useState(false);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await downloadCareFigures(f.value, `${t('carefigures.fileName')}-${f.value.from}-${f.value.to}.xlsx`);
    } catch (e) {
      message.error(problemText(t, e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('carefigures.title')} description={t('carefigures.description')} />
      <Flex gap={12} wrap align="center">
        <DatePicker.RangePicker
          aria-label={t('carefigures.filters.period')}
          allowClear={false}
          value={[dayjs(f.value.from), dayjs(f.value.to)]}
          onChange={(r) =>
            r?.[0] && r[1] && f.set({ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') })
          }
          data-testid="care-period"
        />
        <Cascader
          style={{ minWidth: 200 }}
          options={regions.data}
          changeOnSelect
          showSearch
          placeholder={t('carefigures.filters.regionPlaceholder')}
          onChange={(v) => f.set({ region: v?.length ? String(v[v.length - 1]) : undefined })}
          data-testid="care-region"
        />
        <Select
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('carefigures.filters.categoryPlaceholder')}
          value={f.value.category}
          options={(categories.data?.items ?? []).map((c) => ({
            value: c.code,
            label: categoryName(c.code),
          }))}
          onChange={(v?: string) => f.set({ category: v })}
          data-testid="care-category"
        />
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={() => void exportXlsx()}
          data-testid="care-export"
        >
          {t('carefigures.export')}
        </Button>
      </Flex>
      <Alert type="info" showIcon message={t('carefigures.filters.scopeNote')} />
      <ProblemAlert error={q.error} />
      {!d ? (
        <Spin />
      ) : (
        <>
          <Flex gap={12} wrap>
            <Kpi
              testId="care-pm"
              title={t('carefigures.pm.title')}
              definition={t('carefigures.pm.definition', { grace: d.pm.graceDays })}
              value={pct(d.pm.compliancePct, none)}
              to="/maintenance?tab=runs"
            >
              <Line label={t('carefigures.pm.due')} value={d.pm.due} />
              <Line label={t('carefigures.pm.onTime')} value={d.pm.onTime} />
              <Line label={t('carefigures.pm.overdueOpen')} value={d.pm.overdueOpen} />
            </Kpi>
            <Kpi
              testId="care-alerts"
              title={t('carefigures.alerts.title')}
              definition={t('carefigures.alerts.definition')}
              value={`${d.alerts.withOrder} / ${d.alerts.raised}`}
              to="/telemetry?tab=alerts"
            >
              <Line label={t('carefigures.alerts.completed')} value={d.alerts.completed} />
              <Line
                label={t('carefigures.alerts.median')}
                value={
                  d.alerts.medianHoursToComplete === null
                    ? none
                    : t('carefigures.alerts.hours', { value: d.alerts.medianHoursToComplete })
                }
              />
              <Line
                label={t('carefigures.alerts.byKind')}
                value={
                  d.alerts.byKind
                    .filter((k) => k.raised)
                    .map((k) => `${t(`carefigures.alerts.kind.${k.kind}`)} ${k.withOrder}/${k.raised}`)
                    .join(' · ') || none
                }
              />
            </Kpi>
            <Kpi
              testId="care-contracts"
              title={t('carefigures.contracts.title')}
              definition={t('carefigures.contracts.definition', {
                labour: yuan(d.contracts.labourCostPerVisitFen),
              })}
              value={`¥${yuan(d.contracts.marginFen)} · ${pct(d.contracts.marginPct, none)}`}
              to="/service-contracts"
            >
              <Line label={t('carefigures.contracts.billed')} value={`¥${yuan(d.contracts.billedFen)}`} />
              <Line label={t('carefigures.contracts.paid')} value={`¥${yuan(d.contracts.paidFen)}`} />
              <Line
                label={t('carefigures.contracts.partsCost')}
                value={`¥${yuan(d.contracts.partsCostFen)}`}
              />
              <Line
                label={t('carefigures.contracts.labourCost')}
                value={`¥${yuan(d.contracts.labourCostFen)}`}
              />
              <Line label={t('carefigures.contracts.visits')} value={d.contracts.visits} />
              <Line
                label={t('carefigures.contracts.quota')}
                value={t('carefigures.contracts.quotaValue', {
                  used: d.contracts.usedVisits,
                  quota: d.contracts.quotaVisits,
                })}
              />
            </Kpi>
          </Flex>
          <RecallsCard rows={d.recalls} />
          <CampaignsCard rows={d.campaigns} />
          <Flex gap={12} wrap>
            <Kpi
              testId="care-referrals"
              title={t('carefigures.community.referrals')}
              definition={t('carefigures.community.referralsDefinition')}
              value={ratioPct(d.community.referrals.conversionRate, none)}
              to="/community?tab=referrals"
            >
              <Line label={t('carefigures.community.referred')} value={d.community.referrals.count} />
              <Line label={t('carefigures.community.converted')} value={d.community.referrals.converted} />
            </Kpi>
            <Kpi
              testId="care-events"
              title={t('carefigures.community.events')}
              definition={t('carefigures.community.eventsDefinition')}
              value={ratioPct(d.community.events.attendanceRate, none)}
              to="/community?tab=events"
            >
              <Line label={t('carefigures.community.eventCount')} value={d.community.events.events} />
              <Line label={t('carefigures.community.invited')} value={d.community.events.invited} />
              <Line label={t('carefigures.community.registered')} value={d.community.events.registered} />
              <Line label={t('carefigures.community.attended')} value={d.community.events.attended} />
            </Kpi>
          </Flex>
        </>
      )}
    </Flex>
  );
}

/** Period and filters in the URL (a link or a reload keeps them); the default is this month so far. */
const FILTER_KEYS = ['from', 'to', 'region', 'category'] as const;
function useFilters() {
  const { values: raw, set: setRaw } = useUrlFilters(FILTER_KEYS);
  const value: CareFilters = {
    from: raw.from ?? dayjs().startOf('month').format('YYYY-MM-DD'),
    to: raw.to ?? dayjs().format('YYYY-MM-DD'),
    region: raw.region,
    category: raw.category,
  };
  return {
    value,
    set: (patch: Partial<CareFilters>) => setRaw({ from: value.from, to: value.to, ...patch }),
  };
}

function Title({ title, definition }: { title: string; definition: string }) {
  return (
    <Flex gap={6} align="center">
      {title}
      <Tooltip title={definition}>
        <QuestionCircleOutlined aria-label={definition} />
      </Tooltip>
    </Flex>
  );
}

function RecallsCard({ rows }: { rows: RecallFigureRow[] }) {
  const { t } = useTranslation();
  const c = (k: keyof typeof carefiguresZhCN.recalls.col) => t(`carefigures.recalls.col.${k}`);
  return (
    <Card
      size="small"
      title={
        <Title title={t('carefigures.recalls.title')} definition={t('carefigures.recalls.definition')} />
      }
    >
      <Table<RecallFigureRow>
        data-testid="care-recalls"
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('carefigures.recalls.empty') }}
        columns={[
          {
            title: c('title'),
            dataIndex: 'title',
            render: (v: string, r) => <Link to={`/recalls?recall=${r.id}`}>{v}</Link>,
          },
          { title: c('affected'), dataIndex: 'affected', align: 'right' },
          { title: c('contacted'), dataIndex: 'contacted', align: 'right' },
          { title: c('orders'), dataIndex: 'ordersCreated', align: 'right' },
          { title: c('completed'), dataIndex: 'completed', align: 'right' },
          {
            title: c('completionPct'),
            dataIndex: 'completionPct',
            width: 180,
            render: (v: number, r) => (
              <span data-testid={`care-recall-pct-${r.id}`} data-value={v}>
                <Progress percent={v} size="small" format={(p) => `${p}%`} />
              </span>
            ),
          },
        ]}
      />
      {rows.length > 0 && (
        <Suspense fallback={<Spin />}>
          <div style={{ marginTop: 12 }}>
            <div style={{ fontSize: 12, opacity: 0.65 }}>{t('carefigures.recalls.trend')}</div>
            <TrendChart recalls={rows} />
          </div>
        </Suspense>
      )}
    </Card>
  );
}

function CampaignsCard({ rows }: { rows: CampaignFigureRow[] }) {
  const { t } = useTranslation();
  const c = (k: keyof typeof carefiguresZhCN.campaigns.col) => t(`carefigures.campaigns.col.${k}`);
  return (
    <Card
      size="small"
      title={
        <Title title={t('carefigures.campaigns.title')} definition={t('carefigures.campaigns.definition')} />
      }
    >
      <Table<CampaignFigureRow>
        data-testid="care-campaigns"
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('carefigures.campaigns.empty') }}
        columns={[
          {
            title: c('name'),
            dataIndex: 'name',
            render: (v: string, r) => <Link to={`/campaigns?campaign=${r.id}`}>{v}</Link>,
          },
          {
            title: c('purpose'),
            dataIndex: 'purpose',
            render: (v: CampaignFigureRow['purpose']) => t(`campaigns.purpose.${v}`),
          },
          { title: c('listSize'), dataIndex: 'listSize', align: 'right' },
          { title: c('attempted'), dataIndex: 'attempted', align: 'right' },
          { title: c('reached'), dataIndex: 'reached', align: 'right' },
          {
            title: c('outcomes'),
            dataIndex: 'outcomes',
            render: (o: CampaignFigureRow['outcomes']) => (
              <Flex gap={4} wrap>
                {(Object.entries(o) as [CampaignOutcome, number][])
                  .filter(([, n]) => n > 0)
                  .map(([k, n]) => (
                    <Tag key={k}>
                      {t(`campaigns.outcome.${k}`)} {n}
                    </Tag>
                  ))}
              </Flex>
            ),
          },
          { title: c('optedOut'), dataIndex: 'optedOut', align: 'right' },
          {
            title: c('conversion'),
            dataIndex: 'conversionPct',
            align: 'right',
            render: (v: number | null) => (v === null ? t('carefigures.noData') : `${v}%`),
          },
        ]}
      />
    </Card>
  );
}
