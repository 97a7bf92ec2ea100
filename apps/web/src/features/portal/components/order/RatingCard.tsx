import { useState } from 'react';
import { Alert, Button, Flex, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallbackAnswers } from '@anxin/contracts';
import { ProblemAlert } from '../../../../components/ProblemAlert.tsx';
import { useOrderRating, useRateOrder } from '../../api.ts';
import { RatingQuestions } from '../RatingQuestions.tsx';

/**
 * 评价本次服务: shown once the order waits for its callback; the customer's answers count as the
 * callback (satisfied closes the order), once.
 */
export function RatingCard({ orderId, enabled }: { orderId: string; enabled: boolean }) {
  const { t } = useTranslation();
  const rating = useOrderRating(orderId, enabled);
  const rate = useRateOrder(orderId);
  const [answers, setAnswers] = useState<CallbackAnswers>({});
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const r = rating.data;
  if (rate.data)
    return (
      <div className="portal-card" data-testid="portal-rate-done" data-outcome={rate.data.outcome}>
        <Result
          status="success"
          title={t('portal.detail.rateDone')}
          subTitle={rate.data.outcome === 'recorded' ? t('portal.detail.rateDoneRecorded') : undefined}
        />
      </div>
    );
  if (!r || r.state === 'none') return null;
  if (r.state === 'rated')
    return (
      <div className="portal-card" data-testid="portal-rate-already">
        <Typography.Text type="secondary">{t('portal.detail.rateAlready')}</Typography.Text>
      </div>
    );
  const missing = r.questions.filter((q) => q.required && answers[q.id] === undefined);
  const send = () => {
    setTried(true);
    if (missing.length || rate.isPending) return;
    rate.mutate({ answers, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  };
  return (
    <div className="portal-card" data-testid="portal-rate">
      <Flex vertical gap={12}>
        <div className="portal-section-title">{t('portal.detail.rateTitle')}</div>
        <Typography.Text type="secondary">{t('portal.detail.rateIntro')}</Typography.Text>
        <RatingQuestions
          questions={r.questions}
          answers={answers}
          onAnswers={setAnswers}
          comment={comment}
          onComment={setComment}
        />
        {tried && missing.length > 0 && <Alert type="warning" showIcon title={t('portal.rate.required')} />}
        {rate.error && <ProblemAlert error={rate.error} />}
        <Button
          type="primary"
          size="large"
          block
          loading={rate.isPending}
          onClick={send}
          className="portal-primary"
          data-testid="rate-submit"
        >
          {t('portal.rate.submit')}
        </Button>
      </Flex>
    </div>
  );
}
