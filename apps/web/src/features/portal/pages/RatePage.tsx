import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Result, Spin, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { CallbackAnswers, PublicRatingView } from '@anxin/contracts';
import { api, isApiError } from '../../../api/client.ts';
import { BrandLogo } from '../../../components/BrandLogo.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { bj } from '../../workorders/index.ts';
import { PortalLocaleToggle } from '../components/PortalLocaleToggle.tsx';
import { RatingQuestions } from '../components/RatingQuestions.tsx';
import '../portal.css';

const path = (token: string) => `/api/v1/public/ratings/${encodeURIComponent(token)}`;
const fmt = (iso: string | null) => (iso ? bj(iso).format('YYYY-MM-DD HH:mm') : '—');

/** Which dead-end a link is in: used (409), expired (410) or unknown (404). */
function linkState(e: unknown): 'used' | 'expired' | 'missing' | null {
  if (!isApiError(e)) return null;
  if (e.code === 'callback.link_used') return 'used';
  if (e.code === 'callback.link_expired') return 'expired';
  if (e.status === 404 || e.status === 400) return 'missing';
  return null;
}

/**
 * The customer's rating page (`/rate/:token`, no login): phone width, the order summary and the
 * questionnaire of the callback policy; submits once, then thanks the customer.
 */
export default function RatePage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const view = useQuery({
    queryKey: ['public-rating', token],
    queryFn: () => api.get<PublicRatingView>(path(token), undefined, { allowUnauthenticated: true }),
    retry: false,
  });
  const submit = useMutation({
    mutationFn: (body: { answers: CallbackAnswers; comment?: string }) =>
      api.post<{ outcome: 'satisfied' | 'recorded' }>(path(token), body, { allowUnauthenticated: true }),
  });
  const [answers, setAnswers] = useState<CallbackAnswers>({});
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);

  const questions = view.data?.questions ?? [];
  const missing = questions.filter((q) => q.required && answers[q.id] === undefined);
  const send = () => {
    setTried(true);
    if (missing.length || submit.isPending) return;
    submit.mutate({ answers, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  };

  const dead = linkState(view.error) ?? linkState(submit.error);
  let body: React.ReactNode;
  if (view.isPending) body = <Spin style={{ display: 'block', margin: '64px auto' }} />;
  else if (submit.data)
    body = (
      <div data-testid="rate-done" data-outcome={submit.data.outcome}>
        <Result
          status="success"
          title={t('portal.rate.thanksTitle')}
          subTitle={
            submit.data.outcome === 'satisfied'
              ? t('portal.rate.thanksSatisfied')
              : t('portal.rate.thanksRecorded')
          }
        />
      </div>
    );
  else if (dead)
    body = (
      <div data-testid={`rate-${dead}`}>
        <Result
          status={dead === 'used' ? 'info' : 'warning'}
          title={t(`portal.rate.${dead}Title`)}
          subTitle={t(`portal.rate.${dead}Text`)}
        />
      </div>
    );
  else if (view.error) body = <ProblemAlert error={view.error} />;
  else {
    const v = view.data!;
    body = (
      <Flex vertical gap={16}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('portal.rate.intro')}</Typography.Paragraph>
        <Card size="small">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('portal.rate.order')}>
              <span data-testid="rate-order-number">{v.orderNumber}</span>
            </Descriptions.Item>
            {v.productName && (
              <Descriptions.Item label={t('portal.rate.product')}>
                {i18n.language === 'en-US' ? v.productNameEn : v.productName}
              </Descriptions.Item>
            )}
            {v.technicianName && (
              <Descriptions.Item label={t('portal.rate.technician')}>{v.technicianName}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('portal.rate.completedAt')}>{fmt(v.completedAt)}</Descriptions.Item>
          </Descriptions>
        </Card>
        <RatingQuestions
          questions={questions}
          answers={answers}
          onAnswers={setAnswers}
          comment={comment}
          onComment={setComment}
        />
        {tried && missing.length > 0 && <Alert type="warning" showIcon title={t('portal.rate.required')} />}
        {submit.error && !dead && <ProblemAlert error={submit.error} />}
        <Button
          type="primary"
          size="large"
          block
          loading={submit.isPending}
          onClick={send}
          data-testid="rate-submit"
          className="portal-primary"
        >
          {t('portal.rate.submit')}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>
          {t('portal.rate.expiresAt', { time: fmt(v.expiresAt) })}
        </Typography.Text>
      </Flex>
    );
  }

  return (
    <div className="portal-root" data-testid="rate-page">
      <div className="portal-shell">
        <header className="portal-header">
          <BrandLogo size={26} />
          <PortalLocaleToggle />
        </header>
        <main className="portal-main">
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('portal.rate.title')}
          </Typography.Title>
          {body}
        </main>
      </div>
    </div>
  );
}
