import { useState } from 'react';
import {
  Button,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_CHANNELS, type Evidence, type EvidenceChannel, type SchemeItem } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { bj } from '../../workorders/index.ts';
import type { useEvaluationActions } from '../api.ts';
import { pts } from './grade.tsx';

interface Values {
  channel: EvidenceChannel;
  conforming?: boolean;
  sampleSize?: number | null;
  nonConforming?: number | null;
  score?: number | null;
  note?: string;
  attachments?: string[];
}

/** Evidence for one checklist item: what is recorded, and a form to record more. */
export function EvidenceDrawer({
  item,
  evidence,
  readOnly,
  actions,
  onClose,
}: {
  item: SchemeItem | null;
  evidence: Evidence[];
  readOnly: boolean;
  actions: ReturnType<typeof useEvaluationActions>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const mine = item ? evidence.filter((e) => e.itemCode === item.code) : [];
  const finding = (e: Evidence): string => {
    if (e.score !== null) return `${t('evaluation.detail.achievedCol')} ${pts(e.score)}`;
    if (e.conforming !== null)
      return e.conforming ? t('evaluation.detail.conforming') : t('evaluation.detail.nonConformingLabel');
    if (e.sampleSize !== null) return `${e.nonConforming ?? 0} / ${e.sampleSize}`;
    return '—';
  };
  const submit = async (v: Values) => {
    if (!item) return;
    setError(null);
    try {
      await actions.addEvidence.mutateAsync({
        itemCode: item.code,
        channel: v.channel,
        note: v.note ?? '',
        attachments: v.attachments ?? [],
        ...(item.mode === 'binary'
          ? { conforming: v.conforming ?? null }
          : { sampleSize: v.sampleSize ?? null, nonConforming: v.nonConforming ?? null }),
        score: v.score ?? null,
      });
      form.resetFields();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    }
  };
  return (
    <Drawer
      open={!!item}
      width={520}
      onClose={onClose}
      destroyOnHidden
      title={item ? t('evaluation.detail.evidenceTitle', { code: item.code, name: item.name }) : ''}
      data-testid="evidence-drawer"
    >
      {item && (
        <Flex vertical gap={16}>
          <Space>
            <Tag>{t(`evaluation.modes.${item.mode}`)}</Tag>
            <Typography.Text>
              {t('evaluation.detail.points')}: {pts(item.points)}
            </Typography.Text>
          </Space>
          <Typography.Text strong>{t('evaluation.detail.evidenceList')}</Typography.Text>
          {mine.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evaluation.detail.noEvidence')} />
          ) : (
            <List
              size="small"
              bordered
              dataSource={mine}
              renderItem={(e) => (
                <List.Item
                  data-testid={`evidence-${e.id}`}
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
                            onClick={() => actions.removeEvidence.mutate(e.id)}
                          />,
                        ]
                  }
                >
                  <Flex vertical>
                    <Space wrap>
                      <Tag color="blue">{t(`evaluation.channels.${e.channel}`)}</Tag>
                      <Typography.Text strong>{finding(e)}</Typography.Text>
                      <Typography.Text type="secondary">
                        {bj(e.recordedAt).format('YYYY-MM-DD HH:mm')}
                      </Typography.Text>
                    </Space>
                    {e.note && <Typography.Text>{e.note}</Typography.Text>}
                    {e.attachments.length > 0 && (
                      <Typography.Text type="secondary">{e.attachments.join('、')}</Typography.Text>
                    )}
                  </Flex>
                </List.Item>
              )}
            />
          )}
          {!readOnly && (
            <>
              <ProblemAlert error={error} />
              <Form<Values>
                form={form}
                layout="vertical"
                onFinish={submit}
                initialValues={{ channel: item.mode === 'sampled' ? 'sample' : 'document', conforming: true }}
              >
                <Form.Item name="channel" label={t('evaluation.detail.channel')} rules={[{ required: true }]}>
                  <Select
                    data-testid="evidence-channel"
                    options={EVIDENCE_CHANNELS.map((c) => ({
                      value: c,
                      label: t(`evaluation.channels.${c}`),
                    }))}
                  />
                </Form.Item>
                {item.mode === 'binary' ? (
                  <Form.Item name="conforming" label={t('evaluation.detail.finding')}>
                    <Radio.Group data-testid="evidence-conforming">
                      <Radio.Button value={true} data-testid="evidence-conforming-yes">
                        {t('evaluation.detail.conforming')}
                      </Radio.Button>
                      <Radio.Button value={false} data-testid="evidence-conforming-no">
                        {t('evaluation.detail.nonConformingLabel')}
                      </Radio.Button>
                    </Radio.Group>
                  </Form.Item>
                ) : (
                  <Space>
                    <Form.Item name="sampleSize" label={t('evaluation.detail.sampleSize')}>
                      <InputNumber min={1} precision={0} autoFocus data-testid="evidence-sample-size" />
                    </Form.Item>
                    <Form.Item name="nonConforming" label={t('evaluation.detail.nonConforming')}>
                      <InputNumber min={0} precision={0} data-testid="evidence-non-conforming" />
                    </Form.Item>
                  </Space>
                )}
                <Form.Item name="score" label={t('evaluation.detail.directScore')}>
                  <InputNumber
                    min={0}
                    step={0.5}
                    suffix={`/ ${pts(item.points)}`}
                    data-testid="evidence-score"
                  />
                </Form.Item>
                <Form.Item name="note" label={t('evaluation.detail.note')}>
                  <Input.TextArea rows={2} maxLength={2000} data-testid="evidence-note" />
                </Form.Item>
                <Form.Item name="attachments" label={t('evaluation.detail.attachments')}>
                  <Select
                    mode="tags"
                    open={false}
                    tokenSeparators={[',', '，']}
                    data-testid="evidence-attachments"
                  />
                </Form.Item>
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={actions.addEvidence.isPending}
                  data-testid="evidence-submit"
                >
                  {t('evaluation.detail.addEvidence')}
                </Button>
              </Form>
            </>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
