import { useState } from 'react';
import { Flex, Input, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  PART_REQUEST_STATUSES,
  type PartRequest,
  type PartRequestStatus,
  type StockLevel,
} from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useLocations, useOutletRequests, useStock, type StockFilters } from '../api/stock.ts';
import { OldPartsPanel } from './OldPartsPanel.tsx';
import { bjTime, yuan } from './format.ts';
import { RequestStatusTag } from './tags.tsx';

/**
 * 本网点库存 (the outlet manager's view): the outlet's store and its technicians' vans (the server
 * scopes stock to the outlet), the outlet's part requests with their shipment, and its 旧件 to send
 * back to HQ.
 */
export function OutletStoreTab() {
  const { t } = useTranslation();
  return (
    <Tabs
      data-testid="parts-outlet-store"
      items={[
        { key: 'stock', label: t('parts.stock.outlet.stock'), children: <OutletStock /> },
        { key: 'requests', label: t('parts.stock.outlet.requests'), children: <OutletRequests /> },
        { key: 'old', label: t('parts.stock.outlet.oldParts'), children: <OldPartsPanel /> },
      ]}
    />
  );
}

function OutletStock() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<StockFilters>({});
  const [search, setSearch] = useState('');
  const locations = useLocations();
  const stock = useStock(filters);
  const set = (over: Partial<StockFilters>) => setFilters((f) => ({ ...f, ...over }));
  const ours = (locations.data ?? []).filter((l) => l.kind === 'outlet' || l.kind === 'van');

  return (
    <Flex vertical gap={12}>
      <Space wrap>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 220 }}
          placeholder={t('parts.fields.location')}
          value={filters.locationId}
          onChange={(v?: string) => set({ locationId: v })}
          options={ours.map((l) => ({
            value: l.id,
            label: `${l.name} · ${t(`parts.locationKinds.${l.kind}`)}`,
          }))}
        />
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder={t('parts.stock.catalog.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => set({ q: v.trim() || undefined })}
        />
        <Space size={6}>
          <Switch
            size="small"
            checked={filters.low === 'true'}
            onChange={(on) => set({ low: on ? 'true' : undefined })}
          />
          {t('parts.stock.outlet.lowOnly')}
        </Space>
      </Space>
      {stock.error && <ProblemAlert error={stock.error} />}
      <Table<StockLevel>
        rowKey={(r) => `${r.locationId}:${r.itemId}`}
        size="small"
        loading={stock.isLoading}
        dataSource={stock.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('parts.stock.outlet.noStock') }}
        columns={[
          {
            title: t('parts.fields.location'),
            width: 200,
            render: (_, r) => (
              <Space size={4}>
                <Tag>{t(`parts.locationKinds.${r.locationKind}`)}</Tag>
                {r.locationName}
              </Space>
            ),
          },
          { title: t('parts.fields.code'), dataIndex: 'itemCode', width: 130 },
          { title: t('parts.fields.name'), dataIndex: 'itemName' },
          { title: t('parts.fields.onHand'), dataIndex: 'onHand', width: 80, align: 'right' },
          { title: t('parts.fields.reserved'), dataIndex: 'reserved', width: 80, align: 'right' },
          {
            title: t('parts.fields.available'),
            width: 80,
            align: 'right',
            render: (_, r) => (
              <Typography.Text
                type={r.available <= r.reorderPoint && r.reorderPoint > 0 ? 'danger' : undefined}
              >
                {r.available}
              </Typography.Text>
            ),
          },
          { title: t('parts.fields.reorderPoint'), dataIndex: 'reorderPoint', width: 90, align: 'right' },
          {
            title: t('parts.stock.outlet.lastMovement'),
            width: 150,
            render: (_, r) => bjTime(r.lastMovementAt),
          },
        ]}
      />
    </Flex>
  );
}

function OutletRequests() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<PartRequestStatus | undefined>();
  const list = useOutletRequests(status);
  return (
    <Flex vertical gap={12}>
      <Select
        allowClear
        style={{ width: 160 }}
        placeholder={t('parts.fields.status')}
        value={status}
        onChange={(v?: PartRequestStatus) => setStatus(v)}
        options={PART_REQUEST_STATUSES.map((s) => ({ value: s, label: t(`parts.requestStatuses.${s}`) }))}
      />
      {list.error && <ProblemAlert error={list.error} />}
      <Table<PartRequest>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('parts.stock.outlet.noRequests') }}
        columns={[
          { title: t('parts.stock.outlet.requestNumber'), dataIndex: 'number', width: 150 },
          { title: t('parts.fields.order'), dataIndex: 'orderNumber', width: 150 },
          { title: t('parts.fields.technician'), width: 100, render: (_, r) => r.technicianName ?? '—' },
          {
            title: t('parts.fields.status'),
            width: 90,
            render: (_, r) => <RequestStatusTag status={r.status} />,
          },
          {
            title: t('parts.stock.outlet.lines'),
            render: (_, r) => r.lines.map((l) => `${l.itemName} × ${l.qty}`).join('；'),
          },
          { title: t('parts.fields.value'), width: 100, align: 'right', render: (_, r) => yuan(r.valueFen) },
          {
            title: t('parts.stock.outlet.shipment'),
            width: 200,
            render: (_, r) => (r.trackingNo ? `${r.carrier ?? ''} ${r.trackingNo}` : '—'),
          },
          { title: t('parts.fields.createdAt'), width: 140, render: (_, r) => bjTime(r.createdAt) },
          {
            title: t('parts.stock.outlet.shippedAt'),
            width: 140,
            render: (_, r) => bjTime(r.shippedAt),
          },
        ]}
      />
    </Flex>
  );
}
