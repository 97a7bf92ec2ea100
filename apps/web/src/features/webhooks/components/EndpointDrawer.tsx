import { useEffect, useMemo, useState } from 'react';
import { Button, Drawer, Flex, Form, Input, Tree, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WebhookEndpoint } from '@anxin/contracts';
import { OutletPicker } from '../../../components/OutletPicker.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useCreateEndpoint, useUpdateEndpoint, useWebhookEventTypes } from '../api.ts';
import { eventLabel, groupLabel, groupOf, groupRank } from '../eventLabels.ts';

interface Values {
  url: string;
  description: string;
  eventTypes: string[];
  outletId?: string;
}

const GROUP = 'group:';

/**
 * Creates or edits an endpoint: URL, description and the event types as a tree of modules (a
 * module ticks all its events). A new endpoint's secret is handed to `onSecret` to be shown once.
 */
export function EndpointDrawer({
  open,
  endpoint,
  onClose,
  onSecret,
}: {
  open: boolean;
  endpoint: WebhookEndpoint | null;
  onClose: () => void;
  onSecret: (secret: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const types = useWebhookEventTypes();
  const create = useCreateEndpoint();
  const update = useUpdateEndpoint();
  const [error, setError] = useState<unknown>(null);
  const picked = Form.useWatch('eventTypes', form) ?? [];

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.setFieldsValue(
      endpoint
        ? {
            url: endpoint.url,
            description: endpoint.description,
            eventTypes: endpoint.eventTypes,
            outletId: endpoint.outletId ?? undefined,
          }
        : { url: '', description: '', eventTypes: [], outletId: undefined },
    );
  }, [open, endpoint, form]);

  const tree = useMemo(() => {
    const groups = new Map<string, string[]>();
    for (const e of types.data?.items ?? []) {
      const g = groupOf(e.type);
      groups.set(g, [...(groups.get(g) ?? []), e.type]);
    }
    return [...groups]
      .sort(([a], [b]) => groupRank(a) - groupRank(b) || a.localeCompare(b))
      .map(([g, list]) => ({
        key: `${GROUP}${g}`,
        title: groupLabel(t, list[0]!),
        children: list.map((type) => ({ key: type, title: eventLabel(t, type) })),
      }));
  }, [types.data, t]);

  const submit = async ({ outletId, ...rest }: Values) => {
    setError(null);
    const v = { ...rest, outletId: outletId ?? null };
    try {
      if (endpoint) await update.mutateAsync({ id: endpoint.id, version: endpoint.version, ...v });
      else onSecret((await create.mutateAsync(v)).secret);
      onClose();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    }
  };

  return (
    <Drawer
      open={open}
      width={560}
      title={endpoint ? t('webhooks.edit') : t('webhooks.create')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('webhooks.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
            data-testid="webhook-save"
          >
            {t('webhooks.save')}
          </Button>
        </Flex>
      }
    >
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="url"
          label={t('webhooks.url')}
          extra={t('webhooks.urlHint')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input placeholder="https://" maxLength={2000} data-testid="webhook-url" />
        </Form.Item>
        <Form.Item name="description" label={t('webhooks.descriptionLabel')}>
          <Input maxLength={200} data-testid="webhook-description" />
        </Form.Item>
        <Form.Item name="outletId" label={t('webhooks.outlet')} extra={t('webhooks.outletHint')}>
          <OutletPicker placeholder={t('webhooks.allOutlets')} data-testid="webhook-outlet" />
        </Form.Item>
        <Form.Item
          name="eventTypes"
          label={
            <Flex gap={8} align="baseline">
              {t('webhooks.eventTypes')}
              <Typography.Text type="secondary">
                {t('webhooks.eventCount', { count: picked.length })}
              </Typography.Text>
            </Flex>
          }
          extra={t('webhooks.eventTypesHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('webhooks.pickOne') }]}
          valuePropName="checkedKeys"
          trigger="onCheck"
          getValueFromEvent={(keys: string[] | { checked: string[] }) =>
            (Array.isArray(keys) ? keys : keys.checked).filter((k) => !k.startsWith(GROUP))
          }
        >
          <Tree
            checkable
            selectable={false}
            treeData={tree}
            height={420}
            style={{ border: '1px solid rgba(5,5,5,0.06)', borderRadius: 6, padding: 4 }}
            data-testid="webhook-event-tree"
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
