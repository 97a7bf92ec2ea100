import { useEffect } from 'react';
import { App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { RECALL_CALL_OUTCOMES, type RecallCallOutcome, type RecallProduct } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useRecordCall } from '../api.ts';

/** One call to an affected product's owner, with its outcome (like a callback attempt). */
export function CallDialog({ product, onClose }: { product: RecallProduct | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome: RecallCallOutcome; note?: string }>();
  const record = useRecordCall();
  useEffect(() => {
    if (product) {
      form.resetFields();
      record.reset();
    }
  }, [product, form]);

  const save = async (v: { outcome: RecallCallOutcome; note?: string }) => {
    if (!product) return;
    await record.mutateAsync({
      recallId: product.recallId,
      id: product.id,
      outcome: v.outcome,
      note: v.note ?? '',
      version: product.version,
    });
    message.success(t('recalls.call.saved'));
    onClose();
  };

  return (
    <Modal
      open={!!product}
      title={product ? t('recalls.call.title', { serial: product.serial }) : ''}
      okText={t('recalls.call.save')}
      cancelText={t('recalls.call.cancel')}
      confirmLoading={record.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert error={record.error} />
      <Form form={form} layout="vertical" onFinish={(v) => void save(v).catch(() => undefined)}>
        <Form.Item name="outcome" label={t('recalls.call.outcome')} rules={[{ required: true }]}>
          <Radio.Group
            data-testid="recall-call-outcome"
            options={RECALL_CALL_OUTCOMES.map((o) => ({ value: o, label: t(`recalls.contact.${o}`) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('recalls.call.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
