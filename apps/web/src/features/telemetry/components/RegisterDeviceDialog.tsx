import { useState } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeviceWithToken } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useCustomerLookup } from '../../customers/index.ts';
import { useRegisterDevice } from '../api.ts';

interface Values {
  productId: string;
  serial: string;
  label?: string;
}

/** Registers a device on an installed product found by customer phone, name or product serial. */
export function RegisterDeviceDialog({
  open,
  onClose,
  onIssued,
}: {
  open: boolean;
  onClose: () => void;
  onIssued: (d: DeviceWithToken) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const lookup = useCustomerLookup(q);
  const register = useRegisterDevice();
  const options = (lookup.data?.items ?? []).flatMap((c) =>
    c.products.map((p) => ({ value: p.id, label: `${p.serial} · ${p.modelName} — ${c.name}` })),
  );
  const submit = async (v: Values) => {
    const issued = await register.mutateAsync({
      productId: v.productId,
      serial: v.serial,
      label: v.label ?? '',
    });
    form.resetFields();
    onIssued(issued);
  };
  return (
    <Modal
      open={open}
      title={t('telemetry.register.title')}
      okText={t('telemetry.register.submit')}
      cancelText={t('telemetry.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={register.isPending}
      okButtonProps={{ 'data-testid': 'telemetry-register-submit' } as Record<string, string>}
      destroyOnHidden
    >
      <ProblemAlert error={register.error} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v).catch(() => undefined)}>
        <Form.Item
          name="productId"
          label={t('telemetry.register.product')}
          rules={[{ required: true, message: t('telemetry.register.productRequired') }]}
        >
          <Select
            showSearch
            data-testid="telemetry-register-product"
            placeholder={t('telemetry.register.productSearch')}
            filterOption={false}
            onSearch={setQ}
            loading={lookup.isFetching}
            options={options}
            notFoundContent={
              q.trim().length >= 2 ? t('telemetry.register.noProducts') : t('telemetry.register.typeMore')
            }
          />
        </Form.Item>
        <Form.Item
          name="serial"
          label={t('telemetry.register.serial')}
          rules={[{ required: true, message: t('telemetry.register.serialRequired') }]}
        >
          <Input maxLength={60} data-testid="telemetry-register-serial" />
        </Form.Item>
        <Form.Item name="label" label={t('telemetry.register.label')}>
          <Input maxLength={80} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
