import { useState } from 'react';
import { Alert, Checkbox, DatePicker, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CreatedApiToken, Permission } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useSession } from '../../auth/index.ts';
import { BUSINESS_TZ } from '../../workorders/index.ts';
import { useCreateApiToken } from '../api.ts';
import { permissionLabel } from '../permissionLabels.ts';

interface Values {
  name: string;
  permissions: Permission[];
  expiresOn: Dayjs;
}

/**
 * Creates a token with a name, some of the user's own permissions and an expiry date, then shows
 * the secret once. Token management itself is never offered: a token cannot create tokens.
 */
export function CreateTokenDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const create = useCreateApiToken();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const grantable = me.permissions.filter((p) => p !== 'token:manage');
  const today = dayjs().tz(BUSINESS_TZ).startOf('day');

  const close = () => {
    setCreated(null);
    setError(null);
    onClose();
  };
  const submit = async (v: Values) => {
    setError(null);
    try {
      setCreated(
        await create.mutateAsync({
          name: v.name,
          permissions: v.permissions,
          // The token works through the whole chosen day (Beijing time).
          expiresAt: v.expiresOn.tz(BUSINESS_TZ).endOf('day').toISOString(),
        }),
      );
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    }
  };

  if (created) {
    return (
      <Modal
        open={open}
        title={t('settings.tokens.createdTitle')}
        onCancel={close}
        onOk={close}
        footer={null}
      >
        <Alert type="warning" showIcon message={t('settings.tokens.copyOnce')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable code data-testid="token-secret">
          {created.token}
        </Typography.Paragraph>
      </Modal>
    );
  }
  return (
    <Modal
      open={open}
      title={t('settings.tokens.create')}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('settings.tokens.createSubmit')}
      cancelText={t('settings.actions.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'token-create-submit' } as ButtonProps}
      destroyOnHidden
      width={640}
    >
      <ProblemAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ permissions: [], expiresOn: today.add(90, 'day') }}
        onFinish={submit}
      >
        <Form.Item
          name="name"
          label={t('settings.tokens.name')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input autoFocus maxLength={80} data-testid="token-name" />
        </Form.Item>
        <Form.Item
          name="expiresOn"
          label={t('settings.tokens.expiresOn')}
          rules={[{ required: true }]}
          extra={t('settings.tokens.expiresHint')}
        >
          <DatePicker disabledDate={(d) => d.isBefore(today, 'day')} data-testid="token-expires" />
        </Form.Item>
        <Form.Item
          name="permissions"
          label={t('settings.tokens.permissions')}
          extra={t('settings.tokens.permissionsHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('settings.tokens.pickOne') }]}
        >
          <Checkbox.Group
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 4 }}
            options={grantable.map((p) => ({ value: p, label: permissionLabel(t, p) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
