import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { WebhookEndpoint } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { bj } from '../../workorders/index.ts';
import {
  useDeleteEndpoint,
  usePauseEndpoint,
  useResumeEndpoint,
  useRotateSecret,
  useSendTest,
  useWebhookEndpoints,
} from '../api.ts';
import { eventLabel } from '../eventLabels.ts';
import { EndpointDrawer } from './EndpointDrawer.tsx';
import { SecretModal } from './SecretModal.tsx';

const when = (iso: string | null) => (iso ? bj(iso).format('YYYY-MM-DD HH:mm') : '—');

/** The endpoints table with status, failures in a row and the actions on each endpoint. */
export function EndpointsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useWebhookEndpoints();
  const rotate = useRotateSecret();
  const resume = useResumeEndpoint();
  const pause = usePauseEndpoint();
  const test = useSendTest();
  const remove = useDeleteEndpoint();
  const [editing, setEditing] = useState<WebhookEndpoint | null | undefined>(undefined);
  const [secret, setSecret] = useState<string | null>(null);

  return (
    <Flex vertical gap={12}>
      <Flex justify="flex-end">
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing(null)}
          data-testid="webhook-create"
        >
          {t('webhooks.create')}
        </Button>
      </Flex>
      <ProblemAlert
        error={list.error ?? rotate.error ?? resume.error ?? pause.error ?? test.error ?? remove.error}
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<WebhookEndpoint>
          data-testid="webhook-endpoints"
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty description={t('webhooks.empty')} /> }}
          columns={[
            {
              key: 'url',
              title: t('webhooks.url'),
              render: (_, e) => (
                <Flex vertical>
                  <Typography.Text code ellipsis style={{ maxWidth: 360 }}>
                    {e.url}
                  </Typography.Text>
                  {e.description && <Typography.Text type="secondary">{e.description}</Typography.Text>}
                  <Typography.Text type="secondary" data-testid="webhook-scope">
                    {e.outletId
                      ? t('webhooks.onlyOutlet', { name: e.outletName ?? '—' })
                      : t('webhooks.allOutlets')}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              key: 'events',
              title: t('webhooks.eventTypes'),
              width: 220,
              render: (_, e) => (
                <Tooltip title={e.eventTypes.map((x) => eventLabel(t, x)).join('、')}>
                  <Space size={[4, 4]} wrap>
                    {e.eventTypes.slice(0, 2).map((x) => (
                      <Tag key={x}>{eventLabel(t, x)}</Tag>
                    ))}
                    {e.eventTypes.length > 2 && <Tag>+{e.eventTypes.length - 2}</Tag>}
                  </Space>
                </Tooltip>
              ),
            },
            {
              key: 'status',
              title: t('webhooks.status'),
              width: 170,
              render: (_, e) => (
                <Flex vertical gap={2}>
                  <span>
                    <Tag color={e.status === 'active' ? 'green' : 'red'}>
                      {t(`webhooks.statuses.${e.status}`)}
                    </Tag>
                  </span>
                  {e.pausedReason && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`webhooks.pausedReasons.${e.pausedReason}`)}
                    </Typography.Text>
                  )}
                  {e.previousSecretExpiresAt && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('webhooks.rotateUntil', { at: when(e.previousSecretExpiresAt) })}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            {
              key: 'failures',
              title: t('webhooks.failures'),
              width: 120,
              align: 'right',
              render: (_, e) => (
                <Typography.Text type={e.consecutiveFailures > 0 ? 'danger' : undefined}>
                  {e.consecutiveFailures}
                </Typography.Text>
              ),
            },
            {
              key: 'updated',
              title: t('webhooks.updatedAt'),
              width: 150,
              render: (_, e) => when(e.updatedAt),
            },
            {
              key: 'actions',
              title: t('webhooks.actions'),
              width: 330,
              render: (_, e) => (
                <Space size={4} wrap>
                  {e.status === 'paused' && (
                    <Popconfirm
                      title={t('webhooks.resumeConfirm')}
                      okText={t('webhooks.resume')}
                      cancelText={t('webhooks.cancel')}
                      onConfirm={() => resume.mutate({ id: e.id, version: e.version })}
                    >
                      <Button size="small" type="primary" data-testid={`webhook-resume-${e.id}`}>
                        {t('webhooks.resume')}
                      </Button>
                    </Popconfirm>
                  )}
                  {e.status === 'active' && (
                    <Popconfirm
                      title={t('webhooks.pauseConfirm')}
                      okText={t('webhooks.pause')}
                      cancelText={t('webhooks.cancel')}
                      onConfirm={() => pause.mutate({ id: e.id, version: e.version })}
                    >
                      <Button size="small">{t('webhooks.pause')}</Button>
                    </Popconfirm>
                  )}
                  <Button size="small" onClick={() => setEditing(e)}>
                    {t('webhooks.editShort')}
                  </Button>
                  <Button
                    size="small"
                    onClick={async () => {
                      await test.mutateAsync(e.id);
                      void message.success(t('webhooks.testSent'));
                    }}
                  >
                    {t('webhooks.sendTest')}
                  </Button>
                  <Popconfirm
                    title={t('webhooks.rotateConfirm')}
                    okText={t('webhooks.rotate')}
                    cancelText={t('webhooks.cancel')}
                    onConfirm={async () =>
                      setSecret((await rotate.mutateAsync({ id: e.id, version: e.version })).secret)
                    }
                  >
                    <Button size="small">{t('webhooks.rotate')}</Button>
                  </Popconfirm>
                  <Popconfirm
                    title={t('webhooks.removeConfirm')}
                    okText={t('webhooks.remove')}
                    cancelText={t('webhooks.cancel')}
                    onConfirm={() => remove.mutate(e.id)}
                  >
                    <Button size="small" danger>
                      {t('webhooks.remove')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <EndpointDrawer
        open={editing !== undefined}
        endpoint={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSecret={setSecret}
      />
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
    </Flex>
  );
}
