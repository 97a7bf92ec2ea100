import { App, Form, Input, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatementLine } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useFileAppeal } from '../api.ts';

/** An outlet manager appeals a deduction line (its class or complaint) with a reason and evidence. */
export function AppealDialog({ line, onClose }: { line: StatementLine; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const file = useFileAppeal();
  const [form] = Form.useForm<{ reason: string; evidenceText?: string }>();
  const item = line.classification
    ? t(`settlement.classes.${line.classification as 'satisfied'}`)
    : line.description;
  const ok = async () => {
    const v = await form.validateFields();
    file.mutate(
      {
        orderId: line.orderId!,
        lineId: line.id,
        reason: v.reason,
        evidenceText: v.evidenceText || undefined,
      },
      {
        onSuccess: () => (message.success(t('settlement.appeals.filed')), onClose()),
        onError: (e) => applyFieldErrors(form, e),
      },
    );
  };
  return (
    <Modal
      open
      title={t('settlement.appeals.fileTitle', { item: `${line.orderNumber ?? ''} ${item}` })}
      onCancel={onClose}
      onOk={ok}
      confirmLoading={file.isPending}
      okButtonProps={{ 'data-testid': 'appeal-file-submit' } as ButtonProps}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('settlement.appeals.fileReason')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={2000} autoFocus data-testid="appeal-file-reason" />
        </Form.Item>
        <Form.Item name="evidenceText" label={t('settlement.appeals.fileEvidence')}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="appeal-file-evidence" />
        </Form.Item>
      </Form>
      {file.error ? <ProblemAlert error={file.error} /> : null}
    </Modal>
  );
}
