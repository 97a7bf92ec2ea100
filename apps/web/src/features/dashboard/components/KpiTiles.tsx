import { useCallback } from 'react';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { WorkbenchKpi } from '@anxin/contracts';
import { Sparkline } from './Sparkline.tsx';

const COLORS: Record<WorkbenchKpi['key'], string> = {
  orders_created: '#1677ff',
  orders_closed: '#52c41a',
  closed_on_time: '#fa8c16',
  callback_satisfaction: '#722ed1',
};

function KpiTile({ kpi }: { kpi: WorkbenchKpi }) {
  const { t } = useTranslation();
  const percent = kpi.unit === 'percent';
  const format = useCallback((v: number) => (percent ? `${v}%` : String(v)), [percent]);
  const label = t(`dashboard.kpis.keys.${kpi.key}`);
  return (
    <Link to={kpi.link} data-testid={`kpi-${kpi.key}`} aria-label={label}>
      <Card hoverable size="small">
        <Statistic
          title={`${label} · ${percent ? t('dashboard.kpis.overall') : t('dashboard.kpis.total')}`}
          value={kpi.total ?? t('dashboard.kpis.noData')}
          suffix={percent && kpi.total !== null ? '%' : undefined}
          valueStyle={{ fontSize: 24, fontWeight: 600 }}
        />
        <Sparkline points={kpi.series} color={COLORS[kpi.key]} format={format} testId={`spark-${kpi.key}`} />
      </Card>
    </Link>
  );
}

/** 近 14 天: a few figures with their daily shape, each linking to its list. */
export function KpiTiles({ kpis }: { kpis: WorkbenchKpi[] }) {
  return (
    <Row gutter={[16, 16]}>
      {kpis.map((k) => (
        <Col key={k.key} xs={24} md={12} xl={24 / Math.max(kpis.length, 1)}>
          <KpiTile kpi={k} />
        </Col>
      ))}
    </Row>
  );
}
