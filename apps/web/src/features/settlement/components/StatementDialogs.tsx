import { App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatementDetail, StatementLine, StatementStatus } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { toFen, useAdjust, useStatementTransition, yuan } from '../api.ts';
import { effectiveAmountFen } from '../statement/rules.ts';
import type { StatementStep } from '../statement/useStatementView.ts';

/** Finance sets a generated line's new amount, with the reason the outlet will read. */
export function AdjustDialog({
  s,
  line,
  onClose,
}: {
  s: StatementDetail;
  line: StatementLine;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const adjust = useAdjust();
  const effective = effectiveAmountFen(s.lines, line);
  const [form] = Form.useForm<{ amount: number; reason: string }>();
  const ok = async () => {
    // A field left empty shows its message beside it; nothing is sent.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    adjust.mutate(
      {
        id: s.id,
        body: { version: s.version, lineId: line.id, newAmountFen: toFen(v.amount), reason: v.reason },
      },
      {
        onSuccess: () => (message.success(t('settlement.detail.adjusted')), onClose()),
        onError: (e) => applyFieldErrors(form, e, { newAmountFen: 'amount' }),
      },
    );
  };
  return (
    <Modal
      open
      title={t('settlement.detail.adjustTitle', { seq: line.seq })}
      onCancel={onClose}
      onOk={ok}
      confirmLoading={adjust.isPending}
      okButtonProps={{ 'data-testid': 'stl-adjust-submit' } as ButtonProps}
    >
      <Typography.Paragraph type="secondary">
        {t('settlement.detail.adjustCurrent', { amount: yuan(effective) })}
        {line.disputeComment ? ` · ${line.disputeComment}` : ''}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ amount: effective / 100 }}>
        <Form.Item name="amount" label={t('settlement.detail.adjustAmount')} rules={[{ required: true }]}>
          <InputNumber
            precision={2}
            step={1}
            style={{ width: '100%' }}
            autoFocus
            data-testid="stl-adjust-amount"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('settlement.detail.adjustReason')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="stl-adjust-reason" />
        </Form.Item>
      </Form>
      {adjust.error ? <ProblemAlert error={adjust.error} /> : null}
    </Modal>
  );
}

/** A step that needs words: why approve over open disputes, why reopen, or the payment reference. */
export function StepDialog({
  s,
  step,
  onClose,
}: {
  s: StatementDetail;
  step: StatementStep;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const move = useStatementTransition();
  const [form] = Form.useForm<{ text: string }>();
  const to: StatementStatus = step === 'approve' ? 'approved' : step === 'pay' ? 'paid' : 'draft';
  const ok = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const { text } = values;
    move.mutate(
      {
        id: s.id,
        body:
          step === 'pay'
            ? { to, version: s.version, paymentReference: text }
            : { to, version: s.version, reason: text },
      },
      {
        onSuccess: () => (
          message.success(
            t(
              step === 'pay'
                ? 'settlement.detail.paid'
                : step === 'approve'
                  ? 'settlement.detail.approved'
                  : 'settlement.detail.reopen',
            ),
          ),
          onClose()
        ),
        onError: (e) => applyFieldErrors(form, e, { paymentReference: 'text', reason: 'text' }),
      },
    );
  };
  const label =
    step === 'pay'
      ? t('settlement.detail.payReference')
      : step === 'approve'
        ? t('settlement.detail.approveReason')
        : t('settlement.detail.reopenReason');
  return (
    <Modal
      open
      title={
        step === 'pay'
          ? t('settlement.detail.payTitle')
          : step === 'approve'
            ? t('settlement.detail.approveTitle')
            : t('settlement.detail.reopen')
      }
      onCancel={onClose}
      onOk={ok}
      confirmLoading={move.isPending}
      okButtonProps={{ 'data-testid': `stl-${step}-submit` } as ButtonProps}
    >
      {step === 'approve' && (
        <Typography.Paragraph>
          {t('settlement.detail.approveOpenDisputes', { count: s.disputedCount })}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical">
        <Form.Item name="text" label={label} rules={[{ required: true, whitespace: true }]}>
          <Input autoFocus maxLength={step === 'pay' ? 100 : 2000} data-testid={`stl-${step}-text`} />
        </Form.Item>
      </Form>
      {move.error ? <ProblemAlert error={move.error} /> : null}
    </Modal>
  );
}
