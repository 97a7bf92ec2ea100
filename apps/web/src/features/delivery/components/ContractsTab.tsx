import { useState } from 'react';
import { Button, Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useContractsToBook, type ContractToBook } from '../api.ts';
import { BookDialog } from './BookDialog.tsx';

/** 待预约: stock-checked contracts, oldest batch first, each with its latest booking day. */
export function ContractsTab() {
  const { t } = useTranslation();
  const list = useContractsToBook();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [open, setOpen] = useState<ContractToBook | null>(null);
  return (
    <>
      <ProblemAlert error={list.error} />
      <Table<ContractToBook>
        size="middle"
        rowKey="id"
        loading={list.isPending}
        dataSource={items}
        locale={{ emptyText: <Empty description={t('delivery.noContracts')} /> }}
        pagination={false}
        data-testid="delivery-contracts"
        columns={[
          {
            key: 'no',
            title: t('delivery.field.contractNo'),
            render: (_, c) => <span className="anxin-mono">{c.contractNo}</span>,
          },
          { key: 'store', title: t('delivery.field.store'), render: (_, c) => c.storeName ?? '—' },
          { key: 'customer', title: t('delivery.field.customer'), dataIndex: 'customerName' },
          {
            key: 'address',
            title: t('delivery.field.address'),
            render: (_, c) => (
              <Typography.Text ellipsis={{ tooltip: c.addressDetail }}>{c.addressDetail}</Typography.Text>
            ),
          },
          {
            key: 'items',
            title: t('delivery.field.items'),
            render: (_, c) =>
              c.lines.map((l) => (
                <div key={l.lineId}>
                  {l.productName} {t('delivery.qty', { n: l.quantity })}
                  {l.needsInstallation && <Tag style={{ marginLeft: 4 }}>{t('delivery.needsInstall')}</Tag>}
                </div>
              )),
          },
          { key: 'batch', title: t('delivery.field.batchDate'), dataIndex: 'batchDate' },
          {
            key: 'available',
            title: t('delivery.field.availableDate'),
            render: (_, c) => c.availableDate ?? <Tag color="warning">{t('delivery.notAvailable')}</Tag>,
          },
          {
            key: 'latest',
            title: t('delivery.field.latestDate'),
            render: (_, c) => <Tag color="blue">{c.latestDate}</Tag>,
          },
          {
            key: 'act',
            title: '',
            render: (_, c) => (
              <Button
                type="primary"
                size="small"
                onClick={() => setOpen(c)}
                data-testid={`book-${c.contractNo}`}
              >
                {t('delivery.book')}
              </Button>
            ),
          },
        ]}
      />
      <LoadMore
        count={items.length}
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onMore={() => void list.fetchNextPage()}
        testId="delivery-contracts"
      />
      <BookDialog contract={open} onClose={() => setOpen(null)} />
    </>
  );
}
