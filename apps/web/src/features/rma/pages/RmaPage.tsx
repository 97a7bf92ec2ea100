import { Card, Empty, Flex, Input, Select, Table, Typography, type Breakpoint } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { RMA_KINDS, RMA_STATUSES, type RmaListItem } from '@anxin/contracts';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { OutletPicker } from '../../../components/OutletPicker.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { SavedFiltersMenu } from '../../../components/SavedFiltersMenu.tsx';
import { useUrlFilters } from '../../../components/useUrlFilters.ts';
import { useSession } from '../../auth/index.ts';
import { RMA_LIST_KEYS, useRmaList } from '../api.ts';
import { RmaDrawer } from '../components/RmaDrawer.tsx';
import { RmaStatusTag } from '../components/RmaStatusTag.tsx';

/** The serial and the source show from 1600 px: at 1366–1440 px the rest fits without sideways scroll. */
const WIDE: Breakpoint[] = ['xxl'];
/** Cases per page; the next page on "load more". */
const PAGE = 20;

/**
 * 退换货 workbench: cases by status, kind, outlet and number, request day either way, a page at a
 * time; filters live in the address and can be saved; a row opens its drawer (id in the URL).
 */
export default function RmaPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const f = useUrlFilters(RMA_LIST_KEYS);
  const list = useRmaList(f.values, PAGE);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  // Outlet staff see one outlet's cases: the outlet filter is for people who see several.
  const canPickOutlet = me.permissions.includes('outlet:read') && me.scope.level !== 'outlet';
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
      <PageHeader
        title={t('rma.title')}
        description={t('rma.description')}
        extra={<SavedFiltersMenu storageKey={`rma:${me.id}`} query={f.query} onApply={f.applyQuery} />}
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          key={`q:${f.values.q ?? ''}`}
          allowClear
          style={{ width: 200 }}
          defaultValue={f.values.q}
          placeholder={t('rma.filters.q')}
          onSearch={(q) => f.set({ q: q.trim().length >= 2 ? q : undefined })}
          data-testid="rma-filter-q"
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('rma.filters.status')}
          value={f.values.status}
          onChange={(v?: string) => f.set({ status: v })}
          options={RMA_STATUSES.filter((s) => s !== 'requested').map((s) => ({
            value: s,
            label: t(`rma.status.${s}`),
          }))}
          data-testid="rma-filter-status"
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('rma.filters.kind')}
          value={f.values.kind}
          onChange={(v?: string) => f.set({ kind: v })}
          options={RMA_KINDS.map((k) => ({ value: k, label: t(`rma.kind.${k}`) }))}
          data-testid="rma-filter-kind"
        />
        {canPickOutlet && (
          <OutletPicker
            style={{ width: 220 }}
            placeholder={t('rma.filters.outlet')}
            value={f.values.outletId}
            onChange={(v) => f.set({ outletId: v })}
            data-testid="rma-filter-outlet"
          />
        )}
      </Flex>
      <ProblemAlert error={list.error} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<RmaListItem>
          size="middle"
          rowKey="id"
          tableLayout="fixed"
          loading={list.isPending}
          dataSource={items}
          locale={{ emptyText: <Empty description={t('rma.empty')} /> }}
          onRow={(r) =>
            ({
              onClick: () => setOpen(r.id),
              style: { cursor: 'pointer' },
              'data-testid': 'rma-row',
            }) as React.HTMLAttributes<HTMLElement>
          }
          onChange={(_p, _f, sorter) => {
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            f.set({ sort: one?.order === 'ascend' ? 'requested_on' : undefined });
          }}
          pagination={false}
          data-testid="rma-table"
          columns={[
            {
              key: 'number',
              title: t('rma.field.number'),
              width: 170,
              render: (_, r) => <Typography.Link className="anxin-mono">{r.number}</Typography.Link>,
            },
            {
              key: 'status',
              title: t('rma.field.status'),
              width: 100,
              render: (_, r) => <RmaStatusTag status={r.status} />,
            },
            { key: 'kind', title: t('rma.field.kind'), width: 90, render: (_, r) => t(`rma.kind.${r.kind}`) },
            {
              key: 'remedy',
              title: t('rma.field.remedy'),
              width: 140,
              ellipsis: true,
              render: (_, r) => t(`rma.remedy.${r.remedy}`),
            },
            {
              key: 'customer',
              title: t('rma.field.customer'),
              width: 110,
              ellipsis: true,
              render: (_, r) => r.customerName ?? '—',
            },
            {
              key: 'serial',
              title: t('rma.field.product'),
              width: 150,
              ellipsis: true,
              responsive: WIDE,
              render: (_, r) => r.productSerial ?? '—',
            },
            {
              key: 'outlet',
              title: t('rma.field.outlet'),
              width: 140,
              ellipsis: true,
              render: (_, r) => r.outletName ?? '—',
            },
            {
              key: 'source',
              title: t('rma.field.source'),
              width: 90,
              responsive: WIDE,
              render: (_, r) => t(`rma.source.${r.source}`),
            },
            {
              key: 'requestedOn',
              title: t('rma.field.requestedOn'),
              dataIndex: 'requestedOn',
              width: 120,
              sorter: true,
              sortDirections: ['descend', 'ascend'],
              sortOrder: f.values.sort === 'requested_on' ? 'ascend' : 'descend',
            },
          ]}
        />
        <LoadMore
          count={items.length}
          hasMore={!!list.hasNextPage}
          loading={list.isFetchingNextPage}
          onMore={() => void list.fetchNextPage()}
          testId="rma-list"
        />
      </Card>
      <RmaDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
