import { Card, Flex, Progress, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GradingMetric, Scorecard } from '@anxin/contracts';

/** The seven figures of one scorecard as tiles; each opens the orders behind it. */
export function MetricTiles({ card, onOpen }: { card: Scorecard; onOpen: (metric: GradingMetric) => void }) {
  const { t } = useTranslation();
  return (
    <Flex gap={12} wrap data-testid="grading-metric-tiles">
      {card.metrics.map((m) => (
        <Card
          key={m.metric}
          size="small"
          hoverable
          role="button"
          tabIndex={0}
          style={{ flex: '1 1 200px', maxWidth: 280 }}
          onClick={() => onOpen(m.metric)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              onOpen(m.metric);
            }
          }}
          data-testid={`grading-metric-${m.metric}`}
        >
          <Tooltip title={t(`grading.metricHints.${m.metric}`)}>
            <Typography.Text type="secondary">{t(`grading.metrics.${m.metric}`)}</Typography.Text>
          </Tooltip>
          <Flex align="baseline" gap={8} style={{ marginTop: 4 }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {m.value === null ? '—' : `${m.value}%`}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t('grading.figure', { numerator: m.numerator, denominator: m.denominator })}
            </Typography.Text>
          </Flex>
          <Progress
            percent={m.points ?? 0}
            size="small"
            showInfo={false}
            status={
              m.points === null
                ? 'normal'
                : m.points >= 75
                  ? 'success'
                  : m.points >= 40
                    ? 'normal'
                    : 'exception'
            }
          />
          <Typography.Text style={{ fontSize: 12 }}>
            {m.points === null
              ? t('grading.notApplicable')
              : `${t('grading.points', { points: m.points })} × ${m.weight}%`}
          </Typography.Text>
        </Card>
      ))}
    </Flex>
  );
}
