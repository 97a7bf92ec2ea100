import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  WEBHOOK_DELIVERY_STATUSES,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
} from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { bj } from '../../workorders/index.ts';
import { useReplayDelivery, useWebhookDeliveries, useWebhookEndpoints } from '../api.ts';
import { deliveryErrorLabel, eventLabel } from '../eventLabels.ts';

const when = (iso: string | null) => (iso ? bj(iso).format('MM-DD HH:mm:ss') : '—');
const COLOR: Record<WebhookDeliveryStatus, string> = {
  pending: 'blue',
  succeeded: 'green',
  failed: 'orange',
  dead: 'red',
};

/** The delivery log: status, response code, attempts, next retry, the error in words, and replay. */
export function DeliveriesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [endpointId, setEndpointId] = useState<string | undefined>();
  const [status, setStatus] = useState<WebhookDeliveryStatus | undefined>();
  const endpoints = useWebhookEndpoints();
  const list = useWebhookDeliveries({ ...(endpointId ? { endpointId } : {}), ...(status ? { status } : {}) });
  const replay = useReplayDelivery();
  const urlOf = new Map((endpoints.data?.items ?? []).map((e) => [e.id, e.url]));

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Select
          allowClear
          style={{ minWidth: 280 }}
          placeholder={t('webhooks.deliveries.allEndpoints')}
          value={endpointId}
          onChange={setEndpointId}
          options={(endpoints.data?.items ?? []).map((e) => ({ value: e.id, label: e.url }))}
        />
        <Select
          allowClear
          style={{ minWidth: 180 }}
          placeholder={t('webhooks.deliveries.allStatuses')}
          value={status}
          onChange={setStatus}
          options={WEBHOOK_DELIVERY_STATUSES.map((s) => ({
            value: s,
            label: t(`webhooks.deliveryStatuses.${s}`),
          }))}
        />
      </Flex>
      <ProblemAlert error={list.error ?? replay.error} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<WebhookDelivery>
          data-testid="webhook-deliveries"
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1100 }}
          locale={{ emptyText: <Empty description={t('webhooks.deliveries.empty')} /> }}
          columns={[
            {
              key: 'created',
              title: t('webhooks.deliveries.createdAt'),
              width: 140,
              render: (_, d) => when(d.createdAt),
            },
            {
              key: 'event',
              title: t('webhooks.deliveries.event'),
              render: (_, d) => eventLabel(t, d.eventType),
            },
            {
              key: 'endpoint',
              title: t('webhooks.deliveries.endpoint'),
              render: (_, d) => (
                <Typography.Text type="secondary" ellipsis style={{ maxWidth: 260 }}>
                  {urlOf.get(d.endpointId) ?? '—'}
                </Typography.Text>
              ),
            },
            {
              key: 'status',
              title: t('webhooks.deliveries.status'),
              width: 140,
              render: (_, d) => (
                <Tag color={COLOR[d.status]}>{t(`webhooks.deliveryStatuses.${d.status}`)}</Tag>
              ),
            },
            {
              key: 'code',
              title: t('webhooks.deliveries.code'),
              width: 90,
              align: 'right',
              render: (_, d) => d.lastStatusCode ?? '—',
            },
            {
              key: 'attempts',
              title: t('webhooks.deliveries.attempts'),
              width: 90,
              align: 'right',
              dataIndex: 'attempts',
            },
            {
              key: 'next',
              title: t('webhooks.deliveries.nextAttempt'),
              width: 140,
              render: (_, d) =>
                d.status === 'succeeded' || d.status === 'dead' ? (
                  '—'
                ) : d.nextAttemptAt ? (
                  when(d.nextAttemptAt)
                ) : (
                  <Typography.Text type="secondary">{t('webhooks.deliveries.waiting')}</Typography.Text>
                ),
            },
            {
              key: 'error',
              title: t('webhooks.deliveries.lastError'),
              render: (_, d) => (
                <Typography.Text type="danger">{deliveryErrorLabel(t, d.lastError)}</Typography.Text>
              ),
            },
            {
              key: 'replay',
              width: 90,
              render: (_, d) => (
                <Button
                  size="small"
                  onClick={async () => {
                    await replay.mutateAsync(d.id);
                    void message.success(t('webhooks.deliveries.replayed'));
                  }}
                >
                  {t('webhooks.deliveries.replay')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
