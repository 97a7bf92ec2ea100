import { useEffect } from 'react';
import { Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { PAYMENT_METHODS, type PaymentInput } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { toFen, yuan } from '../../../components/money.ts';

interface Values {
  method: PaymentInput['method'];
  amountYuan: number;
  reference?: string;
  note?: string;
}

/** 收款: cash, bank transfer or an online payment reference, at most the balance due. */
export function PaymentDialog({
  open,
  balanceFen,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  open: boolean;
  balanceFen: number;
  pending: boolean;
  error: unknown;
  onSubmit: (b: PaymentInput) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const method = Form.useWatch('method', form);
  useEffect(() => {
    if (open) form.setFieldsValue({ method: 'cash', amountYuan: balanceFen / 100, reference: '', note: '' });
  }, [open]);
  return (
    <Modal
      open={open}
      onCancel={onClose}
      destroyOnHidden
      forceRender
      title={t('charges.payment.title')}
      okText={t('charges.payment.save')}
      cancelText={t('charges.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'payment-ok' } as ButtonProps}
    >
      <Typography.Paragraph>
        {t('charges.payment.balance', { amount: yuan(balanceFen) })}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) =>
          onSubmit({
            method: v.method,
            amountFen: toFen(v.amountYuan),
            reference: v.reference?.trim() ?? '',
            note: v.note?.trim() ?? '',
          })
        }
      >
        <Form.Item name="method" label={t('charges.payment.method')}>
          <Radio.Group
            options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`charges.method.${m}`) }))}
          />
        </Form.Item>
        <Form.Item name="amountYuan" label={t('charges.payment.amount')} rules={[{ required: true }]}>
          <InputNumber
            min={0.01}
            max={balanceFen / 100}
            precision={2}
            prefix="¥"
            style={{ width: 180 }}
            data-testid="payment-amount"
          />
        </Form.Item>
        <Form.Item
          name="reference"
          label={t('charges.payment.reference')}
          rules={[{ required: method !== 'cash', whitespace: true, max: 120 }]}
        >
          <Input data-testid="payment-reference" />
        </Form.Item>
        <Form.Item name="note" label={t('charges.payment.note')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
      </Form>
      {!!error && <ProblemAlert error={error} />}
    </Modal>
  );
}
