import { useState } from 'react';
import { DatePicker, Empty, Flex, Select, Table, Typography } from 'antd';
import type dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DELIVERY_STATUSES, type DeliveryBooking, type DeliveryStatus } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useBookings } from '../api.ts';
import { BookingDrawer } from './BookingDrawer.tsx';
import { DeliveryStatusTag } from './StatusTag.tsx';

/** 送货单: every delivery, by date and status; a row opens its drawer. */
export function BookingsTab() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<DeliveryStatus | undefined>();
  const [date, setDate] = useState<dayjs.Dayjs | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const list = useBookings({
    ...(status ? { status } : {}),
    ...(date ? { date: date.format('YYYY-MM-DD') } : {}),
  });
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select<DeliveryStatus>
          allowClear
          style={{ width: 180 }}
          placeholder={t('delivery.field.status')}
          value={status}
          onChange={setStatus}
          options={DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`delivery.status.${s}`) }))}
          data-testid="delivery-filter-status"
        />
        <DatePicker value={date} onChange={setDate} placeholder={t('delivery.field.date')} />
      </Flex>
      <ProblemAlert error={list.error} />
      <Table<DeliveryBooking>
        size="middle"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('delivery.empty')} /> }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="delivery-bookings"
        columns={[
          {
            key: 'number',
            title: t('delivery.field.number'),
            render: (_, r) => <Typography.Link className="anxin-mono">{r.number}</Typography.Link>,
          },
          {
            key: 'status',
            title: t('delivery.field.status'),
            render: (_, r) => <DeliveryStatusTag status={r.status} />,
          },
          { key: 'customer', title: t('delivery.field.customer'), dataIndex: 'customerName' },
          { key: 'store', title: t('delivery.field.store'), render: (_, r) => r.storeName ?? '—' },
          {
            key: 'date',
            title: t('delivery.field.date'),
            render: (_, r) => `${r.date} ${r.slot.start}–${r.slot.end}`,
          },
          { key: 'crew', title: t('delivery.field.crew'), render: (_, r) => r.crewName ?? '—' },
          {
            key: 'planned',
            title: t('delivery.field.plannedStart'),
            render: (_, r) => r.plannedStart ?? '—',
          },
          {
            key: 'contract',
            title: t('delivery.field.contractNo'),
            render: (_, r) => <span className="anxin-mono">{r.contractNo}</span>,
          },
        ]}
      />
      <BookingDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
