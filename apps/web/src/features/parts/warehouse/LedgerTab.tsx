import { useState } from 'react';
import { App, Button, DatePicker, Flex, Select, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { STOCK_MOVEMENT_KINDS, type StockMovement, type StockMovementKind } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { problemText } from '../../../i18n/problem.ts';
import { BUSINESS_TZ } from '../../workorders/index.ts';
import { downloadLedger, useLedger, type LedgerFilters } from '../api/warehouse.ts';
import { signed, when } from './format.ts';
import { ItemPicker, LocationSelect } from './pickers.tsx';

/** A range of Beijing business days as the instants the ledger filters on: [from 00:00, day after to 00:00). */
export function rangeToInstants(from: string, to: string): { from: string; to: string } {
  return {
    from: dayjs.tz(from, BUSINESS_TZ).toISOString(),
    to: dayjs.tz(to, BUSINESS_TZ).add(1, 'day').toISOString(),
  };
}

const REF_KINDS = ['request', 'usage', 'old_part', 'stocktake', 'transfer', 'manual'] as const;

/**
 * What caused a movement (`request:<id>`, `transfer:<id>`, `manual` …) worded in the user's
 * language. The id after the colon means nothing to a person, so only the kind is shown.
 */
export function refText(t: TFunction, ref: string | null): string {
  if (!ref) return '';
  const known = REF_KINDS.find((k) => k === ref.split(':')[0]);
  return t(`parts.warehouse.ledger.refs.${known ?? 'other'}`);
}

/** 流水: every stock movement, filterable, and the same filters exported to Excel. */
export function LedgerTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Omit<LedgerFilters, 'from' | 'to'>>({});
  const [range, setRange] = useState<[string, string] | null>(null);
  const [exporting, setExporting] = useState(false);
  const query: LedgerFilters = { ...filters, ...(range ? rangeToInstants(range[0], range[1]) : {}) };
  const list = useLedger(query);
  const set = (patch: Partial<LedgerFilters>) => setFilters((f) => ({ ...f, ...patch }));

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await downloadLedger(query, `${t('parts.warehouse.ledger.fileName')}.xlsx`);
    } catch (e) {
      message.error(problemText(t, e));
    } finally {
      setExporting(false);
    }
  };

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
            testId="parts-ledger-location"
          />
          <ItemPicker
            allowClear
            placeholder={t('parts.warehouse.filters.allItems')}
            value={filters.itemId}
            onChange={(v) => set({ itemId: v })}
            style={{ width: 240 }}
            testId="parts-ledger-item"
          />
          <Select
            style={{ width: 150 }}
            allowClear
            placeholder={t('parts.warehouse.filters.allMovementKinds')}
            value={filters.kind}
            onChange={(v?: StockMovementKind) => set({ kind: v })}
            options={STOCK_MOVEMENT_KINDS.map((k) => ({ value: k, label: t(`parts.movementKinds.${k}`) }))}
            data-testid="parts-ledger-kind"
          />
          <DatePicker.RangePicker
            value={range ? [dayjs(range[0]), dayjs(range[1])] : null}
            onChange={(v) =>
              setRange(
                v && v[0] && v[1]
                  ? [(v[0] as Dayjs).format('YYYY-MM-DD'), (v[1] as Dayjs).format('YYYY-MM-DD')]
                  : null,
              )
            }
            data-testid="parts-ledger-range"
          />
        </Flex>
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={() => void exportXlsx()}
          data-testid="parts-ledger-export"
        >
          {t('parts.warehouse.ledger.export')}
        </Button>
      </Flex>
      {list.error && <ProblemAlert error={list.error} />}
      {list.data?.nextCursor && (
        <Typography.Text type="secondary">
          {t('parts.warehouse.ledger.truncated', { count: list.data.items.length })}
        </Typography.Text>
      )}
      <Table<StockMovement>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 1400 }}
        locale={{ emptyText: t('parts.warehouse.ledger.empty') }}
        columns={[
          { title: t('parts.warehouse.ledger.at'), dataIndex: 'at', width: 140, render: when },
          { title: t('parts.fields.location'), dataIndex: 'locationName', width: 150, ellipsis: true },
          { title: t('parts.fields.code'), dataIndex: 'itemCode', width: 130 },
          { title: t('parts.fields.name'), dataIndex: 'itemName', ellipsis: true },
          {
            title: t('parts.warehouse.ledger.kind'),
            dataIndex: 'kind',
            width: 110,
            render: (k: StockMovementKind) => <Tag>{t(`parts.movementKinds.${k}`)}</Tag>,
          },
          {
            title: t('parts.warehouse.ledger.onHandDelta'),
            dataIndex: 'onHandDelta',
            width: 90,
            align: 'right',
            render: (v: number) => (
              <Typography.Text type={v < 0 ? 'danger' : v > 0 ? 'success' : undefined}>
                {signed(v)}
              </Typography.Text>
            ),
          },
          {
            title: t('parts.warehouse.ledger.reservedDelta'),
            dataIndex: 'reservedDelta',
            width: 90,
            align: 'right',
            render: signed,
          },
          {
            title: t('parts.warehouse.ledger.onHandAfter'),
            dataIndex: 'onHandAfter',
            width: 90,
            align: 'right',
          },
          {
            title: t('parts.warehouse.ledger.reservedAfter'),
            dataIndex: 'reservedAfter',
            width: 90,
            align: 'right',
          },
          {
            title: t('parts.warehouse.ledger.ref'),
            dataIndex: 'ref',
            width: 160,
            ellipsis: true,
            render: (ref: string | null) => refText(t, ref),
          },
          { title: t('parts.warehouse.ledger.actor'), dataIndex: 'actorName', width: 100 },
          { title: t('parts.fields.note'), dataIndex: 'note', width: 160, ellipsis: true },
        ]}
      />
    </Flex>
  );
}
