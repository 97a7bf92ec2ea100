import { useState } from 'react';
import { Button, Checkbox, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { ImportOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { STOCK_LOCATION_KINDS, type StockLevel, type StockLocationKind } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useStockLevels, type StockFilters } from '../api/warehouse.ts';
import { when } from './format.ts';
import { LocationSelect } from './pickers.tsx';
import { AdjustDialog, MoveStockDialog, ReorderDialog } from './StockDialogs.tsx';

/** 库存: stock per item per location; receipts, transfers, adjustments and reorder points. */
export function StockTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<StockFilters>({});
  const set = (patch: Partial<StockFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const list = useStockLevels(filters);
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
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 1200 }}
        locale={{ emptyText: t('parts.warehouse.stock.empty') }}
        onRow={(r) =>
          ({
            'data-testid': `parts-stock-${r.locationId}-${r.itemCode}`,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t('parts.fields.location'), dataIndex: 'locationName', width: 160, ellipsis: true },
          {
            title: t('parts.warehouse.stock.locationKind'),
            dataIndex: 'locationKind',
            width: 100,
            render: (k: StockLocationKind) => <Tag>{t(`parts.locationKinds.${k}`)}</Tag>,
          },
          { title: t('parts.fields.code'), dataIndex: 'itemCode', width: 140 },
          { title: t('parts.fields.name'), dataIndex: 'itemName', ellipsis: true },
          { title: t('parts.fields.onHand'), dataIndex: 'onHand', width: 80, align: 'right' },
          { title: t('parts.fields.reserved'), dataIndex: 'reserved', width: 80, align: 'right' },
          {
            title: t('parts.fields.available'),
            dataIndex: 'available',
            width: 90,
            align: 'right',
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
          { title: t('parts.fields.reorderQty'), dataIndex: 'reorderQty', width: 90, align: 'right' },
          {
            title: t('parts.warehouse.stock.lastMovement'),
            dataIndex: 'lastMovementAt',
            width: 140,
            render: when,
          },
          ...(canManage
            ? [
                {
                  title: t('parts.warehouse.actions'),
                  key: 'actions',
                  width: 150,
                  fixed: 'right' as const,
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
