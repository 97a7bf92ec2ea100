import { App, Button, Drawer, Form, Input, Radio, Select } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Remedy, RmaCase, RmaKind } from '@anxin/contracts';
import { api } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';

/** Mirrors RMA_KIND_REMEDIES of the contracts (a value import would pull zod into the portal chunk). */
const KIND_REMEDIES: Record<RmaKind, Remedy[]> = {
  return: ['no_reason_return', 'refund'],
  exchange: ['exchange'],
  part_replacement: ['part_replacement'],
};

interface Values {
  kind: RmaKind;
  remedy: Remedy;
  description: string;
}

/**
 * The customer's own return / exchange / replacement-part request for one of their products. The
 * 三包 evaluation decides on the server; a refusal names the rule (worded by the problem text).
 */
export function RmaRequestDrawer({ productId, onClose }: { productId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'return';
  const send = useMutation({
    mutationFn: (v: Values) =>
      api.post<RmaCase>(
        '/api/v1/portal/rma',
        { ...v, installedProductId: productId, description: v.description.trim() },
        { allowUnauthenticated: true },
      ),
  });
  const onFinish = (v: Values) =>
    send.mutate(v, {
      onSuccess: (c) => {
        void message.success(t('rma.portal.sent', { number: c.number }));
        form.resetFields();
        onClose();
      },
    });
  return (
    <Drawer
      open={!!productId}
      onClose={onClose}
      placement="bottom"
      size="auto"
      title={t('rma.portal.title')}
      className="portal-sheet"
      destroyOnHidden
      data-testid="portal-rma-drawer"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ kind: 'return', remedy: 'no_reason_return' }}
        onFinish={onFinish}
        onValuesChange={(c: Partial<Values>) => {
          send.reset();
          if (c.kind) form.setFieldValue('remedy', KIND_REMEDIES[c.kind][0]);
        }}
      >
        <Form.Item name="kind" label={t('rma.field.kind')}>
          <Radio.Group
            optionType="button"
            options={(['return', 'exchange', 'part_replacement'] as const).map((k) => ({
              value: k,
              label: t(`rma.kind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="remedy" label={t('rma.field.remedy')}>
          <Select
            size="large"
            options={KIND_REMEDIES[kind].map((r) => ({ value: r, label: t(`rma.remedy.${r}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('rma.field.description')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="portal-rma-description" />
        </Form.Item>
        <ProblemAlert error={send.error} />
        <Button
          type="primary"
          size="large"
          block
          htmlType="submit"
          loading={send.isPending}
          className="portal-pill"
          data-testid="portal-rma-submit"
        >
          {t('rma.portal.submit')}
        </Button>
      </Form>
    </Drawer>
  );
}
