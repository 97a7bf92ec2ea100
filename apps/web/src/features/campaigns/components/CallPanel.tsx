import { useEffect, useState } from 'react';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Radio,
  Rate,
  Space,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CAMPAIGN_OUTCOMES,
  type Campaign,
  type CampaignAnswer,
  type CampaignOutcome,
  type CampaignTarget,
} from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useCategoryName } from '../../customers/index.ts';
import { useClaimNext, useRecordCall } from '../api.ts';

interface Values {
  answers: Record<string, CampaignAnswer | undefined>;
  note?: string;
  reason?: string;
}

/**
 * The agent's calling screen: the customer they hold (name, masked phone, product), the script,
 * the questionnaire and one button per outcome; recording an outcome takes the next customer.
 */
export function CallPanel({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const claim = useClaimNext();
  const record = useRecordCall();
  const [target, setTarget] = useState<CampaignTarget | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const categoryName = useCategoryName();

  const next = async () => {
    setError(null);
    form.resetFields();
    try {
      setTarget((await claim.mutateAsync(campaign.id)).target);
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => {
    if (campaign.status === 'active') void next();
    // Claims once when the screen opens (returns the customer the agent already holds, if any).
  }, [campaign.id]);

  const submit = async (outcome: CampaignOutcome) => {
    if (!target) return;
    const v = form.getFieldsValue();
    if (outcome === 'opted_out' && !v.reason?.trim()) {
      message.warning(t('campaigns.call.reasonRequired'));
      return;
    }
    const answers: Record<string, CampaignAnswer> = {};
    if (outcome === 'reached')
      for (const [k, a] of Object.entries(v.answers ?? {})) if (a !== undefined && a !== '') answers[k] = a;
    setError(null);
    try {
      await record.mutateAsync({
        targetId: target.id,
        outcome,
        answers,
        note: v.note ?? '',
        reason: outcome === 'opted_out' ? (v.reason ?? '') : '',
      });
      message.success(t('campaigns.call.recorded', { outcome: t(`campaigns.outcome.${outcome}`) }));
      await next();
    } catch (e) {
      setError(e);
    }
  };

  if (campaign.status !== 'active') return <Empty description={t('campaigns.call.notActive')} />;
  return (
    <Flex vertical gap={12}>
      <ProblemAlert error={error} />
      {target === null && (
        <Empty description={t('campaigns.call.none')}>
          <Button onClick={next} loading={claim.isPending}>
            {t('campaigns.call.next')}
          </Button>
        </Empty>
      )}
      {target && (
        <Card data-testid="campaign-target">
          <Descriptions column={{ xs: 1, sm: 3 }} size="small">
            <Descriptions.Item label={t('campaigns.call.customer')}>
              <Typography.Text strong data-testid="campaign-target-name">
                {target.customerName}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('campaigns.call.phone')}>
              <span data-testid="campaign-target-phone">{target.phone}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('campaigns.call.product')}>
              {target.product
                ? `${categoryName(target.product.categoryCode)} · ${target.product.serial}`
                : '—'}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary">
            {t('campaigns.call.attempts', { n: target.attempts })}
          </Typography.Text>
        </Card>
      )}
      {target && campaign.script && (
        <Card size="small" title={t('campaigns.call.script')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {campaign.script}
          </Typography.Paragraph>
        </Card>
      )}
      {target && (
        <Card size="small" title={t('campaigns.call.questionnaire')}>
          <Form form={form} layout="vertical">
            {campaign.questions.map((q, i) => (
              <Form.Item
                key={q.id}
                name={['answers', q.id]}
                label={`${i + 1}. ${q.text}`}
                required={q.required}
              >
                {q.kind === 'choice' ? (
                  <Radio.Group
                    options={q.options.map((o, n) => ({ value: n, label: o }))}
                    data-testid={`campaign-answer-${q.id}`}
                  />
                ) : q.kind === 'rating' ? (
                  <Rate data-testid={`campaign-answer-${q.id}`} />
                ) : (
                  <Input.TextArea rows={2} maxLength={2000} data-testid={`campaign-answer-${q.id}`} />
                )}
              </Form.Item>
            ))}
            <Form.Item name="note" label={t('campaigns.call.note')}>
              <Input maxLength={1000} />
            </Form.Item>
            <Form.Item name="reason" label={t('campaigns.call.reason')}>
              <Input maxLength={300} data-testid="campaign-optout-reason" />
            </Form.Item>
          </Form>
          <Space wrap>
            {CAMPAIGN_OUTCOMES.map((o) => (
              <Button
                key={o}
                type={o === 'reached' ? 'primary' : 'default'}
                danger={o === 'opted_out'}
                loading={record.isPending}
                onClick={() => submit(o)}
                data-testid={`campaign-outcome-${o}`}
              >
                {t(`campaigns.outcome.${o}`)}
              </Button>
            ))}
          </Space>
        </Card>
      )}
    </Flex>
  );
}
