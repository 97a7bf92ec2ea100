import { useMemo, useState } from 'react';
import { Card, Col, Collapse, DatePicker, Flex, Row, Statistic, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ComplaintStats } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { BUSINESS_TZ, bj } from '../../workorders/index.ts';
import { useComplaintStats } from '../api.ts';

type Row = ComplaintStats['outlets'][number];
const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** Complaint rate and on-time resolution for a month (Beijing time), against the policy targets. */
export function StatsCards() {
  const { t } = useTranslation();
  const [month, setMonth] = useState<Dayjs>(() => bj(new Date().toISOString()).startOf('month'));
  const range = useMemo(() => {
    const from = month.tz(BUSINESS_TZ, true).startOf('month');
    return { from: from.toISOString(), to: from.add(1, 'month').toISOString() };
  }, [month]);
  const stats = useComplaintStats(range.from, range.to);
  const s = stats.data;
  const rate = pct(s?.overall.complaintRate ?? null);
  const resolution = pct(s?.overall.resolutionRate ?? null);
  // Outlets with something to show: a complaint or a resolution that fell due.
  const outlets = (s?.outlets ?? []).filter((o) => o.complaints > 0 || o.due > 0);
  const rateOk = rate === null || !s || rate <= s.targets.complaintRatePercent;
  const resOk = resolution === null || !s || resolution >= s.targets.resolutionRatePercent;
  return (
    <Flex vertical gap={12}>
      {stats.error && <ProblemAlert error={stats.error} />}
      <Row gutter={[12, 12]}>
        <Col xs={24} md={6}>
          <Card size="small">
            <Typography.Text type="secondary">{t('complaints.stats.period')}</Typography.Text>
            <div style={{ marginTop: 8 }}>
              <DatePicker
                picker="month"
                allowClear={false}
                value={month}
                onChange={(m) => m && setMonth(m)}
                data-testid="cp-stat-month"
              />
            </div>
          </Card>
        </Col>
        <Col xs={24} md={9}>
          <Card size="small" data-testid="cp-stat-rate" loading={stats.isLoading}>
            <Statistic
              title={t('complaints.stats.rate')}
              value={rate ?? t('complaints.stats.noData')}
              suffix={rate === null ? undefined : '%'}
              styles={{ content: { color: rateOk ? '#389e0d' : '#cf1322' } }}
            />
            {s && (
              <Typography.Text type="secondary">
                {t('complaints.stats.rateHint', {
                  complaints: s.overall.complaints,
                  orders: s.overall.orders,
                  target: s.targets.complaintRatePercent,
                })}
              </Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} md={9}>
          <Card size="small" data-testid="cp-stat-resolution" loading={stats.isLoading}>
            <Statistic
              title={t('complaints.stats.resolution')}
              value={resolution ?? t('complaints.stats.noData')}
              suffix={resolution === null ? undefined : '%'}
              styles={{ content: { color: resOk ? '#389e0d' : '#cf1322' } }}
            />
            {s && (
              <Typography.Text type="secondary">
                {t('complaints.stats.resolutionHint', {
                  onTime: s.overall.resolvedOnTime,
                  due: s.overall.due,
                  target: s.targets.resolutionRatePercent,
                })}
              </Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      {outlets.length > 0 && (
        <Collapse
          size="small"
          data-testid="cp-stat-outlets"
          items={[
            {
              key: 'outlets',
              label: `${t('complaints.stats.byOutlet')} (${outlets.length})`,
              children: (
                <Table<Row>
                  rowKey="outletId"
                  size="small"
                  pagination={false}
                  dataSource={outlets}
                  columns={[
                    { title: t('complaints.stats.outlet'), dataIndex: 'outletName' },
                    { title: t('complaints.stats.orders'), dataIndex: 'orders' },
                    { title: t('complaints.stats.complaints'), dataIndex: 'complaints' },
                    {
                      title: t('complaints.stats.rate'),
                      dataIndex: 'complaintRate',
                      render: (v: number | null) => (v === null ? '—' : `${pct(v)}%`),
                    },
                    { title: t('complaints.stats.dueCount'), dataIndex: 'due' },
                    { title: t('complaints.stats.onTime'), dataIndex: 'resolvedOnTime' },
                    {
                      title: t('complaints.stats.resolution'),
                      dataIndex: 'resolutionRate',
                      render: (v: number | null) => (v === null ? '—' : `${pct(v)}%`),
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      )}
    </Flex>
  );
}
