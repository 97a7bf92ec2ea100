import { useState } from 'react';
import { Button, Card, Empty, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  ALERT_SEVERITIES,
  ALERT_STATES,
  type Alert,
  type AlertSeverity,
  type AlertState,
} from '@anxin/contracts';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { bj } from '../../workorders/index.ts';
import { useAlerts, useAlertStep } from '../api.ts';

export const SEVERITY_COLOR: Record<AlertSeverity, string> = {
  info: 'blue',
  warning: 'orange',
  critical: 'red',
};
const STATE_COLOR: Record<AlertState, string> = { open: 'red', acknowledged: 'gold', resolved: 'default' };
const time = (iso: string) => bj(iso).format('YYYY-MM-DD HH:mm');

/** Alerts, filtered by state and severity; each names its device, customer, rule and order. */
export function AlertsTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const [state, setState] = useState<AlertState | undefined>('open');
  const [severity, setSeverity] = useState<AlertSeverity | undefined>(undefined);
  const list = useAlerts({ ...(state ? { state } : {}), ...(severity ? { severity } : {}) });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const step = useAlertStep();
  const act = (a: Alert, s: 'acknowledge' | 'resolve') =>
    void step.mutateAsync({ id: a.id, step: s, version: a.version }).catch(() => undefined);
  return (
    <Flex vertical gap={12}>
      <Space wrap>
        <Select
          allowClear
          data-testid="telemetry-state-filter"
          style={{ width: 160 }}
          placeholder={t('telemetry.allStates')}
          value={state}
          onChange={setState}
          options={ALERT_STATES.map((s) => ({ value: s, label: t(`telemetry.state.${s}`) }))}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('telemetry.allSeverities')}
          value={severity}
          onChange={setSeverity}
          options={ALERT_SEVERITIES.map((s) => ({ value: s, label: t(`telemetry.severity.${s}`) }))}
        />
      </Space>
      <ProblemAlert error={list.error ?? step.error} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Alert>
          data-testid="telemetry-alerts"
          rowKey="id"
          loading={list.isPending}
          dataSource={items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('telemetry.noAlerts')} /> }}
          columns={[
            {
              title: t('telemetry.col.severity'),
              render: (_, a) => (
                <Tag color={SEVERITY_COLOR[a.severity]}>{t(`telemetry.severity.${a.severity}`)}</Tag>
              ),
            },
            {
              title: t('telemetry.col.state'),
              render: (_, a) => <Tag color={STATE_COLOR[a.state]}>{t(`telemetry.state.${a.state}`)}</Tag>,
            },
            {
              title: t('telemetry.col.order'),
              render: (_, a) =>
                a.workOrderId ? (
                  <Link
                    to={`/workorders/${a.workOrderId}`}
                    data-testid="telemetry-alert-order"
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {a.workOrderNumber ?? a.workOrderId}
                  </Link>
                ) : a.state === 'resolved' ? (
                  '—'
                ) : (
                  <Tag>{t('telemetry.orderPending')}</Tag>
                ),
            },
            {
              title: t('telemetry.col.rule'),
              render: (_, a) => (a.faultCode ? `${a.ruleName}（${a.faultCode}）` : a.ruleName),
            },
            { title: t('telemetry.col.device'), dataIndex: 'deviceSerial' },
            { title: t('telemetry.col.customer'), render: (_, a) => a.customerName ?? '—' },
            { title: t('telemetry.col.count'), dataIndex: 'count', align: 'right' },
            { title: t('telemetry.col.lastValue'), render: (_, a) => a.lastValue ?? '—', align: 'right' },
            {
              // The last sighting is what matters on a to-do list; the first one is below it.
              title: t('telemetry.col.lastSeen'),
              render: (_, a) => (
                <Flex vertical>
                  <span>{time(a.lastSeenAt)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('telemetry.firstSeenAt', { time: time(a.firstSeenAt) })}
                  </Typography.Text>
                </Flex>
              ),
            },
            ...(canManage
              ? [
                  {
                    title: t('telemetry.col.actions'),
                    key: 'actions',
                    render: (_: unknown, a: Alert) => (
                      <Space>
                        {a.state === 'open' && (
                          <Button size="small" onClick={() => act(a, 'acknowledge')}>
                            {t('telemetry.acknowledge')}
                          </Button>
                        )}
                        {a.state !== 'resolved' && (
                          <Button size="small" onClick={() => act(a, 'resolve')}>
                            {t('telemetry.resolve')}
                          </Button>
                        )}
                        {a.state === 'resolved' && a.resolution && t(`telemetry.resolution.${a.resolution}`)}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <LoadMore
          count={items.length}
          hasMore={!!list.hasNextPage}
          loading={list.isFetchingNextPage}
          onMore={() => void list.fetchNextPage()}
          testId="telemetry-alerts"
        />
      </Card>
    </Flex>
  );
}
