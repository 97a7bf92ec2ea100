import { useState } from 'react';
import { Button, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { PART_REQUEST_STATUSES, type PartRequest, type PartRequestStatus } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { usePartRequests } from '../api/warehouse.ts';
import { optionsOf, when, yuan } from './format.ts';
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
      title: t('parts.warehouse.requests.number'),
      dataIndex: 'number',
      width: 150,
      render: (n: string) => <Typography.Text strong>{n}</Typography.Text>,
    },
    { title: t('parts.fields.order'), dataIndex: 'orderNumber', width: 150 },
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
  const list = usePartRequests(pendingFilter);
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
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 1100 }}
        expandable={{ expandedRowRender: (r) => <RequestLines request={r} /> }}
        locale={{ emptyText: t('parts.warehouse.requests.emptyPending') }}
        onRow={(r) => ({ 'data-testid': `parts-request-${r.number}` }) as React.HTMLAttributes<HTMLElement>}
      />
      <ApproveDialog request={approving} onClose={() => setApproving(null)} />
      <RejectDialog request={rejecting} onClose={() => setRejecting(null)} />
    </Flex>
  );
}

/** 待发货: approved requests, shipped with a carrier and a tracking number. */
export function ToShipTab({ canShip }: { canShip: boolean }) {
  const { t } = useTranslation();
  const list = usePartRequests(toShipFilter);
  const [shipping, setShipping] = useState<PartRequest | null>(null);
  const columns = useColumns([
    {
      title: t('parts.warehouse.requests.destination'),
      key: 'destination',
      width: 170,
      render: (_: unknown, r) => destinationText(t, r),
    },
    { title: t('parts.warehouse.requests.approver'), dataIndex: 'approverName', width: 100 },
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
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 1200 }}
        expandable={{ expandedRowRender: (r) => <RequestLines request={r} /> }}
        locale={{ emptyText: t('parts.warehouse.requests.emptyToShip') }}
        onRow={(r) => ({ 'data-testid': `parts-request-${r.number}` }) as React.HTMLAttributes<HTMLElement>}
      />
      <ShipDialog request={shipping} onClose={() => setShipping(null)} />
    </Flex>
  );
}

/** 在途/已完成: shipped, received, rejected and cancelled requests, by status and outlet. */
export function RequestHistoryTab() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<PartRequestStatus | undefined>('shipped');
  const [outletId, setOutletId] = useState<string | undefined>();
  const all = usePartRequests({ status });
  const list = usePartRequests({ status, outletId });
  const outlets = optionsOf(all.data?.items ?? [], (r) => [r.outletId, r.outletName]);
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
      render: (_: unknown, r) => destinationText(t, r),
    },
    {
      title: t('parts.warehouse.requests.shipment'),
      key: 'shipment',
      width: 180,
      render: (_: unknown, r) => (r.carrier ? `${r.carrier} ${r.trackingNo ?? ''}` : ''),
    },
    { title: t('parts.warehouse.requests.shippedAt'), dataIndex: 'shippedAt', width: 140, render: when },
    { title: t('parts.warehouse.requests.receivedAt'), dataIndex: 'receivedAt', width: 140, render: when },
    {
      title: t('parts.warehouse.requests.decisionNote'),
      dataIndex: 'decisionNote',
      width: 160,
      ellipsis: true,
    },
  ]);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Select
          style={{ width: 160 }}
          allowClear
          placeholder={t('parts.warehouse.filters.allStatuses')}
          value={status}
          onChange={(v?: PartRequestStatus) => setStatus(v)}
          options={HISTORY_STATUSES.map((s) => ({ value: s, label: t(`parts.requestStatuses.${s}`) }))}
          data-testid="parts-history-status"
        />
        <Select
          style={{ width: 200 }}
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('parts.warehouse.filters.allOutlets')}
          value={outletId}
          onChange={(v?: string) => setOutletId(v)}
          options={outlets}
          data-testid="parts-history-outlet"
        />
      </Flex>
      {list.error && <ProblemAlert error={list.error} />}
      <Table<PartRequest>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 1500 }}
        expandable={{ expandedRowRender: (r) => <RequestLines request={r} /> }}
        locale={{ emptyText: t('parts.warehouse.requests.emptyHistory') }}
      />
    </Flex>
  );
}
