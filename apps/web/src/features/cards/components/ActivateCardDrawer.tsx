import { useState } from 'react';
import { App, Button, DatePicker, Drawer, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { WarrantyCard } from '@anxin/contracts';
import { isApiError } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';

interface Values {
  serial: string;
  modelId?: string;
  purchaseDate?: Dayjs | null;
}

export interface ActivateBody {
  serial: string;
  register?: { modelId: string; purchaseDate: string | null };
}

/**
 * Activation by serial. A serial nobody registered comes back as `card.serial_unknown`; the sheet
 * then asks for the model (and purchase date) and activates with the registration.
 */
export function ActivateCardDrawer({
  open,
  onClose,
  onActivated,
  models,
  activate,
  pending,
  error,
  reset,
  placement = 'bottom',
}: {
  open: boolean;
  onClose: () => void;
  onActivated: (card: WarrantyCard) => void;
  models: { value: string; label: string }[] | undefined;
  activate: (
    body: ActivateBody,
    cb: { onSuccess: (c: WarrantyCard) => void; onError: (e: unknown) => void },
  ) => void;
  pending: boolean;
  error: unknown;
  reset: () => void;
  placement?: 'bottom' | 'right';
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [needsModel, setNeedsModel] = useState(false);

  const onFinish = (v: Values) => {
    const body: ActivateBody = { serial: v.serial.trim() };
    if (needsModel && v.modelId)
      body.register = {
        modelId: v.modelId,
        purchaseDate: v.purchaseDate ? v.purchaseDate.format('YYYY-MM-DD') : null,
      };
    activate(body, {
      onSuccess: (card) => {
        void message.success(t('cards.activate.done', { cardNo: card.cardNo }));
        form.resetFields();
        setNeedsModel(false);
        onActivated(card);
      },
      onError: (e) => {
        if (isApiError(e) && e.code === 'card.serial_unknown' && !needsModel) setNeedsModel(true);
      },
    });
  };
  // The unknown-serial answer is a prompt for the model, not an error to show.
  const shown = isApiError(error) && error.code === 'card.serial_unknown' && needsModel ? null : error;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      placement={placement}
      size={placement === 'bottom' ? 'auto' : 'default'}
      title={t('cards.activate.title')}
      className={placement === 'bottom' ? 'portal-sheet' : undefined}
      destroyOnHidden
      data-testid="card-activate-drawer"
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        onValuesChange={(changed: Partial<Values>) => {
          reset();
          if ('serial' in changed) setNeedsModel(false);
        }}
      >
        <Form.Item
          name="serial"
          label={t('cards.activate.serial')}
          rules={[
            {
              required: true,
              pattern: /^\s*[A-Za-z0-9_./-]{3,64}\s*$/,
              message: t('cards.activate.serialRule'),
            },
          ]}
        >
          <Input
            size="large"
            autoFocus
            placeholder={t('cards.activate.serialPlaceholder')}
            data-testid="card-activate-serial"
            autoCapitalize="characters"
          />
        </Form.Item>
        {needsModel && (
          <>
            <Typography.Paragraph type="warning" data-testid="card-activate-register">
              {t('cards.activate.register')}
            </Typography.Paragraph>
            <Form.Item
              name="modelId"
              label={t('cards.activate.model')}
              rules={[{ required: true, message: t('cards.activate.model') }]}
            >
              <Select
                size="large"
                showSearch={{ optionFilterProp: 'label' }}
                options={models ?? []}
                loading={!models}
                data-testid="card-activate-model"
              />
            </Form.Item>
            <Form.Item name="purchaseDate" label={t('cards.activate.purchaseDate')}>
              <DatePicker
                size="large"
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              />
            </Form.Item>
          </>
        )}
        {shown ? <ProblemAlert error={shown} /> : null}
        <Button
          type="primary"
          size="large"
          block
          htmlType="submit"
          loading={pending}
          className="portal-pill"
          data-testid="card-activate-submit"
          style={{ marginTop: 12 }}
        >
          {t('cards.activate.submit')}
        </Button>
      </Form>
    </Drawer>
  );
}
