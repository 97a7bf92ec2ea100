import { useEffect } from 'react';
import { DatePicker, Form, Input, Modal, Radio } from 'antd';
import type { ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { PhoneConsent } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';

interface Values {
  decision: 'approved' | 'declined';
  consentBy: string;
  consentAt: Dayjs;
  note: string;
  recordingRef?: string;
}

/** 电话确认: the agent records the customer's answer, who gave it, when, and the call reference. */
export function ConsentDialog({
  open,
  version,
  customerName,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  open: boolean;
  version: number;
  customerName: string;
  pending: boolean;
  error: unknown;
  onSubmit: (b: PhoneConsent) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (open)
      form.setFieldsValue({
        decision: 'approved',
        consentBy: customerName,
        consentAt: dayjs(),
        note: '',
        recordingRef: '',
      });
  }, [open]);
  return (
    <Modal
      open={open}
      onCancel={onClose}
      destroyOnHidden
      forceRender
      title={t('charges.consent.title')}
      okText={t('charges.consent.save')}
      cancelText={t('charges.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'consent-ok' } as ButtonProps}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) =>
          onSubmit({
            version,
            decision: v.decision,
            consentBy: v.consentBy.trim(),
            consentAt: v.consentAt.toISOString(),
            note: v.note.trim(),
            recordingRef: v.recordingRef?.trim() ?? '',
          })
        }
      >
        <Form.Item name="decision" label={t('charges.consent.decision')}>
          <Radio.Group
            options={[
              { value: 'approved', label: t('charges.consent.approved') },
              { value: 'declined', label: t('charges.consent.declined') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="consentBy"
          label={t('charges.consent.by')}
          rules={[{ required: true, whitespace: true, max: 60 }]}
        >
          <Input data-testid="consent-by" />
        </Form.Item>
        <Form.Item name="consentAt" label={t('charges.consent.at')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('charges.consent.note')}
          rules={[{ required: true, whitespace: true, max: 500 }]}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid="consent-note" />
        </Form.Item>
        <Form.Item name="recordingRef" label={t('charges.consent.recordingRef')} rules={[{ max: 120 }]}>
          <Input />
        </Form.Item>
      </Form>
      {!!error && <ProblemAlert error={error} />}
    </Modal>
  );
}
