import { useState } from 'react';
import { Button, Checkbox, Flex, Input, Select, Space, Table, Tag, Typography, type Breakpoint } from 'antd';
import { ImportOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  STOCK_LOCATION_KINDS,
  type StockLevel,
  type StockLocationKind,
  type StockSort,
} from '@anxin/contracts';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { SavedFiltersMenu } from '../../../components/SavedFiltersMenu.tsx';
import { useUrlFilters } from '../../../components/useUrlFilters.ts';
import { useSession } from '../../auth/index.ts';
import { useStockPages } from '../api/warehouse.ts';
import { when } from './format.ts';
import { LocationSelect } from './pickers.tsx';
import { AdjustDialog, MoveStockDialog, ReorderDialog } from './StockDialogs.tsx';

const KEYS = ['locationId', 'locationKind', 'q', 'low', 'sort'] as const;
/** The location kind, reorder quantity and last movement show from 1600 px; the rest fits 1366. */
const WIDE: Breakpoint[] = ['xxl'];

/**
 * 库存: stock per item per location, by location or least available first, a page at a time;
 * receipts, transfers, adjustments and reorder points. Filters live in the address and can be saved.
 */
export function StockTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const me = useSession();
  const f = useUrlFilters(KEYS);
  const filters = {
    ...f.values,
    locationKind: f.values.locationKind as StockLocationKind | undefined,
    low: f.values.low === 'true' ? ('true' as const) : undefined,
    sort: f.values.sort as StockSort | undefined,
  };
  const set = f.set;
  const list = useStockPages(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [moving, setMoving] = useState<'receive' | 'transfer' | null>(null);
  const [adjusting, setAdjusting] = useState<StockLevel | null>(null);
  const [reordering, setReordering] = useState<StockLevel | null>(null);

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap justify="space-between">
        <Flex gap={8} wrap>
          <LocationSelect
            allowClear
            placeholder={t('parts.warehouse.filters.allLocations')}
            value={filters.locationId}
            onChange={(v) => set({ locationId: v })}
            style={{ width: 220 }}
            testId="parts-stock-location"
          />
          <Select
            style={{ width: 140 }}
            allowClear
            placeholder={t('parts.warehouse.filters.allLocationKinds')}
            value={filters.locationKind}
            onChange={(v?: StockLocationKind) => set({ locationKind: v })}
            options={STOCK_LOCATION_KINDS.map((k) => ({ value: k, label: t(`parts.locationKinds.${k}`) }))}
            data-testid="parts-stock-kind"
          />
          <Input.Search
            key={`q:${filters.q ?? ''}`}
            defaultValue={filters.q}
            allowClear
            style={{ width: 220 }}
            placeholder={t('parts.warehouse.filters.itemSearch')}
            onSearch={(q) => set({ q: q.trim() || undefined })}
            data-testid="parts-stock-search"
          />
          <Checkbox
            checked={filters.low === 'true'}
            onChange={(e) => set({ low: e.target.checked ? 'true' : undefined })}
            data-testid="parts-stock-low"
          >
            {t('parts.warehouse.filters.lowOnly')}
          </Checkbox>
          <SavedFiltersMenu storageKey={`parts-stock:${me.id}`} query={f.query} onApply={f.applyQuery} />
        </Flex>
        {canManage && (
          <Space>
            <Button
              type="primary"
              icon={<ImportOutlined />}
              onClick={() => setMoving('receive')}
              data-testid="parts-receive"
            >
              {t('parts.warehouse.stock.receive')}
            </Button>
            <Button
              icon={<SwapOutlined />}
              onClick={() => setMoving('transfer')}
              data-testid="parts-transfer"
            >
              {t('parts.warehouse.stock.transfer')}
            </Button>
          </Space>
        )}
      </Flex>
      {list.error && <ProblemAlert error={list.error} />}
      <Table<StockLevel>
        rowKey={(r) => `${r.locationId}:${r.itemId}`}
        size="middle"
        tableLayout="fixed"
        loading={list.isLoading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('parts.warehouse.stock.empty') }}
        onRow={(r) =>
          ({
            'data-testid': `parts-stock-${r.locationId}-${r.itemCode}`,
          }) as React.HTMLAttributes<HTMLElement>
        }
        onChange={(_p, _f, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          set({ sort: one?.order ? 'available' : undefined });
        }}
        columns={[
          { title: t('parts.fields.location'), dataIndex: 'locationName', width: 150, ellipsis: true },
          {
            title: t('parts.warehouse.stock.locationKind'),
            dataIndex: 'locationKind',
            width: 100,
            responsive: WIDE,
            render: (k: StockLocationKind) => <Tag>{t(`parts.locationKinds.${k}`)}</Tag>,
          },
          { title: t('parts.fields.code'), dataIndex: 'itemCode', width: 130, ellipsis: true },
          { title: t('parts.fields.name'), dataIndex: 'itemName', width: 160, ellipsis: true },
          { title: t('parts.fields.onHand'), dataIndex: 'onHand', width: 80, align: 'right' },
          { title: t('parts.fields.reserved'), dataIndex: 'reserved', width: 80, align: 'right' },
          {
            title: t('parts.fields.available'),
            dataIndex: 'available',
            key: 'available',
            width: 100,
            align: 'right',
            sorter: true,
            sortDirections: ['ascend'],
            sortOrder: filters.sort === 'available' ? 'ascend' : null,
            render: (v: number, r) =>
              r.reorderPoint > 0 && v <= r.reorderPoint ? (
                <Typography.Text type="danger" strong>
                  {v}
                </Typography.Text>
              ) : (
                v
              ),
          },
          { title: t('parts.fields.reorderPoint'), dataIndex: 'reorderPoint', width: 90, align: 'right' },
          {
            title: t('parts.fields.reorderQty'),
            dataIndex: 'reorderQty',
            width: 90,
            align: 'right',
            responsive: WIDE,
          },
          {
            title: t('parts.warehouse.stock.lastMovement'),
            dataIndex: 'lastMovementAt',
            width: 140,
            responsive: WIDE,
            render: when,
          },
          ...(canManage
            ? [
                {
                  title: t('parts.warehouse.actions'),
                  key: 'actions',
                  width: 150,
                  render: (_: unknown, r: StockLevel) => (
                    <Space size={0}>
                      <Button
                        type="link"
                        size="small"
                        onClick={() => setAdjusting(r)}
                        data-testid={`parts-adjust-${r.locationId}-${r.itemCode}`}
                      >
                        {t('parts.warehouse.stock.adjust')}
                      </Button>
                      <Button
                        type="link"
                        size="small"
                        onClick={() => setReordering(r)}
                        data-testid={`parts-reorder-${r.locationId}-${r.itemCode}`}
                      >
                        {t('parts.warehouse.stock.reorder')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <LoadMore
        count={items.length}
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onMore={() => void list.fetchNextPage()}
        testId="parts-stock-list"
      />
      <MoveStockDialog
        mode={moving ?? 'receive'}
        open={moving !== null}
        onClose={() => setMoving(null)}
        defaultLocationId={filters.locationId}
      />
      <AdjustDialog level={adjusting} onClose={() => setAdjusting(null)} />
      <ReorderDialog level={reordering} onClose={() => setReordering(null)} />
    </Flex>
  );
}
