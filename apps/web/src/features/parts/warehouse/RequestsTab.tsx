import { useState } from 'react';
import { Button, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import {
  PART_REQUEST_STATUSES,
  type PartRequest,
  type PartRequestSort,
  type PartRequestStatus,
} from '@anxin/contracts';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { OutletPicker } from '../../../components/OutletPicker.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { SavedFiltersMenu } from '../../../components/SavedFiltersMenu.tsx';
import { useUrlFilters } from '../../../components/useUrlFilters.ts';
import { useSession } from '../../auth/index.ts';
import { useRequestPages } from '../api/warehouse.ts';
import { when, yuan } from './format.ts';
import { ApproveDialog, destinationText, RejectDialog, ShipDialog } from './RequestDialogs.tsx';
import { RequestLines } from './RequestLines.tsx';

const STATUS_COLORS: Record<PartRequestStatus, string> = {
  pending_approval: 'orange',
  approved: 'blue',
  rejected: 'red',
  shipped: 'cyan',
  received: 'green',
  cancelled: 'default',
};

export function RequestStatusTag({ status }: { status: PartRequestStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`parts.requestStatuses.${status}`)}</Tag>;
}

/** The requests that wait for approval (待审批) or shipment (待发货): these lists are the tabs' counts. */
export const pendingFilter = { status: 'pending_approval' } as const;
export const toShipFilter = { status: 'approved' } as const;

/** Statuses the 在途/已完成 list offers (the two working queues have their own tabs). */
const HISTORY_STATUSES = PART_REQUEST_STATUSES.filter((s) => s !== 'pending_approval' && s !== 'approved');

function useColumns(extra: ColumnsType<PartRequest>): ColumnsType<PartRequest> {
  const { t } = useTranslation();
  return [
    {
      key: 'number',
      title: t('parts.warehouse.requests.number'),
      dataIndex: 'number',
      width: 140,
      render: (n: string) => <Typography.Text strong>{n}</Typography.Text>,
    },
    // The order shows from 1600 px (its lines are a click away); at 1366–1440 px the rest fits.
    {
      title: t('parts.fields.order'),
      dataIndex: 'orderNumber',
      width: 140,
      ellipsis: true,
      responsive: ['xxl'],
    },
    { title: t('parts.fields.outlet'), dataIndex: 'outletName', width: 140, ellipsis: true },
    { title: t('parts.fields.technician'), dataIndex: 'technicianName', width: 100 },
    {
      title: t('parts.warehouse.requests.lines'),
      key: 'lines',
      ellipsis: true,
      render: (_: unknown, r) => r.lines.map((l) => `${l.itemName} ×${l.qty}`).join('，'),
    },
    {
      title: t('parts.fields.value'),
      dataIndex: 'valueFen',
      width: 110,
      align: 'right',
      render: (v: number) => yuan(v),
    },
    ...extra,
  ];
}

/** 待审批: approve with a signature or reject with a reason. */
export function PendingApprovalTab({ canApprove }: { canApprove: boolean }) {
  const { t } = useTranslation();
  const list = useRequestPages(pendingFilter);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [approving, setApproving] = useState<PartRequest | null>(null);
  const [rejecting, setRejecting] = useState<PartRequest | null>(null);
  const columns = useColumns([
    {
      title: t('parts.warehouse.requests.approvalReason'),
      dataIndex: 'approvalReason',
      width: 150,
      render: (r: PartRequest['approvalReason']) => <Tag color="gold">{t(`parts.approvalReasons.${r}`)}</Tag>,
    },
    { title: t('parts.fields.createdAt'), dataIndex: 'createdAt', width: 140, render: when },
    ...(canApprove
      ? [
          {
            title: t('parts.warehouse.actions'),
            key: 'actions',
            width: 150,
            fixed: 'right' as const,
            render: (_: unknown, r: PartRequest) => (
              <Space size={4}>
                <Button
                  type="primary"
                  size="small"
                  onClick={() => setApproving(r)}
                  data-testid={`parts-approve-${r.number}`}
                >
                  {t('parts.warehouse.requests.approve')}
                </Button>
                <Button
                  danger
                  size="small"
                  onClick={() => setRejecting(r)}
                  data-testid={`parts-reject-${r.number}`}
                >
                  {t('parts.warehouse.requests.reject')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ]);
  return (
    <Flex vertical gap={12}>
      {list.error && <ProblemAlert error={list.error} />}
      <Table<PartRequest>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={items}
        columns={columns}
        pagination={false}
        tableLayout="fixed"
        expandable={{ expandedRowRender: (r) => <RequestLines request={r} /> }}
        locale={{ emptyText: t('parts.warehouse.requests.emptyPending') }}
        onRow={(r) => ({ 'data-testid': `parts-request-${r.number}` }) as React.HTMLAttributes<HTMLElement>}
      />
      <LoadMore
        count={items.length}
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onMore={() => void list.fetchNextPage()}
        testId="parts-pending"
      />
      <ApproveDialog request={approving} onClose={() => setApproving(null)} />
      <RejectDialog request={rejecting} onClose={() => setRejecting(null)} />
    </Flex>
  );
}

/** 待发货: approved requests, shipped with a carrier and a tracking number. */
export function ToShipTab({ canShip }: { canShip: boolean }) {
  const { t } = useTranslation();
  const list = useRequestPages(toShipFilter);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [shipping, setShipping] = useState<PartRequest | null>(null);
  const columns = useColumns([
    {
      title: t('parts.warehouse.requests.destination'),
      key: 'destination',
      width: 170,
      render: (_: unknown, r) => destinationText(t, r),
    },
    {
      title: t('parts.warehouse.requests.approver'),
      dataIndex: 'approverName',
      width: 100,
      responsive: ['xxl'],
    },
    { title: t('parts.warehouse.requests.approvedAt'), dataIndex: 'approvedAt', width: 140, render: when },
    ...(canShip
      ? [
          {
            title: t('parts.warehouse.actions'),
            key: 'actions',
            width: 90,
            fixed: 'right' as const,
            render: (_: unknown, r: PartRequest) => (
              <Button
                type="primary"
                size="small"
                onClick={() => setShipping(r)}
                data-testid={`parts-ship-${r.number}`}
              >
                {t('parts.warehouse.requests.ship')}
              </Button>
            ),
          },
        ]
      : []),
  ]);
  return (
    <Flex vertical gap={12}>
      {list.error && <ProblemAlert error={list.error} />}
      <Table<PartRequest>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={items}
        columns={columns}
        pagination={false}
        tableLayout="fixed"
        expandable={{ expandedRowRender: (r) => <RequestLines request={r} /> }}
        locale={{ emptyText: t('parts.warehouse.requests.emptyToShip') }}
        onRow={(r) => ({ 'data-testid': `parts-request-${r.number}` }) as React.HTMLAttributes<HTMLElement>}
      />
      <LoadMore
        count={items.length}
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onMore={() => void list.fetchNextPage()}
        testId="parts-toship"
      />
      <ShipDialog request={shipping} onClose={() => setShipping(null)} />
    </Flex>
  );
}

const HISTORY_KEYS = ['status', 'outletId', 'sort'] as const;

/**
 * 在途/已完成: shipped, received, rejected and cancelled requests by status and outlet, newest or
 * oldest first, a page at a time; the filters live in the address and can be saved.
 */
export function RequestHistoryTab() {
  const { t } = useTranslation();
  const me = useSession();
  const f = useUrlFilters(HISTORY_KEYS);
  // No status in the address is the 在途 (shipped) queue; `all` is every status.
  const status = f.values.status ?? 'shipped';
  const list = useRequestPages({
    status: status === 'all' ? undefined : (status as PartRequestStatus),
    outletId: f.values.outletId,
    sort: f.values.sort as PartRequestSort | undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const columns = useColumns([
    {
      title: t('parts.fields.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: PartRequestStatus) => <RequestStatusTag status={s} />,
    },
    {
      title: t('parts.warehouse.requests.destination'),
      key: 'destination',
      width: 170,
      responsive: ['xxl'],
      render: (_: unknown, r) => destinationText(t, r),
    },
    {
      title: t('parts.warehouse.requests.shipment'),
      key: 'shipment',
      width: 150,
      ellipsis: true,
      render: (_: unknown, r) => (r.carrier ? `${r.carrier} ${r.trackingNo ?? ''}` : ''),
    },
    {
      title: t('parts.warehouse.requests.shippedAt'),
      dataIndex: 'shippedAt',
      width: 140,
      render: when,
    },
    {
      title: t('parts.warehouse.requests.receivedAt'),
      dataIndex: 'receivedAt',
      width: 140,
      responsive: ['xxl'],
      render: when,
    },
    {
      title: t('parts.warehouse.requests.decisionNote'),
      dataIndex: 'decisionNote',
      width: 160,
      ellipsis: true,
      responsive: ['xxl'],
    },
  ]).map((c) =>
    c.key === 'number'
      ? {
          ...c,
          sorter: true,
          sortDirections: ['descend' as const, 'ascend' as const],
          sortOrder: f.values.sort === 'created_at' ? ('ascend' as const) : ('descend' as const),
        }
      : c,
  );
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Select
          style={{ width: 160 }}
          value={status}
          onChange={(v: string) => f.set({ status: v === 'shipped' ? undefined : v })}
          options={[
            ...HISTORY_STATUSES.map((s) => ({ value: s as string, label: t(`parts.requestStatuses.${s}`) })),
            { value: 'all', label: t('parts.warehouse.filters.allStatuses') },
          ]}
          data-testid="parts-history-status"
        />
        <OutletPicker
          style={{ width: 220 }}
          placeholder={t('parts.warehouse.filters.allOutlets')}
          value={f.values.outletId}
          onChange={(v) => f.set({ outletId: v })}
          data-testid="parts-history-outlet"
        />
        <SavedFiltersMenu storageKey={`parts-requests:${me.id}`} query={f.query} onApply={f.applyQuery} />
      </Flex>
      {list.error && <ProblemAlert error={list.error} />}
      <Table<PartRequest>
        rowKey="id"
        size="middle"
        tableLayout="fixed"
        loading={list.isLoading}
        dataSource={items}
        columns={columns}
        pagination={false}
        onChange={(_p, _f, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          f.set({ sort: one?.order === 'ascend' ? 'created_at' : undefined });
        }}
        expandable={{ expandedRowRender: (r) => <RequestLines request={r} /> }}
        locale={{ emptyText: t('parts.warehouse.requests.emptyHistory') }}
        onRow={(r) => ({ 'data-testid': `parts-request-${r.number}` }) as React.HTMLAttributes<HTMLElement>}
      />
      <LoadMore
        count={items.length}
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onMore={() => void list.fetchNextPage()}
        testId="parts-history"
      />
    </Flex>
  );
}
