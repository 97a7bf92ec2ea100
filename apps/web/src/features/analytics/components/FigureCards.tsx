import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AnalyticsFigure, AnalyticsFigureKey } from '@anxin/contracts';

const RATES: AnalyticsFigureKey[] = [
  'firstContactRate',
  'responseRate',
  'resolutionRate',
  'firstTimeFixRate',
  'repeatRepairRate',
  'satisfactionRate',
  'complaintRate',
  'complaintResolutionRate',
];

/** Headline figures; each opens the work-order list with the figure's filters. */
export function FigureCards({ figures, keys }: { figures: AnalyticsFigure[]; keys: AnalyticsFigureKey[] }) {
  const { t } = useTranslation();
  const shown = keys.flatMap((k) => figures.filter((f) => f.key === k));
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      {shown.map((f) => {
        const rate = RATES.includes(f.key);
        return (
          <Col key={f.key} xs={12} md={8} xl={6}>
            <Link to={f.link} data-testid={`analytics-figure-${f.key}`}>
              <Card size="small" hoverable>
                <Statistic
                  title={t(`analytics.figure.${f.key}`)}
                  value={f.value === null ? '—' : rate ? Math.round(f.value * 1000) / 10 : f.value}
                  suffix={rate && f.value !== null ? '%' : undefined}
                  precision={f.key === 'partsCost' ? 2 : undefined}
                />
                {f.denominator !== null && (
                  <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>
                    {t('analytics.figureHint', { n: f.numerator, d: f.denominator })}
                  </div>
                )}
              </Card>
            </Link>
          </Col>
        );
      })}
    </Row>
  );
}
