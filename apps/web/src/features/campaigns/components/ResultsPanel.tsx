import { Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useFigures } from '../api.ts';
import { AnswerChart } from './AnswerChart.tsx';

/** A campaign's figures: list, reach and questionnaires, then each question's answers as a chart. */
export function ResultsPanel({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const figures = useFigures(campaign.id);
  const f = figures.data;
  if (!f) return <ProblemAlert error={figures.error} />;
  const stats = [
    ['targets', f.targets],
    ['attempted', f.attempted],
    ['reached', f.reached],
    ['completed', f.completed],
    ['optedOut', f.optedOut],
  ] as const;
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        {stats.map(([k, v]) => (
          <Col key={k} xs={12} sm={8} md={4}>
            <Card size="small">
              <Statistic title={t(`campaigns.results.${k}`)} value={v} data-testid={`campaign-figure-${k}`} />
            </Card>
          </Col>
        ))}
        <Col xs={12} sm={8} md={4}>
          <Card size="small">
            <Statistic
              title={t('campaigns.results.reachRate')}
              value={f.reachRate === null ? '—' : (f.reachRate * 100).toFixed(1)}
              suffix={f.reachRate === null ? undefined : '%'}
              data-testid="campaign-figure-reachRate"
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('campaigns.results.byStatus')}>
        <Flex gap={8} wrap>
          {Object.entries(f.byStatus).map(([s, n]) => (
            <Tag key={s}>
              {t(`campaigns.targetStatus.${s}`, { defaultValue: s })} {n}
            </Tag>
          ))}
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        {f.questions.map((qf, i) => {
          const q = campaign.questions.find((x) => x.id === qf.questionId);
          if (!q) return null;
          const labels = q.kind === 'choice' ? q.options : ['1', '2', '3', '4', '5'];
          return (
            <Col key={q.id} xs={24} lg={12}>
              <Card size="small" title={`${i + 1}. ${q.text}`}>
                <Typography.Text type="secondary">
                  {qf.kind === 'text'
                    ? t('campaigns.results.textAnswers', { n: qf.answered })
                    : t('campaigns.results.answered', { n: qf.answered })}
                  {qf.average !== null &&
                    ` · ${t('campaigns.results.average', { avg: qf.average.toFixed(1) })}`}
                </Typography.Text>
                {qf.kind !== 'text' && (
                  <AnswerChart labels={labels} counts={qf.counts} testId={`campaign-chart-${q.id}`} />
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
    </Flex>
  );
}
