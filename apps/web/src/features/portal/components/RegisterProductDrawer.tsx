import { App, Button, DatePicker, Drawer, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useModels, useRegisterProduct } from '../api.ts';
import { productName } from '../../../components/productName.ts';

/** The serial is registered already (to anyone): said on the field itself, not in a banner. */
const serialTaken = (e: unknown): boolean =>
  isApiError(e) && e.status === 409 && e.errors.some((f) => f.path === 'serial');

interface Values {
  modelId: string;
  serial: string;
  purchaseDate?: Dayjs | null;
  invoiceNo?: string;
}

/** A bottom sheet: model, serial, purchase date, invoice number. */
export function RegisterProductDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const models = useModels(open);
  const register = useRegisterProduct();

  const onFinish = (v: Values) => {
    register.mutate(
      {
        modelId: v.modelId,
        serial: v.serial.trim(),
        purchaseDate: v.purchaseDate ? v.purchaseDate.format('YYYY-MM-DD') : null,
        invoiceNo: v.invoiceNo?.trim() || null,
      },
      {
        onSuccess: () => {
          void message.success(t('portal.products.form.done'));
          form.resetFields();
          onClose();
        },
        onError: (e) => {
          // A serial someone else registered: point at the field itself.
          if (serialTaken(e))
            form.setFields([{ name: 'serial', errors: [t('portal.products.form.serialTaken')] }]);
        },
      },
    );
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      placement="bottom"
      size="auto"
      title={t('portal.products.form.title')}
      className="portal-sheet"
      destroyOnHidden
      data-testid="portal-register-drawer"
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        onValuesChange={() => register.reset()}
      >
        <Form.Item
          name="modelId"
          label={t('portal.products.form.model')}
          rules={[{ required: true, message: t('portal.products.form.modelRequired') }]}
        >
          <Select
            size="large"
            showSearch={{ optionFilterProp: 'label' }}
            loading={models.isPending}
            placeholder={t('portal.products.form.modelPlaceholder')}
            options={(models.data ?? []).map((m) => ({
              value: m.id,
              label: `${productName({ brand: m.brand, modelName: m.name })} (${m.modelCode})`,
            }))}
            data-testid="portal-register-model"
          />
        </Form.Item>
        <Form.Item
          name="serial"
          label={t('portal.products.form.serial')}
          rules={[
            { required: true, whitespace: true, message: t('portal.products.form.serialRequired') },
            { pattern: /^[A-Za-z0-9_./-]{3,64}$/, message: t('portal.products.form.serialFormat') },
          ]}
        >
          <Input
            size="large"
            autoCapitalize="characters"
            placeholder={t('portal.products.form.serialPlaceholder')}
            data-testid="portal-register-serial"
          />
        </Form.Item>
        <Form.Item name="purchaseDate" label={t('portal.products.form.purchaseDate')}>
          <DatePicker
            size="large"
            inputReadOnly
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="portal-register-date"
          />
        </Form.Item>
        <Form.Item name="invoiceNo" label={t('portal.products.form.invoiceNo')}>
          <Input size="large" maxLength={60} data-testid="portal-register-invoice" />
        </Form.Item>
        {register.error && !serialTaken(register.error) && (
          <ProblemAlert error={register.error} style={{ marginBottom: 16 }} />
        )}
        <Button
          type="primary"
          size="large"
          block
          htmlType="submit"
          loading={register.isPending}
          className="portal-primary"
          data-testid="portal-register-submit"
        >
          {t('portal.products.form.submit')}
        </Button>
      </Form>
    </Drawer>
  );
}
