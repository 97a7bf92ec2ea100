import { useEffect } from 'react';
import { App, Form, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallbackPolicy } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { usePolicy, useSavePolicy } from '../api.ts';

const FIELDS = [
  ['dueBusinessHours', 1, 720],
  ['maxAttempts', 1, 10],
  ['retryAfterMinutes', 1, 10080],
  ['attitudeThreshold', 1, 5],
  ['repeatWindowDays', 1, 365],
  ['portalLinkHours', 1, 720],
  ['portalSatisfiedMinScore', 1, 5],
] as const;

/** The figures of `callbacks.policy` (the questionnaire itself is edited through the API). */
export function PolicyModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const policy = usePolicy();
  const save = useSavePolicy();
  const [form] = Form.useForm<CallbackPolicy>();
  useEffect(() => {
    if (open && policy.data) form.setFieldsValue(policy.data.policy);
  }, [open, policy.data, form]);
  const onOk = async () => {
    const values = await form.validateFields();
    if (!policy.data) return;
    save.mutate(
      { policy: { ...policy.data.policy, ...values }, version: policy.data.version },
      {
        onSuccess: () => (message.success(t('callbacks.policyForm.saved')), onClose()),
        onError: (e) => applyFieldErrors(form, e),
      },
    );
  };
  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={save.isPending}
      title={t('callbacks.policyForm.title')}
    >
      <Form form={form} layout="horizontal" labelCol={{ span: 14 }} wrapperCol={{ span: 10 }}>
        {FIELDS.map(([name, min, max]) => (
          <Form.Item
            key={name}
            name={name}
            label={t(`callbacks.policyForm.${name}`)}
            rules={[{ required: true }]}
          >
            <InputNumber
              min={min}
              max={max}
              precision={0}
              style={{ width: '100%' }}
              data-testid={`cb-policy-${name}`}
            />
          </Form.Item>
        ))}
      </Form>
      {save.error && <ProblemAlert error={save.error} />}
    </Modal>
  );
}
