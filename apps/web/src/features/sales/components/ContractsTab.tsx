import { useState } from 'react';
import { Button, DatePicker, Empty, Flex, Input, Select, Table, Typography } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { SALES_CONTRACT_STATUSES, type SalesContract, type SalesContractStatus } from '@anxin/contracts';
import { yuan } from '../../../components/money.ts';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { useContracts } from '../api.ts';
import { ContractDrawer } from './ContractDrawer.tsx';
import { ContractForm } from './ContractForm.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import { ContractStatusTag } from './tags.tsx';

/** The contract list by batch day and status; entry, import and the open contract (id in the URL). */
export function ContractsTab() {
  const { t } = useTranslation();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<SalesContractStatus | undefined>();
  const [batchDate, setBatchDate] = useState<string | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [entering, setEntering] = useState(false);
  const [importing, setImporting] = useState(false);
  const list = useContracts({
    ...(status ? { status } : {}),
    ...(batchDate ? { batchDate } : {}),
    ...(q ? { q } : {}),
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canWrite = me.permissions.includes('sales:write');
  const open = params.get('contract');
  const setOpen = (id: string | null) =>
    setParams(
      (p) => {
        if (id) p.set('contract', id);
        else p.delete('contract');
        return p;
      },
      { replace: true },
    );

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }} justify="space-between">
        <Flex gap={8} wrap>
          <Select<SalesContractStatus>
            allowClear
            style={{ width: 160 }}
            placeholder={t('sales.filters.status')}
            value={status}
            onChange={setStatus}
            options={SALES_CONTRACT_STATUSES.map((s) => ({ value: s, label: t(`sales.status.${s}`) }))}
            data-testid="sales-filter-status"
          />
          <DatePicker
            placeholder={t('sales.filters.batchDate')}
            onChange={(d) => setBatchDate(d ? d.format('YYYY-MM-DD') : undefined)}
            data-testid="sales-filter-batch"
          />
          <Input.Search
            allowClear
            style={{ width: 260 }}
            placeholder={t('sales.filters.search')}
            onSearch={(v) => setQ(v.trim() || undefined)}
            data-testid="sales-filter-q"
          />
        </Flex>
        {canWrite && (
          <Flex gap={8}>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="sales-import">
              {t('sales.contracts.import')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEntering(true)}
              data-testid="sales-new"
            >
              {t('sales.contracts.new')}
            </Button>
          </Flex>
        )}
      </Flex>
      <ProblemAlert error={list.error} />
      <Table<SalesContract>
        size="middle"
        rowKey="id"
        loading={list.isPending}
        dataSource={items}
        locale={{ emptyText: <Empty description={t('sales.empty')} /> }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={false}
        data-testid="sales-table"
        columns={[
          {
            key: 'no',
            title: t('sales.field.contractNo'),
            render: (_, r) => <Typography.Link className="anxin-mono">{r.contractNo}</Typography.Link>,
          },
          {
            key: 'status',
            title: t('sales.field.status'),
            render: (_, r) => <ContractStatusTag status={r.status} />,
          },
          { key: 'customer', title: t('sales.field.customerName'), dataIndex: 'customerName' },
          { key: 'store', title: t('sales.field.store'), render: (_, r) => r.storeName ?? '—' },
          { key: 'salesperson', title: t('sales.field.salesperson'), dataIndex: 'salesperson' },
          { key: 'batch', title: t('sales.field.batchDate'), dataIndex: 'batchDate' },
          { key: 'requested', title: t('sales.field.requestedDate'), dataIndex: 'requestedDate' },
          {
            key: 'available',
            title: t('sales.field.availableDate'),
            render: (_, r) =>
              r.availableDate ?? (
                <Typography.Text type="secondary">{t('sales.contracts.notAvailable')}</Typography.Text>
              ),
          },
          {
            key: 'total',
            title: t('sales.field.total'),
            align: 'right',
            render: (_, r) => t('sales.yuan', { value: yuan(r.totalFen) }),
          },
        ]}
      />
      <LoadMore
        count={items.length}
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onMore={() => void list.fetchNextPage()}
        testId="sales-contracts"
      />
      <ContractDrawer id={open} onClose={() => setOpen(null)} />
      <ContractForm
        open={entering}
        onClose={(id) => {
          setEntering(false);
          if (id) setOpen(id);
        }}
      />
      <ImportDialog open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
