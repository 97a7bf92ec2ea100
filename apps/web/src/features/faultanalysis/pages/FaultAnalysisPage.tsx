import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  List,
  Row,
  Select,
  Statistic,
  Table,
  Tabs,
  Tag,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { FAULT_DIMENSIONS, type FaultDimension, type ParetoItem } from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PdfButton } from '../../../components/PdfButton.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { problemText } from '../../../i18n/problem.ts';
import { useCategories } from '../../customers/index.ts';
import { downloadWorkbook, reportPath, useFaultAnalysis, useFaultRuns } from '../api.ts';
import { ParetoChart } from '../components/ParetoChart.tsx';
import { TrendChart } from '../components/TrendChart.tsx';
import { nameOf, pct } from '../format.ts';

const isDimension = (v: string | null): v is FaultDimension => FAULT_DIMENSIONS.includes(v as FaultDimension);

/** 故障分析: Pareto, trend and new-failure alerts of a period, its Excel and PDF, and the report runs. */
export default function FaultAnalysisPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const dimParam = params.get('dimension');
  const dimension: FaultDimension = isDimension(dimParam) ? dimParam : 'fault_code';
  const from = params.get('from') ?? dayjs().subtract(6, 'month').startOf('month').format('YYYY-MM-DD');
  const to = params.get('to') ?? dayjs().format('YYYY-MM-DD');
  const category = params.get('category') ?? undefined;
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
  const q = useFaultAnalysis({ from, to, category, dimension });
  const runs = useFaultRuns();
  const categories = useCategories();
  const [exporting, setExporting] = useState(false);
  const d = q.data;
  const name = (x: { nameZh: string; nameEn: string }) => nameOf(x, i18n.language);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await downloadWorkbook(
        { from, to, category, locale: i18n.language },
        `${t('faultAnalysis.fileName')}-${from}-${to}.xlsx`,
      );
    } catch (e) {
      message.error(problemText(t, e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('faultAnalysis.title')}
        description={t('faultAnalysis.description')}
        extra={
          <Flex gap={8}>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={exportXlsx}
              data-testid="fault-excel"
            >
              {t('faultAnalysis.excel')}
            </Button>
            <PdfButton
              path={reportPath({ from, to, category })}
              label={t('faultAnalysis.pdf')}
              testId="fault-pdf"
            />
          </Flex>
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(from), dayjs(to)]}
          onChange={(v) => {
            const r = v as [Dayjs, Dayjs] | null;
            if (r) set({ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') });
          }}
          data-testid="fault-period"
        />
        <Select
          style={{ minWidth: 180 }}
          allowClear
          placeholder={t('faultAnalysis.allCategories')}
          value={category}
          onChange={(v?: string) => set({ category: v })}
          options={(categories.data?.items ?? []).map((c) => ({
            value: c.code,
            label: i18n.language === 'en-US' ? c.nameEn : c.nameZh,
          }))}
          data-testid="fault-category"
        />
      </Flex>
      <Tabs
        activeKey={dimension}
        onChange={(k) => set({ dimension: k })}
        items={FAULT_DIMENSIONS.map((k) => ({
          key: k,
          label: <span data-testid={`fault-tab-${k}`}>{t(`faultAnalysis.dimension.${k}`)}</span>,
        }))}
      />
      {q.error && <ProblemAlert error={q.error} />}
      {d && (
        <>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            <Col span={6}>
              <Card size="small">
                <Statistic title={t('faultAnalysis.orders')} value={d.orders} />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title={t('faultAnalysis.counted')} value={d.counted} />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic
                  title={t('faultAnalysis.vitalFew')}
                  value={d.pareto.filter((r) => r.vital).length}
                />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title={t('faultAnalysis.alerts')} value={d.alerts.length} />
              </Card>
            </Col>
          </Row>
          {d.pareto.length === 0 ? (
            <Card>
              <Empty description={t('faultAnalysis.empty')} />
            </Card>
          ) : (
            <Row gutter={12}>
              <Col xs={24} xl={14}>
                <Card size="small" title={t('faultAnalysis.pareto')} style={{ marginBottom: 12 }}>
                  <ParetoChart data={d} />
                </Card>
                <Card
                  size="small"
                  title={t('faultAnalysis.trend', { n: d.trend.series.length })}
                  style={{ marginBottom: 12 }}
                >
                  <TrendChart data={d} />
                </Card>
              </Col>
              <Col xs={24} xl={10}>
                <Card
                  size="small"
                  title={t('faultAnalysis.alerts')}
                  extra={t('faultAnalysis.baseline', { from: d.baselineFrom, to: d.baselineTo })}
                  style={{ marginBottom: 12 }}
                >
                  <List
                    size="small"
                    data-testid="fault-alerts"
                    locale={{ emptyText: t('faultAnalysis.noAlerts') }}
                    dataSource={d.alerts}
                    renderItem={(a) => (
                      <List.Item>
                        <Flex justify="space-between" style={{ width: '100%' }}>
                          <span>
                            <Tag color={a.reason === 'new' ? 'red' : 'orange'}>
                              {t(`faultAnalysis.reason.${a.reason}`, { ratio: (a.ratio ?? 0).toFixed(1) })}
                            </Tag>
                            {name(a)}
                          </span>
                          <span>
                            {a.count} · {t('faultAnalysis.baselineCount', { n: a.baseline })}
                          </span>
                        </Flex>
                      </List.Item>
                    )}
                  />
                </Card>
                <Card size="small" style={{ marginBottom: 12 }}>
                  <Table<ParetoItem>
                    size="small"
                    rowKey="key"
                    data-testid="fault-pareto-table"
                    pagination={{ pageSize: 10, hideOnSinglePage: true }}
                    dataSource={d.pareto}
                    columns={[
                      { title: t(`faultAnalysis.key.${dimension}`), render: (_, r) => name(r) },
                      { title: t('faultAnalysis.count'), dataIndex: 'count', align: 'right', width: 90 },
                      {
                        title: t('faultAnalysis.share'),
                        render: (_, r) => pct(r.share),
                        align: 'right',
                        width: 80,
                      },
                      {
                        title: t('faultAnalysis.cumulative'),
                        render: (_, r) => pct(r.cumulative),
                        align: 'right',
                        width: 90,
                      },
                      {
                        title: t('faultAnalysis.vital'),
                        render: (_, r) =>
                          r.vital ? <Tag color="red">{t('faultAnalysis.vital')}</Tag> : null,
                        width: 90,
                      },
                    ]}
                  />
                </Card>
              </Col>
            </Row>
          )}
        </>
      )}
      <Card size="small" title={t('faultAnalysis.runs')}>
        <Table
          size="small"
          rowKey="id"
          data-testid="fault-runs"
          pagination={false}
          loading={runs.isLoading}
          locale={{ emptyText: t('faultAnalysis.runsEmpty') }}
          dataSource={runs.data?.items ?? []}
          columns={[
            { title: t('faultAnalysis.run.period'), render: (_, r) => `${r.periodFrom} ~ ${r.periodTo}` },
            { title: t('faultAnalysis.run.orders'), dataIndex: 'orders', align: 'right' },
            { title: t('faultAnalysis.run.alerts'), dataIndex: 'alerts', align: 'right' },
            { title: t('faultAnalysis.run.notified'), dataIndex: 'notified', align: 'right' },
            {
              title: t('faultAnalysis.run.createdAt'),
              render: (_, r) => dayjs(r.createdAt).format('YYYY-MM-DD HH:mm'),
            },
            {
              title: '',
              render: (_, r) => (
                <Flex gap={8}>
                  <Button
                    size="small"
                    type="link"
                    onClick={() => set({ from: r.periodFrom, to: r.periodTo })}
                  >
                    {t('faultAnalysis.run.open')}
                  </Button>
                  <PdfButton
                    size="small"
                    path={reportPath({ from: r.periodFrom, to: r.periodTo })}
                    label={t('faultAnalysis.pdf')}
                    testId={`fault-run-pdf-${r.periodFrom}`}
                  />
                </Flex>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
