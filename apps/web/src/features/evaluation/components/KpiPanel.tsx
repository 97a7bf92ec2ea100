import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Progress,
  Row,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { InfoCircleOutlined, SettingOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import {
  CLOCK_KPI_KEYS,
  type ClockKpiKey,
  type ClockVerdict,
  type Kpi,
  type KpiOrder,
} from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { settingHref } from '../../settings/index.ts';
import { BUSINESS_TZ } from '../../workorders/index.ts';
import { useKpiOrders, useKpis } from '../api.ts';
import { pct } from './grade.tsx';

const FMT = 'YYYY-MM-DD';

const isClockKpi = (key: Kpi['key']): key is ClockKpiKey =>
  (CLOCK_KPI_KEYS as readonly string[]).includes(key);
const VERDICT_COLOR: Record<ClockVerdict, string> = {
  met: 'green',
  missed: 'red',
  pending: 'blue',
  unknown: 'purple',
};
const at = (iso: string | null) => (iso ? dayjs(iso).tz(BUSINESS_TZ).format('YYYY-MM-DD HH:mm') : null);

/** The orders behind one clock KPI, each with its verdict (the panel's figures, order by order). */
function KpiOrdersDrawer({
  kpiKey,
  from,
  to,
  onClose,
}: {
  kpiKey: ClockKpiKey | null;
  from: string;
  to: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const orders = useKpiOrders(kpiKey, from, to);
  const none = t('evaluation.kpis.drill.none');
  return (
    <Drawer
      open={kpiKey !== null}
      onClose={onClose}
      width={760}
      title={kpiKey ? t('evaluation.kpis.drill.title', { name: t(`evaluation.kpis.names.${kpiKey}`) }) : ''}
      data-testid="kpi-orders"
    >
      <ProblemAlert error={orders.error} />
      <Table<KpiOrder>
        size="small"
        rowKey={(r) => `${r.orderId}:${r.metric}`}
        loading={orders.isLoading}
        dataSource={orders.data?.items ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          {
            title: t('evaluation.kpis.drill.order'),
            dataIndex: 'orderNumber',
            render: (n: string, r) => <Link to={`/workorders/${r.orderId}`}>{n}</Link>,
          },
          {
            title: t('evaluation.kpis.drill.metric'),
            dataIndex: 'metric',
            render: (m: string) => t(`workorders.sla.metrics.${m as 'response'}`),
          },
          {
            title: t('evaluation.kpis.drill.startedAt'),
            dataIndex: 'startedAt',
            render: (v: string) => at(v),
          },
          {
            title: t('evaluation.kpis.drill.dueAt'),
            dataIndex: 'dueAt',
            render: (v: string | null) => at(v) ?? none,
          },
          {
            title: t('evaluation.kpis.drill.stoppedAt'),
            dataIndex: 'stoppedAt',
            render: (v: string | null) => at(v) ?? none,
          },
          {
            title: t('evaluation.kpis.drill.verdict'),
            dataIndex: 'verdict',
            render: (v: ClockVerdict) => (
              <Tag color={VERDICT_COLOR[v]} data-testid={`kpi-verdict-${v}`}>
                {t(`evaluation.kpis.drill.verdicts.${v}`)}
              </Tag>
            ),
          },
        ]}
      />
    </Drawer>
  );
}

function KpiCard({ k, onOpen }: { k: Kpi; onOpen?: (() => void) | undefined }) {
  const { t } = useTranslation();
  const percent = k.value === null ? 0 : Math.round(k.value * 1000) / 10;
  const targetText = t(k.direction === 'max' ? 'evaluation.kpis.targetMax' : 'evaluation.kpis.targetMin', {
    value: pct(k.target, 0),
  });
  return (
    <Card size="small" data-testid={`kpi-${k.key}`} style={{ height: '100%' }}>
      <Flex vertical align="center" gap={8}>
        <Space size={4}>
          <Typography.Text strong>{t(`evaluation.kpis.names.${k.key}`)}</Typography.Text>
          <Tooltip title={t(`evaluation.kpis.hints.${k.key}`)}>
            <InfoCircleOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
          </Tooltip>
        </Space>
        <Progress
          type="dashboard"
          percent={Math.min(100, percent)}
          format={() => (k.value === null ? t('evaluation.kpis.noData') : pct(k.value))}
          status={k.met === null ? 'normal' : k.met ? 'success' : 'exception'}
          strokeColor={k.met === null ? undefined : k.met ? '#52c41a' : '#ff4d4f'}
          size={132}
        />
        <Typography.Text type="secondary" data-testid={`kpi-${k.key}-ratio`}>
          {t('evaluation.kpis.ratio', { numerator: k.numerator, denominator: k.denominator })}
        </Typography.Text>
        <Space>
          <Typography.Text>{targetText}</Typography.Text>
          {k.met !== null && (
            <Tag color={k.met ? 'green' : 'red'} data-testid={`kpi-${k.key}-met`}>
              {t(k.met ? 'evaluation.kpis.met' : 'evaluation.kpis.notMet')}
            </Tag>
          )}
        </Space>
        {onOpen && (
          <Button type="link" size="small" onClick={onOpen} data-testid={`kpi-${k.key}-orders`}>
            {t('evaluation.kpis.drill.open')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}

/** Live KPIs against the configurable targets (coverage, self-built, complaints, satisfaction, response). */
export function KpiPanel() {
  const { t } = useTranslation();
  const me = useSession();
  // Business dates are Shanghai dates, whatever the browser's time zone.
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => {
    const today = dayjs().tz(BUSINESS_TZ);
    return [today.startOf('month'), today];
  });
  const navigate = useNavigate();
  const kpis = useKpis(range[0].format(FMT), range[1].format(FMT));
  const [drill, setDrill] = useState<ClockKpiKey | null>(null);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" wrap gap={8}>
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          data-testid="kpi-range"
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        />
        {me.permissions.includes('settings:manage') && (
          <Button
            icon={<SettingOutlined />}
            onClick={() => navigate(settingHref('evaluation.kpi_targets'))}
            data-testid="kpi-edit-targets"
          >
            {t('evaluation.kpis.editTargets')}
          </Button>
        )}
      </Flex>
      <ProblemAlert error={kpis.error} />
      <Row gutter={[16, 16]}>
        {(kpis.data?.kpis ?? []).map((k) => (
          <Col key={k.key} xs={24} sm={12} lg={8} xxl={4}>
            <KpiCard k={k} onOpen={isClockKpi(k.key) ? () => setDrill(k.key as ClockKpiKey) : undefined} />
          </Col>
        ))}
      </Row>
      <Alert type="info" showIcon message={t('evaluation.kpis.note')} />
      <KpiOrdersDrawer
        kpiKey={drill}
        from={range[0].format(FMT)}
        to={range[1].format(FMT)}
        onClose={() => setDrill(null)}
      />
    </Flex>
  );
}
