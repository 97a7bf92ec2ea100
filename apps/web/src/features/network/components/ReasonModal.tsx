import { useEffect, useState } from 'react';
import { Form, Input, Modal, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';

/** Asks for a reason, then runs `onOk(reason)`; errors stay in the dialog. */
export function ReasonModal({
  open,
  title,
  onOk,
  onClose,
  testId,
}: {
  open: boolean;
  title: string;
  onOk: (reason: string) => Promise<unknown>;
  onClose: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': `${testId ?? 'reason'}-ok` } as ButtonProps}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <ProblemAlert error={error} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            await onOk(v.reason);
            onClose();
          } catch (e) {
            setError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item
          name="reason"
          label={t('network.common.reason')}
          rules={[{ required: true, whitespace: true, message: t('network.common.reasonRequired') }]}
        >
          <Input.TextArea autoFocus rows={3} maxLength={500} data-testid={`${testId ?? 'reason'}-input`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
