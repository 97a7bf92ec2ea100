import { useState } from 'react';
import { Card, DatePicker, Empty, Flex, Input, Select, Table, Typography, type Breakpoint } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DELIVERY_STATUSES, type DeliveryBooking } from '@anxin/contracts';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { OutletPicker } from '../../../components/OutletPicker.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { SavedFiltersMenu } from '../../../components/SavedFiltersMenu.tsx';
import { useUrlFilters } from '../../../components/useUrlFilters.ts';
import { useSession } from '../../auth/index.ts';
import { BOOKING_LIST_KEYS, useBookingPages, useCrews } from '../api.ts';
import { BookingDrawer } from './BookingDrawer.tsx';
import { DeliveryStatusTag } from './StatusTag.tsx';

/** The planned arrival shows from 1600 px: at 1366–1440 px the rest fits without sideways scroll. */
const WIDE: Breakpoint[] = ['xxl'];

/**
 * 送货单: every delivery by status, day, crew, store and a search, day either way, a page at a
 * time; the filters live in the address and can be saved; a row opens its drawer.
 */
export function BookingsTab() {
  const { t } = useTranslation();
  const me = useSession();
  const f = useUrlFilters(BOOKING_LIST_KEYS);
  const [open, setOpen] = useState<string | null>(null);
  const list = useBookingPages(f.values);
  const crews = useCrews();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canPickStore = me.permissions.includes('outlet:read') && me.scope.level !== 'outlet';
  return (
    <>
      <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap>
          <Input.Search
            key={`q:${f.values.q ?? ''}`}
            allowClear
            style={{ width: 240 }}
            defaultValue={f.values.q}
            placeholder={t('delivery.search')}
            onSearch={(q) => f.set({ q: q.trim().length >= 2 ? q : undefined })}
            data-testid="delivery-filter-q"
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('delivery.field.status')}
            value={f.values.status}
            onChange={(v?: string) => f.set({ status: v })}
            options={DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`delivery.status.${s}`) }))}
            data-testid="delivery-filter-status"
          />
          <DatePicker
            value={f.values.date ? dayjs(f.values.date) : null}
            onChange={(d) => f.set({ date: d ? d.format('YYYY-MM-DD') : undefined })}
            placeholder={t('delivery.field.date')}
            data-testid="delivery-filter-date"
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 150 }}
            placeholder={t('delivery.field.crew')}
            value={f.values.crewId}
            onChange={(v?: string) => f.set({ crewId: v })}
            options={(crews.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            data-testid="delivery-filter-crew"
          />
          {canPickStore && (
            <OutletPicker
              style={{ width: 200 }}
              placeholder={t('delivery.field.store')}
              value={f.values.storeOutletId}
              onChange={(v) => f.set({ storeOutletId: v })}
              data-testid="delivery-filter-store"
            />
          )}
        </Flex>
        <SavedFiltersMenu storageKey={`delivery:${me.id}`} query={f.query} onApply={f.applyQuery} />
      </Flex>
      <ProblemAlert error={list.error} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<DeliveryBooking>
          size="middle"
          rowKey="id"
          tableLayout="fixed"
          loading={list.isPending}
          dataSource={items}
          locale={{ emptyText: <Empty description={t('delivery.empty')} /> }}
          onRow={(r) =>
            ({
              onClick: () => setOpen(r.id),
              style: { cursor: 'pointer' },
              'data-testid': 'delivery-row',
            }) as React.HTMLAttributes<HTMLElement>
          }
          onChange={(_p, _f, sorter) => {
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            f.set({ sort: one?.order === 'ascend' ? 'date' : undefined });
          }}
          pagination={false}
          data-testid="delivery-bookings"
          columns={[
            {
              key: 'number',
              title: t('delivery.field.number'),
              width: 170,
              render: (_, r) => <Typography.Link className="anxin-mono">{r.number}</Typography.Link>,
            },
            {
              key: 'status',
              title: t('delivery.field.status'),
              width: 100,
              render: (_, r) => <DeliveryStatusTag status={r.status} />,
            },
            {
              key: 'customer',
              title: t('delivery.field.customer'),
              dataIndex: 'customerName',
              width: 110,
              ellipsis: true,
            },
            {
              key: 'store',
              title: t('delivery.field.store'),
              width: 140,
              ellipsis: true,
              render: (_, r) => r.storeName ?? '—',
            },
            {
              key: 'date',
              title: t('delivery.field.date'),
              width: 180,
              sorter: true,
              sortDirections: ['descend', 'ascend'],
              sortOrder: f.values.sort === 'date' ? 'ascend' : 'descend',
              render: (_, r) => `${r.date} ${r.slot.start}–${r.slot.end}`,
            },
            {
              key: 'crew',
              title: t('delivery.field.crew'),
              width: 110,
              ellipsis: true,
              render: (_, r) => r.crewName ?? '—',
            },
            {
              key: 'planned',
              title: t('delivery.field.plannedStart'),
              width: 100,
              responsive: WIDE,
              render: (_, r) => r.plannedStart ?? '—',
            },
            {
              key: 'contract',
              title: t('delivery.field.contractNo'),
              width: 150,
              ellipsis: true,
              render: (_, r) => <span className="anxin-mono">{r.contractNo}</span>,
            },
          ]}
        />
        <LoadMore
          count={items.length}
          hasMore={!!list.hasNextPage}
          loading={list.isFetchingNextPage}
          onMore={() => void list.fetchNextPage()}
          testId="delivery-list"
        />
      </Card>
      <BookingDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
