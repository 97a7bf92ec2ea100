import { useState } from 'react';
import { Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEDUCTION_CATEGORIES } from '@anxin/contracts';
import { ProblemAlert } from '../../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../../components/fieldErrors.ts';
import type { useEvaluationActions } from '../../api.ts';

type Actions = ReturnType<typeof useEvaluationActions>;

/** Marks an item not applicable (删减), with the reason the standard asks for. */
export function NaModal({
  code,
  actions,
  onClose,
}: {
  code: string | null;
  actions: Actions;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ naReason: string }>();
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: { naReason: string }) => {
    setError(null);
    try {
      await actions.putItem.mutateAsync({ code: code!, body: { applicable: false, naReason: v.naReason } });
      onClose();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    }
  };
  return (
    <Modal
      open={!!code}
      title={t('evaluation.detail.naTitle', { code })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={actions.putItem.isPending}
      okButtonProps={{ 'data-testid': 'na-submit' } as ButtonProps}
      destroyOnHidden
    >
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="naReason"
          label={t('evaluation.detail.naReason')}
          rules={[{ required: true, whitespace: true, message: t('evaluation.detail.naReasonRequired') }]}
        >
          <Input autoFocus maxLength={500} data-testid="na-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Adds a special deduction (with its corrective action) or a bonus. */
export function AdjustmentModal({
  kind,
  actions,
  onClose,
}: {
  kind: 'deduction' | 'bonus' | null;
  actions: Actions;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: { category?: string; description: string; correctiveAction?: string }) => {
    setError(null);
    try {
      await actions.addAdjustment.mutateAsync(
        kind === 'bonus'
          ? { kind: 'bonus', description: v.description }
          : {
              kind: 'deduction',
              category: v.category as (typeof DEDUCTION_CATEGORIES)[number],
              description: v.description,
              correctiveAction: v.correctiveAction ?? '',
            },
      );
      onClose();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    }
  };
  return (
    <Modal
      open={!!kind}
      title={kind === 'bonus' ? t('evaluation.detail.addBonus') : t('evaluation.detail.addDeduction')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={actions.addAdjustment.isPending}
      okButtonProps={{ 'data-testid': 'adjustment-submit' } as ButtonProps}
      destroyOnHidden
    >
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ category: 'own_rules' }}>
        {kind === 'deduction' && (
          <Form.Item name="category" label={t('evaluation.detail.category')} rules={[{ required: true }]}>
            <Select
              data-testid="adjustment-category"
              options={DEDUCTION_CATEGORIES.map((c) => ({
                value: c,
                label: t(`evaluation.categories.${c}`),
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="description"
          label={t('evaluation.detail.description')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={2} autoFocus maxLength={1000} data-testid="adjustment-description" />
        </Form.Item>
        {kind === 'deduction' && (
          <Form.Item
            name="correctiveAction"
            label={t('evaluation.detail.correctiveAction')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={2} maxLength={1000} data-testid="adjustment-corrective" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
