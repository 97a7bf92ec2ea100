import { useState } from 'react';
import { DatePicker, Empty, Flex, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FactoryOrderLine } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useFactoryOrders } from '../api.ts';
import { LineStateTag } from './tags.tsx';

/** 工厂订货单: what the stock checks put on a day's factory order (default: the next working day). */
export function FactoryTab() {
  const { t } = useTranslation();
  const [date, setDate] = useState<string | undefined>();
  const list = useFactoryOrders(date);
  const items = list.data?.items ?? [];
  const units = items.reduce((n, l) => n + l.quantity, 0);
  return (
    <>
      <Flex gap={12} align="center" style={{ marginBottom: 12 }}>
        <Typography.Text>{t('sales.factory.date')}</Typography.Text>
        <DatePicker
          allowClear={false}
          value={list.data ? dayjs(list.data.date) : undefined}
          onChange={(d) => setDate(d ? d.format('YYYY-MM-DD') : undefined)}
          data-testid="sales-factory-date"
        />
        {items.length > 0 && (
          <Typography.Text type="secondary">
            {t('sales.factory.total', { lines: items.length, units })}
          </Typography.Text>
        )}
      </Flex>
      <ProblemAlert error={list.error} />
      <Table<FactoryOrderLine>
        size="middle"
        rowKey="lineId"
        loading={list.isPending}
        dataSource={items}
        locale={{ emptyText: <Empty description={t('sales.factory.empty')} /> }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="sales-factory-table"
        columns={[
          {
            key: 'model',
            title: t('sales.field.model'),
            render: (_, l) => <span className="anxin-mono">{l.model}</span>,
          },
          { key: 'name', title: t('sales.field.productName'), dataIndex: 'productName' },
          { key: 'qty', title: t('sales.field.quantity'), dataIndex: 'quantity', align: 'right' },
          { key: 'no', title: t('sales.field.contractNo'), dataIndex: 'contractNo' },
          { key: 'store', title: t('sales.field.store'), render: (_, l) => l.storeName ?? '—' },
          { key: 'expected', title: t('sales.field.expectedDate'), dataIndex: 'expectedDate' },
          { key: 'state', title: t('sales.field.state'), render: (_, l) => <LineStateTag state={l.state} /> },
        ]}
      />
    </>
  );
}
