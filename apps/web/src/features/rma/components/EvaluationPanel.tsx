import { Alert, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RemedyVerdict, WarrantyEvaluation } from '@anxin/contracts';
import { yuan } from '../../../components/money.ts';
import { RuleSentence } from '../../warranty/index.ts';

/** The evaluation stored on the case at request time: coverage, each remedy's verdict and why. */
export function EvaluationPanel({ evaluation: e }: { evaluation: WarrantyEvaluation }) {
  const { t, i18n } = useTranslation();
  const policyName = e.policy ? (i18n.language.startsWith('zh') ? e.policy.nameZh : e.policy.nameEn) : null;
  return (
    <Flex vertical gap={8} data-testid="rma-evaluation">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'policy',
            label: t('rma.evaluation.policy'),
            children: policyName ? `${policyName} · v${e.policy!.version}` : t('rma.evaluation.noPolicy'),
          },
          {
            key: 'coverage',
            label: t('rma.evaluation.coverage'),
            children: (
              <Flex vertical>
                <span>
                  <Tag>{t(`rma.coverage.${e.coverage.status}`)}</Tag>
                </span>
                {e.coverage.unitUntil && (
                  <span>{t('rma.evaluation.unitUntil', { date: e.coverage.unitUntil })}</span>
                )}
                {e.coverage.mainPartsUntil && (
                  <span>{t('rma.evaluation.mainPartsUntil', { date: e.coverage.mainPartsUntil })}</span>
                )}
              </Flex>
            ),
          },
        ]}
      />
      {e.remedies.length === 0 ? (
        <Alert type="warning" showIcon message={t('rma.evaluation.noVerdicts')} />
      ) : (
        <Table<RemedyVerdict>
          size="small"
          rowKey="remedy"
          pagination={false}
          dataSource={e.remedies}
          columns={[
            {
              key: 'remedy',
              title: t('rma.evaluation.remedy'),
              render: (_, v) => t(`rma.remedy.${v.remedy}`),
            },
            {
              key: 'verdict',
              title: t('rma.evaluation.verdict'),
              render: (_, v) => (
                <Flex gap={4} wrap>
                  <Tag color={v.allowed ? 'green' : 'default'}>
                    {v.allowed ? t('rma.evaluation.allowed') : t('rma.evaluation.refused')}
                  </Tag>
                  {v.needsApproval && <Tag color="orange">{t('rma.evaluation.needsApproval')}</Tag>}
                </Flex>
              ),
            },
            { key: 'deadline', title: t('rma.evaluation.deadline'), render: (_, v) => v.deadline ?? '—' },
            {
              key: 'rule',
              title: t('rma.evaluation.rule'),
              // The engine's rule codes are worded by the warranty feature (zh-CN and en-US).
              render: (_, v) => <RuleSentence rule={v.rule} article={v.article} params={v.params} />,
            },
            {
              key: 'payer',
              title: t('rma.evaluation.payer'),
              render: (_, v) => (v.payer ? t(`rma.party.${v.payer}`) : '—'),
            },
          ]}
        />
      )}
      {e.depreciation && e.depreciation.amountFen !== null && (
        <Typography.Text type="secondary">
          {t('rma.evaluation.depreciation', {
            rate: e.depreciation.dailyRatePermille,
            days: e.depreciation.days,
            amount: yuan(e.depreciation.amountFen),
          })}
        </Typography.Text>
      )}
      {e.usageCompensation?.amountFen != null && (
        <Typography.Text type="secondary" data-testid="rma-usage-fee">
          {t('rma.evaluation.usageFee', {
            km: e.usageCompensation.mileageKm,
            rate: e.usageCompensation.ratePercent,
            amount: yuan(e.usageCompensation.amountFen),
          })}
        </Typography.Text>
      )}
    </Flex>
  );
}
