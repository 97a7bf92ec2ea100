import { Alert, Card, Descriptions, Flex, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '@anxin/contracts';
import { GradeTag, pts } from '../grade.tsx';

/** The live score and grade, with why a grade was failed or capped. */
export function ScoreCard({ d }: { d: EvaluationDetail }) {
  const { t } = useTranslation();
  const r = d.result;
  return (
    <Card size="small" data-testid="evaluation-score-card">
      <Flex justify="space-between" align="center">
        <Statistic
          title={t('evaluation.detail.score')}
          value={r.score}
          precision={2}
          styles={{ content: { fontSize: 36 } }}
        />
        <span data-testid="evaluation-score" data-score={r.score} hidden />
        <GradeTag grade={r.grade} testId="evaluation-grade" />
      </Flex>
      {r.failedByDeductions && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          message={t('evaluation.detail.failedByDeductions', {
            count: d.scheme.definition.rules.failIfSpecialDeductionsAtLeast,
          })}
        />
      )}
      {r.starCapped && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="evaluation-star-capped"
          message={t('evaluation.detail.bandCapped', { band: t(`evaluation.grades.${r.bandGrade}`) })}
        />
      )}
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 8 }}
        items={[
          { key: 'normalized', label: t('evaluation.detail.normalized'), children: r.normalized.toFixed(2) },
          {
            key: 'achieved',
            label: t('evaluation.detail.achieved'),
            children: `${pts(r.achievedPoints)} / ${pts(r.applicablePoints)}`,
          },
          {
            key: 'adjustments',
            label: t('evaluation.detail.adjustments'),
            children: `−${r.deductions} / +${r.bonuses}`,
          },
        ]}
      />
      {r.unassessed > 0 && (
        <Tag color="orange">{t('evaluation.detail.unassessed', { count: r.unassessed })}</Tag>
      )}
    </Card>
  );
}
