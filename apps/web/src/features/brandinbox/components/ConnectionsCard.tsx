import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { BrandConnection } from '@anxin/contracts';
import { ApiError } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { problemText } from '../../../i18n/problem.ts';
import { bj } from '../../workorders/index.ts';
import {
  useCreateConnection,
  useOutletChoices,
  useSyncConnection,
  useTestConnection,
  useUpdateConnection,
} from '../api.ts';
import { WebhookDialog } from './WebhookDialog.tsx';

interface FormValues {
  name: string;
  baseUrl: string;
  token?: string;
  outletId: string;
  enabled: boolean;
}

/** The outlet's connections to other brands: add, edit, test, sync now. */
export function ConnectionsCard({
  items,
  canManage,
  myOutletId,
}: {
  items: BrandConnection[];
  canManage: boolean;
  myOutletId: string | null;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState<BrandConnection | null | undefined>(undefined);
  const [hooking, setHooking] = useState<BrandConnection | null>(null);
  const test = useTestConnection();
  const sync = useSyncConnection();

  const runTest = async (c: BrandConnection) => {
    const r = await test.mutateAsync(c.id);
    if (r.ok)
      message.success(
        r.actingAs
          ? t('brandinbox.connections.testOkAs', { name: r.actingAs })
          : t('brandinbox.connections.testOk'),
      );
    else modal.error({ title: c.name, content: problemText(t, new ApiError(r.problem!)) });
  };
  const runSync = async (c: BrandConnection) => {
    const r = (await sync.mutateAsync(c.id)) as { seen: number; fetched: number; problem: unknown };
    if (r.problem) modal.error({ title: c.name, content: problemText(t, new ApiError(r.problem as never)) });
    else message.success(t('brandinbox.connections.synced', { seen: r.seen, fetched: r.fetched }));
  };

  return (
    <Card
      title={t('brandinbox.connections.title')}
      size="small"
      extra={
        canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="brand-connection-add">
            {t('brandinbox.connections.add')}
          </Button>
        )
      }
    >
      <Table<BrandConnection>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: t('brandinbox.connections.empty') }}
        columns={[
          { title: t('brandinbox.connections.name'), dataIndex: 'name' },
          { title: t('brandinbox.connections.baseUrl'), dataIndex: 'baseUrl' },
          { title: t('brandinbox.connections.token'), dataIndex: 'tokenMasked' },
          { title: t('brandinbox.connections.outlet'), render: (_, c) => c.outletName ?? '—' },
          {
            title: t('brandinbox.connections.enabled'),
            render: (_, c) => <Switch size="small" checked={c.enabled} disabled />,
          },
          {
            title: t('brandinbox.connections.lastSync'),
            render: (_, c) =>
              c.lastSyncProblem ? (
                <Typography.Text type="danger">
                  {problemText(t, new ApiError(c.lastSyncProblem))}
                </Typography.Text>
              ) : c.lastSyncAt ? (
                bj(c.lastSyncAt).format('MM-DD HH:mm')
              ) : (
                <Tag>{t('brandinbox.connections.never')}</Tag>
              ),
          },
          { title: t('brandinbox.connections.orders'), dataIndex: 'orderCount' },
          ...(canManage
            ? [
                {
                  title: t('brandinbox.col.actions'),
                  render: (_: unknown, c: BrandConnection) => (
                    <Space size={4}>
                      <Button size="small" onClick={() => void runTest(c)} loading={test.isPending}>
                        {t('brandinbox.connections.test')}
                      </Button>
                      <Button size="small" onClick={() => void runSync(c)} loading={sync.isPending}>
                        {t('brandinbox.connections.sync')}
                      </Button>
                      <Button size="small" onClick={() => setHooking(c)} data-testid="brand-webhook">
                        {t('brandinbox.connections.webhook')}
                      </Button>
                      <Button size="small" type="link" onClick={() => setEditing(c)}>
                        {t('brandinbox.connections.edit')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {hooking && <WebhookDialog conn={hooking} onClose={() => setHooking(null)} />}
      {editing !== undefined && (
        <ConnectionDialog conn={editing} myOutletId={myOutletId} onClose={() => setEditing(undefined)} />
      )}
    </Card>
  );
}

function ConnectionDialog({
  conn,
  myOutletId,
  onClose,
}: {
  conn: BrandConnection | null;
  myOutletId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateConnection();
  const update = useUpdateConnection();
  const outlets = useOutletChoices();
  const save = async (v: FormValues) => {
    if (conn)
      await update.mutateAsync({
        id: conn.id,
        version: conn.version,
        name: v.name,
        baseUrl: v.baseUrl,
        enabled: v.enabled,
        ...(v.token ? { token: v.token } : {}),
      });
    else await create.mutateAsync({ ...v, token: v.token ?? '' });
    onClose();
  };
  return (
    <Modal
      open
      title={conn ? conn.name : t('brandinbox.connections.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <ProblemAlert error={create.error ?? update.error} style={{ marginBottom: 12 }} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v).catch(() => undefined)}
        initialValues={
          conn
            ? { name: conn.name, baseUrl: conn.baseUrl, outletId: conn.outletId, enabled: conn.enabled }
            : { enabled: true, outletId: myOutletId ?? undefined }
        }
      >
        <Form.Item name="name" label={t('brandinbox.connections.name')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="baseUrl" label={t('brandinbox.connections.baseUrl')} rules={[{ required: true }]}>
          <Input placeholder="https://" />
        </Form.Item>
        <Form.Item
          name="token"
          label={t('brandinbox.connections.token')}
          extra={t('brandinbox.connections.tokenHelp')}
          rules={conn ? [] : [{ required: true }]}
        >
          <Input.Password placeholder={conn ? t('brandinbox.connections.tokenKeep') : ''} />
        </Form.Item>
        <Form.Item name="outletId" label={t('brandinbox.connections.outlet')} rules={[{ required: true }]}>
          <Select
            disabled={!!conn || !!myOutletId}
            loading={outlets.isLoading}
            options={(outlets.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="enabled" label={t('brandinbox.connections.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
