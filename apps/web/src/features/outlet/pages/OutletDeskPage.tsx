import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  App,
  Badge,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import {
  CalendarOutlined,
  CheckOutlined,
  CloseOutlined,
  ReloadOutlined,
  RiseOutlined,
  TrophyOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  APPOINTABLE_STATUSES,
  AWAITING_CLOSE_STATUSES,
  CLOSED_STATUSES,
  IN_SERVICE_STATUSES,
  isStatusIn,
  TECHNICIAN_ACTIVE_STATUSES,
  type Offer,
  type WorkOrderStatusName,
  type WorkOrderSummary,
} from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { regionName, useCategories, useRegions } from '../../customers/index.ts';
import {
  SlaTag,
  StatusTag,
  UrgencyTag,
  VisitWindowDialog,
  bj,
  formatWindow,
  useWorkOrders,
} from '../../workorders/index.ts';
import { useAcceptOffer, useFigures, usePendingOffers, useReschedule } from '../api.ts';
import { AssignDrawer, type AssignTarget } from '../components/AssignDrawer.tsx';
import { EscalateDialog, EscalationTag } from '../components/Escalation.tsx';
import { RejectOfferDialog } from '../components/RejectOfferDialog.tsx';
import { ruleMessage } from '../components/rules.ts';
import { useNow } from '../components/useNow.ts';

type Group = 'toAssign' | 'toSchedule' | 'scheduled' | 'inService' | 'done' | 'all';
const GROUPS: Record<Group, WorkOrderStatusName[] | undefined> = {
  toAssign: ['outlet_accepted'],
  toSchedule: ['assigned'],
  scheduled: ['scheduled'],
  inService: [...IN_SERVICE_STATUSES],
  done: [...AWAITING_CLOSE_STATUSES],
  all: undefined,
};
/** The outlet reschedules an order that has a technician and has not set off yet. */
const RESCHEDULABLE = APPOINTABLE_STATUSES.filter((s) => isStatusIn(TECHNICIAN_ACTIVE_STATUSES, s));

function Countdown({ dueAt, number }: { dueAt: string; number: string }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const left = Math.floor((Date.parse(dueAt) - now) / 1000);
  const abs = Math.abs(left);
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock =
    abs >= 3600
      ? `${Math.floor(abs / 3600)}:${pad(Math.floor(abs / 60) % 60)}:${pad(abs % 60)}`
      : `${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return (
    <Tooltip title={`${t('outlet.offers.due')} ${bj(dueAt).format('YYYY-MM-DD HH:mm')}`}>
      <Tag
        color={left < 0 ? 'red' : left < 300 ? 'orange' : 'blue'}
        className="anxin-mono"
        data-testid={`offer-countdown-${number}`}
      >
        {left < 0 ? t('outlet.offers.overdue') : t('outlet.offers.remaining', { time: clock })}
      </Tag>
    </Tooltip>
  );
}

/** 网点工作台: what an outlet manager works through all day, their outlet's data only. */
export default function OutletDeskPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const zh = i18n.language === 'zh-CN';
  const [group, setGroup] = useState<Group>('toAssign');
  const offers = usePendingOffers();
  const figures = useFigures();
  // Work in progress by deadline; finished and mixed lists newest first.
  const orders = useWorkOrders(
    { status: GROUPS[group], sort: group === 'all' || group === 'done' ? '-created_at' : 'sla_due_at' },
    30,
  );
  const regions = useRegions();
  const categories = useCategories();
  const accept = useAcceptOffer();
  const reschedule = useReschedule();
  const [rejecting, setRejecting] = useState<{ id: string; number: string } | null>(null);
  const [assigning, setAssigning] = useState<AssignTarget | null>(null);
  const [moving, setMoving] = useState<WorkOrderSummary | null>(null);
  const [escalating, setEscalating] = useState<WorkOrderSummary | null>(null);

  const techNames = useMemo(
    () => new Map((figures.data?.technicians ?? []).map((x) => [x.technicianId, x.name])),
    [figures.data],
  );
  const categoryName = (code: string | null) => {
    const c = code ? categories.data?.items.find((x) => x.code === code) : undefined;
    return c ? (zh ? c.nameZh : c.nameEn) : (code ?? '—');
  };
  const rows = orders.data?.pages.flatMap((p) => p.items) ?? [];
  const f = figures.data;
  const refresh = () => {
    void offers.refetch();
    void figures.refetch();
    void orders.refetch();
  };

  const onAccept = async (o: Offer) => {
    try {
      await accept.mutateAsync({ offerId: o.id });
      message.success(t('outlet.offers.accepted', { number: o.order?.number ?? '' }));
      setGroup('toAssign');
    } catch {
      /* shown below the table */
    }
  };

  return (
    <Flex vertical gap={16} data-testid="outlet-desk">
      <PageHeader
        title={t('outlet.title')}
        description={t('outlet.description')}
        extra={
          <>
            {/* The outlet's own monthly scorecard (features/grading). */}
            <Link to="/outlet/scorecard" data-testid="outlet-scorecard-link">
              <Button icon={<TrophyOutlined />}>{t('grading.deskLink')}</Button>
            </Link>
            <Button icon={<ReloadOutlined />} onClick={refresh} data-testid="outlet-refresh">
              {t('outlet.refresh')}
            </Button>
          </>
        }
      />
      <ProblemAlert error={figures.error} />
      <Flex gap={16} wrap data-testid="outlet-figures">
        {(
          [
            ['ordersThisMonth', f?.ordersThisMonth, undefined],
            [
              'acceptedInTime',
              f?.acceptedInTimePercent ?? null,
              f
                ? t('outlet.figures.acceptedInTimeHint', {
                    inTime: f.acceptedInTime,
                    offers: f.offersThisMonth,
                  })
                : undefined,
            ],
            ['completed', f?.completedThisMonth, undefined],
            ['open', f?.open, undefined],
            ['atRisk', f?.atRisk, undefined],
          ] as const
        ).map(([key, value, hint]) => (
          <Card key={key} size="small" loading={figures.isPending} style={{ flex: '1 1 170px' }}>
            <Tooltip title={hint}>
              <Statistic
                title={t(`outlet.figures.${key}`)}
                value={value === null || value === undefined ? t('outlet.figures.none') : value}
                suffix={key === 'acceptedInTime' && value !== null && value !== undefined ? '%' : undefined}
                styles={key === 'atRisk' && (value ?? 0) > 0 ? { content: { color: '#cf1322' } } : undefined}
                data-testid={`figure-${key}`}
              />
            </Tooltip>
          </Card>
        ))}
      </Flex>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Flex vertical gap={16}>
            <Card
              size="small"
              title={
                <Space>
                  {t('outlet.offers.title')}
                  <Badge count={offers.data?.items.length ?? 0} showZero={false} />
                </Space>
              }
            >
              <ProblemAlert error={offers.error ?? accept.error} style={{ marginBottom: 12 }} />
              <Table<Offer>
                data-testid="outlet-offers"
                rowKey="id"
                size="small"
                loading={offers.isPending}
                dataSource={offers.data?.items ?? []}
                pagination={false}
                locale={{
                  emptyText: (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('outlet.offers.empty')} />
                  ),
                }}
                onRow={(o) =>
                  ({
                    'data-testid': `offer-row-${o.order?.number ?? o.id}`,
                  }) as React.HTMLAttributes<HTMLElement>
                }
                columns={[
                  {
                    key: 'number',
                    title: t('outlet.offers.order'),
                    render: (_, o) => (
                      <Space size={4} wrap>
                        <span className="anxin-mono">{o.order?.number ?? '—'}</span>
                        {o.order && <UrgencyTag urgency={o.order.urgency} />}
                      </Space>
                    ),
                  },
                  {
                    key: 'customer',
                    title: t('outlet.offers.customer'),
                    render: (_, o) => o.order?.customerName ?? '—',
                  },
                  {
                    key: 'category',
                    title: t('outlet.offers.category'),
                    render: (_, o) => categoryName(o.order?.categoryCode ?? null),
                  },
                  {
                    key: 'region',
                    title: t('outlet.offers.region'),
                    render: (_, o) =>
                      regionName(regions.data, o.order?.districtCode ?? null) ?? o.order?.districtCode ?? '—',
                  },
                  {
                    key: 'due',
                    title: t('outlet.offers.due'),
                    render: (_, o) => <Countdown dueAt={o.dueAt} number={o.order?.number ?? o.id} />,
                  },
                  {
                    key: 'actions',
                    title: t('outlet.offers.actions'),
                    align: 'right',
                    render: (_, o) => {
                      const number = o.order?.number ?? o.id;
                      return (
                        <Space>
                          <Button
                            type="primary"
                            size="small"
                            icon={<CheckOutlined />}
                            loading={accept.isPending && accept.variables?.offerId === o.id}
                            onClick={() => void onAccept(o)}
                            data-testid={`offer-accept-${number}`}
                          >
                            {t('outlet.offers.accept')}
                          </Button>
                          <Button
                            danger
                            size="small"
                            icon={<CloseOutlined />}
                            onClick={() => setRejecting({ id: o.id, number })}
                            data-testid={`offer-reject-${number}`}
                          >
                            {t('outlet.offers.reject')}
                          </Button>
                        </Space>
                      );
                    },
                  },
                ]}
              />
            </Card>

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
                scroll={{ x: 980 }}
                locale={{
                  emptyText: (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('outlet.orders.empty')} />
                  ),
                }}
                onRow={(r) =>
                  ({ 'data-testid': `outlet-order-${r.number}` }) as React.HTMLAttributes<HTMLElement>
                }
                columns={[
                  {
                    key: 'number',
                    title: t('outlet.orders.number'),
                    width: 170,
                    render: (_, r) => (
                      <Link to={`/workorders/${r.id}`} className="anxin-mono">
                        {r.number}
                      </Link>
                    ),
                  },
                  {
                    key: 'customer',
                    title: t('outlet.orders.customer'),
                    width: 110,
                    render: (_, r) => r.customer?.name ?? '—',
                  },
                  {
                    key: 'status',
                    title: t('outlet.orders.status'),
                    width: 150,
                    render: (_, r) => (
                      <Space size={4} wrap>
                        <StatusTag status={r.status} />
                        <EscalationTag tier={r.escalationTier} />
                      </Space>
                    ),
                  },
                  {
                    key: 'appointment',
                    title: t('outlet.orders.appointment'),
                    width: 190,
                    render: (_, r) => formatWindow(r.appointment),
                  },
                  {
                    key: 'technician',
                    title: t('outlet.orders.technician'),
                    width: 100,
                    render: (_, r) => (r.technicianId ? (techNames.get(r.technicianId) ?? '—') : '—'),
                  },
                  {
                    key: 'sla',
                    title: t('outlet.orders.sla'),
                    width: 170,
                    render: (_, r) => <SlaTag state={r.slaState} dueAt={r.slaDueAt} compact />,
                  },
                  {
                    key: 'actions',
                    title: t('outlet.orders.actions'),
                    fixed: 'right',
                    width: 220,
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
                            {r.status === 'assigned'
                              ? t('outlet.orders.schedule')
                              : t('outlet.orders.assign')}
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
          </Flex>
        </Col>
        <Col xs={24} xl={7}>
          <Card size="small" title={t('outlet.technicians.title')} loading={figures.isPending}>
            <Flex vertical data-testid="outlet-technicians">
              {(f?.technicians ?? []).length === 0 && (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('outlet.technicians.empty')} />
              )}
              {(f?.technicians ?? []).map((x) => (
                <Flex
                  key={x.technicianId}
                  data-testid={`outlet-tech-${x.name}`}
                  justify="space-between"
                  gap={8}
                  style={{ padding: '10px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}
                >
                  <Space size={4}>
                    <Typography.Text strong={x.active} type={x.active ? undefined : 'secondary'}>
                      {x.name}
                    </Typography.Text>
                    {!x.active && <Tag>{t('outlet.technicians.inactive')}</Tag>}
                  </Space>
                  <Space size={4}>
                    <Tag color={x.today > 0 ? 'blue' : 'default'}>
                      {t('outlet.technicians.today')} {x.today}
                    </Tag>
                    <Tag>
                      {t('outlet.technicians.open')} {x.open}
                    </Tag>
                  </Space>
                </Flex>
              ))}
            </Flex>
          </Card>
        </Col>
      </Row>

      <RejectOfferDialog
        offer={rejecting}
        onClose={() => setRejecting(null)}
        onDone={(number) => message.info(t('outlet.offers.rejected', { number }))}
      />
      <AssignDrawer order={assigning} onClose={() => setAssigning(null)} onDone={(m) => message.success(m)} />
      <VisitWindowDialog
        order={moving}
        save={reschedule}
        requireReason
        title={moving ? t('outlet.reschedule.title', { number: moving.number }) : ''}
        confirmLabel={t('outlet.reschedule.confirm')}
        notice={t('outlet.reschedule.notice')}
        testId="reschedule"
        describeError={(e) => ruleMessage(t, e)}
        onClose={() => setMoving(null)}
        onDone={(w) => message.success(formatWindow(w))}
      />
      {escalating && (
        <EscalateDialog
          order={escalating}
          open={!!escalating}
          onClose={() => setEscalating(null)}
          onReload={() => void orders.refetch()}
        />
      )}
    </Flex>
  );
}
