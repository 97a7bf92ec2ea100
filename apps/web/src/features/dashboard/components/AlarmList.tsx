import { Card, Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { OPEN_STATUSES, type WorkbenchAlarm } from '@anxin/contracts';
import { bj } from '../../workorders/index.ts';

/** Every open order past a deadline, most urgent first (the alarms list shows the first few). */
const ALL_OVERDUE = `/workorders?${new URLSearchParams([
  ...OPEN_STATUSES.map((s) => ['status', s]),
  ['slaState', 'breached'],
  ['sort', 'sla_due_at'],
]).toString()}`;

/** 时限预警: open orders whose deadline has passed or is close, each linking to the order. */
export function AlarmList({ alarms, more }: { alarms: WorkbenchAlarm[]; more: boolean }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('dashboard.alarms.title')}
      data-testid="wb-alarms"
      extra={
        more ? (
          <Link to={ALL_OVERDUE} data-testid="wb-alarms-more">
            {t('dashboard.alarms.more')}
          </Link>
        ) : null
      }
      styles={{ body: { padding: alarms.length ? 0 : undefined } }}
    >
      {alarms.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.alarms.empty')} />
      ) : (
        <Table<WorkbenchAlarm>
          rowKey="orderId"
          size="small"
          pagination={false}
          dataSource={alarms}
          columns={[
            {
              title: t('dashboard.alarms.number'),
              dataIndex: 'number',
              render: (n: string, r) => (
                <Link to={r.link} data-testid="wb-alarm-link">
                  <span data-literal>{n}</span>
                </Link>
              ),
            },
            {
              title: t('dashboard.alarms.customer'),
              dataIndex: 'customerName',
              ellipsis: true,
              render: (v: string | null) => v ?? t('dashboard.alarms.noCustomer'),
            },
            {
              title: t('dashboard.alarms.what'),
              key: 'what',
              render: (_, r) => (
                <Tag color={r.state === 'breached' ? 'red' : 'orange'}>
                  {t('dashboard.alarms.whatText', {
                    metric: r.metric ? t(`workorders.sla.metrics.${r.metric}`) : '',
                    state: t(`workorders.sla.states.${r.state}`),
                  })}
                </Tag>
              ),
            },
            {
              title: t('dashboard.alarms.due'),
              dataIndex: 'dueAt',
              render: (v: string | null) =>
                v ? <Typography.Text type="secondary">{bj(v).format('MM-DD HH:mm')}</Typography.Text> : '—',
            },
          ]}
        />
      )}
    </Card>
  );
}
