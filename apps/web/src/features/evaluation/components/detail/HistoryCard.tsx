import { useState } from 'react';
import { Button, Card, Flex, Input, List, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { EvaluationDetail } from '@anxin/contracts';
import { GradeTag } from '../grade.tsx';
import type { useEvaluationActions } from '../../api.ts';

type Actions = ReturnType<typeof useEvaluationActions>;

/** The subject's history: first pass, star eligibility, the outstanding mark (with its reason). */
export function HistoryCard({
  d,
  readOnly,
  actions,
}: {
  d: EvaluationDetail;
  readOnly: boolean;
  actions: Actions;
}) {
  const { t } = useTranslation();
  // The reason being typed while the outstanding mark is switched on; null when not editing.
  const [reason, setReason] = useState<string | null>(null);
  return (
    <Card size="small" title={t('evaluation.detail.history')} data-testid="evaluation-history">
      <Flex vertical gap={8}>
        <Typography.Text data-testid="evaluation-first-pass">
          {d.history.firstPassOn
            ? t('evaluation.detail.firstPassOn', { date: d.history.firstPassOn })
            : t('evaluation.detail.neverPassed')}
        </Typography.Text>
        {d.history.starEligibleOn && (
          <Typography.Text type="secondary">
            {t('evaluation.detail.starEligibleOn', { date: d.history.starEligibleOn })}
          </Typography.Text>
        )}
        <Space wrap>
          <Switch
            checked={d.evaluation.outstanding}
            disabled={readOnly}
            data-testid="evaluation-outstanding"
            onChange={(on) =>
              on
                ? setReason(d.evaluation.outstandingReason ?? '')
                : actions.setOutstanding.mutate({ outstanding: false })
            }
          />
          <Typography.Text>{t('evaluation.detail.outstanding')}</Typography.Text>
        </Space>
        {d.evaluation.outstandingReason && (
          <Typography.Text type="secondary">{d.evaluation.outstandingReason}</Typography.Text>
        )}
        {reason !== null && (
          <Space.Compact style={{ width: '100%' }}>
            <Input
              autoFocus
              value={reason}
              placeholder={t('evaluation.detail.outstandingReasonRequired')}
              onChange={(e) => setReason(e.target.value)}
              data-testid="evaluation-outstanding-reason"
              onPressEnter={() =>
                actions.setOutstanding.mutate(
                  { outstanding: true, reason },
                  { onSuccess: () => setReason(null) },
                )
              }
            />
            <Button
              type="primary"
              disabled={!reason.trim()}
              data-testid="evaluation-outstanding-save"
              onClick={() =>
                actions.setOutstanding.mutate(
                  { outstanding: true, reason },
                  { onSuccess: () => setReason(null) },
                )
              }
            >
              {t('evaluation.detail.save')}
            </Button>
            <Button onClick={() => setReason(null)}>{t('evaluation.detail.cancel')}</Button>
          </Space.Compact>
        )}
        {d.history.evaluations.length > 0 && (
          <List
            size="small"
            dataSource={d.history.evaluations}
            renderItem={(e) => (
              <List.Item>
                <Link to={`/reports/evaluations/${e.id}`}>{e.assessedOn}</Link>
                <Space>
                  {e.score?.toFixed(2)}
                  <GradeTag grade={e.grade} />
                </Space>
              </List.Item>
            )}
          />
        )}
      </Flex>
    </Card>
  );
}
