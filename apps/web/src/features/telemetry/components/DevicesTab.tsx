import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Popconfirm, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Device, DeviceWithToken } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { bj } from '../../workorders/index.ts';
import { useDevices, useRevokeDevice, useRotateToken } from '../api.ts';
import { RegisterDeviceDialog } from './RegisterDeviceDialog.tsx';
import { TokenDialog } from './TokenDialog.tsx';

/** Monitored devices: registration, token rotation (one-time reveal) and revocation. */
export function DevicesTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useDevices();
  const rotate = useRotateToken();
  const revoke = useRevokeDevice();
  const [registering, setRegistering] = useState(false);
  const [issued, setIssued] = useState<DeviceWithToken | null>(null);
  return (
    <Flex vertical gap={12}>
      {canManage && (
        <Flex justify="flex-end">
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setRegistering(true)}
            data-testid="telemetry-register"
          >
            {t('telemetry.register.open')}
          </Button>
        </Flex>
      )}
      <ProblemAlert error={list.error ?? rotate.error ?? revoke.error} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Device>
          data-testid="telemetry-devices"
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 1100 }}
          locale={{ emptyText: <Empty description={t('telemetry.noDevices')} /> }}
          columns={[
            {
              title: t('telemetry.col.device'),
              render: (_, d) => (d.label ? `${d.serial}（${d.label}）` : d.serial),
            },
            { title: t('telemetry.col.product'), render: (_, d) => d.productSerial ?? '—' },
            { title: t('telemetry.col.customer'), render: (_, d) => d.customerName ?? '—' },
            {
              title: t('telemetry.col.runningHours'),
              align: 'right',
              render: (_, d) => (d.runningHours === null ? '—' : d.runningHours.toLocaleString()),
            },
            {
              title: t('telemetry.col.lastSeen'),
              render: (_, d) =>
                d.lastSeenAt ? bj(d.lastSeenAt).format('YYYY-MM-DD HH:mm') : t('telemetry.never'),
            },
            {
              title: t('telemetry.col.token'),
              render: (_, d) =>
                d.state === 'revoked' ? (
                  <Tag>{t('telemetry.deviceState.revoked')}</Tag>
                ) : (
                  <Space>
                    <Tag color="green">{t('telemetry.deviceState.active')}</Tag>
                    <code>{d.tokenHint}…</code>
                  </Space>
                ),
            },
            ...(canManage
              ? [
                  {
                    title: t('telemetry.col.actions'),
                    key: 'actions',
                    render: (_: unknown, d: Device) => (
                      <Space>
                        <Popconfirm
                          title={t(
                            d.state === 'revoked' ? 'telemetry.reissueConfirm' : 'telemetry.rotateConfirm',
                          )}
                          onConfirm={() => rotate.mutateAsync(d.id).then(setIssued, () => undefined)}
                        >
                          <Button size="small">
                            {t(d.state === 'revoked' ? 'telemetry.reissue' : 'telemetry.rotate')}
                          </Button>
                        </Popconfirm>
                        {d.state === 'active' && (
                          <Popconfirm
                            title={t('telemetry.revokeConfirm')}
                            onConfirm={() =>
                              revoke.mutateAsync(d.id).then(
                                () => message.success(t('telemetry.revoked')),
                                () => undefined,
                              )
                            }
                          >
                            <Button size="small" danger>
                              {t('telemetry.revoke')}
                            </Button>
                          </Popconfirm>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <RegisterDeviceDialog
        open={registering}
        onClose={() => setRegistering(false)}
        onIssued={(d) => {
          setRegistering(false);
          setIssued(d);
        }}
      />
      <TokenDialog issued={issued} onClose={() => setIssued(null)} />
    </Flex>
  );
}
