import { Button, Card, Flex, List, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '@anxin/contracts';
import type { useEvaluationActions } from '../../api.ts';

type Actions = ReturnType<typeof useEvaluationActions>;

/** Special deductions and bonuses, each with its points; adding one opens its dialog. */
export function AdjustmentsCard({
  d,
  readOnly,
  actions,
  onAdd: setAdjusting,
}: {
  d: EvaluationDetail;
  readOnly: boolean;
  actions: Actions;
  onAdd: (kind: 'deduction' | 'bonus') => void;
}) {
  const { t } = useTranslation();
  const bonuses = d.adjustments.filter((a) => a.kind === 'bonus').length;
  return (
    <Card
      size="small"
      title={t('evaluation.detail.adjustments')}
      data-testid="evaluation-adjustments"
      extra={
        !readOnly && (
          <Space>
            <Button
              size="small"
              danger
              icon={<MinusOutlined />}
              onClick={() => setAdjusting('deduction')}
              data-testid="evaluation-add-deduction"
            >
              {t('evaluation.detail.deduction')}
            </Button>
            <Button
              size="small"
              icon={<PlusOutlined />}
              disabled={bonuses >= d.scheme.definition.rules.maxBonusItems}
              title={t('evaluation.detail.bonusLimit')}
              onClick={() => setAdjusting('bonus')}
              data-testid="evaluation-add-bonus"
            >
              {t('evaluation.detail.bonus')}
            </Button>
          </Space>
        )
      }
    >
      <List
        size="small"
        dataSource={d.adjustments}
        locale={{ emptyText: t('evaluation.detail.noAdjustments') }}
        renderItem={(a) => (
          <List.Item
            data-testid={`adjustment-${a.id}`}
            actions={
              readOnly
                ? []
                : [
                    <Button
                      key="rm"
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('evaluation.detail.remove')}
                      onClick={() => actions.removeAdjustment.mutate(a.id)}
                    />,
                  ]
            }
          >
            <Flex vertical>
              <Space wrap>
                <Tag color={a.kind === 'bonus' ? 'green' : 'red'}>
                  {a.kind === 'bonus' ? '+' : '−'}
                  {a.kind === 'bonus'
                    ? d.scheme.definition.rules.bonusPoints
                    : d.scheme.definition.rules.specialDeductionPoints}
                </Tag>
                {a.category && <Tag>{t(`evaluation.categories.${a.category}`)}</Tag>}
              </Space>
              <Typography.Text>{a.description}</Typography.Text>
              {a.correctiveAction && (
                <Typography.Text type="secondary">
                  {t('evaluation.detail.correctiveAction')}: {a.correctiveAction}
                </Typography.Text>
              )}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
