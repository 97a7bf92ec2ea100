import { useState } from 'react';
import { Empty, Flex, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { RMA_KINDS, RMA_STATUSES, type RmaKind, type RmaListItem, type RmaStatus } from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useRmaCases } from '../api.ts';
import { RmaDrawer } from '../components/RmaDrawer.tsx';
import { RmaStatusTag } from '../components/RmaStatusTag.tsx';

/** 退换货 workbench: cases filtered by status and kind; a row opens its drawer (id in the URL). */
export default function RmaPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<RmaStatus | undefined>();
  const [kind, setKind] = useState<RmaKind | undefined>();
  const list = useRmaCases({ ...(status ? { status } : {}), ...(kind ? { kind } : {}) });
  const open = params.get('case');
  const setOpen = (id: string | null) =>
    setParams(
      (p) => {
        if (id) p.set('case', id);
        else p.delete('case');
        return p;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader title={t('rma.title')} description={t('rma.description')} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select<RmaStatus>
          allowClear
          style={{ width: 180 }}
          placeholder={t('rma.filters.status')}
          value={status}
          onChange={setStatus}
          options={RMA_STATUSES.filter((s) => s !== 'requested').map((s) => ({
            value: s,
            label: t(`rma.status.${s}`),
          }))}
          data-testid="rma-filter-status"
        />
        <Select<RmaKind>
          allowClear
          style={{ width: 160 }}
          placeholder={t('rma.filters.kind')}
          value={kind}
          onChange={setKind}
          options={RMA_KINDS.map((k) => ({ value: k, label: t(`rma.kind.${k}`) }))}
          data-testid="rma-filter-kind"
        />
      </Flex>
      <ProblemAlert error={list.error} />
      <Table<RmaListItem>
        size="middle"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('rma.empty')} /> }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="rma-table"
        columns={[
          {
            key: 'number',
            title: t('rma.field.number'),
            render: (_, r) => <Typography.Link className="anxin-mono">{r.number}</Typography.Link>,
          },
          {
            key: 'status',
            title: t('rma.field.status'),
            render: (_, r) => <RmaStatusTag status={r.status} />,
          },
          { key: 'kind', title: t('rma.field.kind'), render: (_, r) => t(`rma.kind.${r.kind}`) },
          { key: 'remedy', title: t('rma.field.remedy'), render: (_, r) => t(`rma.remedy.${r.remedy}`) },
          { key: 'customer', title: t('rma.field.customer'), render: (_, r) => r.customerName ?? '—' },
          { key: 'serial', title: t('rma.field.product'), render: (_, r) => r.productSerial ?? '—' },
          { key: 'outlet', title: t('rma.field.outlet'), render: (_, r) => r.outletName ?? '—' },
          { key: 'source', title: t('rma.field.source'), render: (_, r) => t(`rma.source.${r.source}`) },
          { key: 'requestedOn', title: t('rma.field.requestedOn'), dataIndex: 'requestedOn' },
        ]}
      />
      <RmaDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
