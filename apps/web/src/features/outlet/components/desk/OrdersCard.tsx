import { Button, Card, Empty, Flex, Grid, Segmented, Space, Table } from 'antd';
import { CalendarOutlined, RiseOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CLOSED_STATUSES, isStatusIn, type WorkOrderSummary } from '@anxin/contracts';
import { ProblemAlert } from '../../../../components/ProblemAlert.tsx';
import { SlaTag, StatusTag, formatWindow } from '../../../workorders/index.ts';
import type { OutletDesk } from '../../pages/useOutletDesk.ts';
import { EscalationTag } from '../Escalation.tsx';
import { GROUPS, RESCHEDULABLE, type Group } from './groups.ts';

/** The outlet's orders in the chosen list, with assign, reschedule and escalate. */
export function OrdersCard({ desk }: { desk: OutletDesk }) {
  const { t } = useTranslation();
  const { group, setGroup, orders, rows, techNames, setAssigning, setMoving, setEscalating } = desk;
  // The desk shares the width with its side column: below 1600 px the technician column hides and
  // the SLA tag sits under the status, so the key columns fit without sideways scrolling.
  const wide = Grid.useBreakpoint().xxl === true;
  return (
    <Card
      size="small"
      title={t('outlet.orders.title')}
      extra={
        <Segmented<Group>
          value={group}
          onChange={setGroup}
          data-testid="orders-group"
          options={(Object.keys(GROUPS) as Group[]).map((g) => ({
            value: g,
            label: t(`outlet.orders.groups.${g}`),
          }))}
        />
      }
    >
      <ProblemAlert error={orders.error} style={{ marginBottom: 12 }} />
      <Table<WorkOrderSummary>
        data-testid="outlet-orders"
        rowKey="id"
        size="small"
        loading={orders.isPending}
        dataSource={rows}
        pagination={false}
        scroll={wide ? { x: 1110 } : undefined}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('outlet.orders.empty')} />,
        }}
        onRow={(r) => ({ 'data-testid': `outlet-order-${r.number}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'number',
            title: t('outlet.orders.number'),
            width: wide ? 170 : 150,
            render: (_, r) => (
              <Link to={`/workorders/${r.id}`} className="anxin-mono">
                {r.number}
              </Link>
            ),
          },
          {
            key: 'customer',
            title: t('outlet.orders.customer'),
            width: wide ? 110 : 90,
            render: (_, r) => r.customer?.name ?? '—',
          },
          {
            key: 'status',
            title: t('outlet.orders.status'),
            width: wide ? 150 : 140,
            render: (_, r) => (
              <Space size={4} wrap>
                <StatusTag status={r.status} />
                <EscalationTag tier={r.escalationTier} />
                {!wide && <SlaTag state={r.slaState} dueAt={r.slaDueAt} compact />}
              </Space>
            ),
          },
          {
            key: 'appointment',
            title: t('outlet.orders.appointment'),
            width: wide ? 190 : 160,
            render: (_, r) => formatWindow(r.appointment),
          },
          {
            key: 'technician',
            title: t('outlet.orders.technician'),
            width: 100,
            responsive: ['xxl'],
            render: (_, r) => (r.technicianId ? (techNames.get(r.technicianId) ?? '—') : '—'),
          },
          {
            key: 'sla',
            title: t('outlet.orders.sla'),
            width: 170,
            responsive: ['xxl'],
            render: (_, r) => <SlaTag state={r.slaState} dueAt={r.slaDueAt} compact />,
          },
          {
            key: 'actions',
            title: t('outlet.orders.actions'),
            fixed: 'right',
            width: wide ? 220 : 200,
            render: (_, r) => (
              <Space size={4} wrap>
                {(r.status === 'outlet_accepted' || r.status === 'assigned') && (
                  <Button
                    type="primary"
                    size="small"
                    icon={<UserAddOutlined />}
                    onClick={() => setAssigning(r)}
                    data-testid={`assign-open-${r.number}`}
                  >
                    {r.status === 'assigned' ? t('outlet.orders.schedule') : t('outlet.orders.assign')}
                  </Button>
                )}
                {isStatusIn(RESCHEDULABLE, r.status) && r.appointment && (
                  <Button
                    size="small"
                    icon={<CalendarOutlined />}
                    onClick={() => setMoving(r)}
                    data-testid={`reschedule-open-${r.number}`}
                  >
                    {t('outlet.orders.reschedule')}
                  </Button>
                )}
                {!isStatusIn(CLOSED_STATUSES, r.status) && r.escalationTier < 4 && (
                  <Button
                    size="small"
                    icon={<RiseOutlined />}
                    onClick={() => setEscalating(r)}
                    data-testid={`escalate-open-${r.number}`}
                  >
                    {t('outlet.escalate.button')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {orders.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={() => void orders.fetchNextPage()} loading={orders.isFetchingNextPage}>
            {t('outlet.orders.more')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
