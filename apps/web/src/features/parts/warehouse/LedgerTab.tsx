import { useState } from 'react';
import { App, Button, DatePicker, Flex, Select, Table, Tag, Typography, type Breakpoint } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { STOCK_MOVEMENT_KINDS, type StockMovement, type StockMovementKind } from '@anxin/contracts';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { SavedFiltersMenu } from '../../../components/SavedFiltersMenu.tsx';
import { useUrlFilters } from '../../../components/useUrlFilters.ts';
import { problemText } from '../../../i18n/problem.ts';
import { useSession } from '../../auth/index.ts';
import { BUSINESS_TZ } from '../../workorders/index.ts';
import { downloadLedger, useLedgerPages, type LedgerFilters } from '../api/warehouse.ts';
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

const KEYS = ['locationId', 'itemId', 'kind', 'from', 'to'] as const;
/** Reservations, the actor and the note show from 1600 px; the movement itself fits 1366. */
const WIDE: Breakpoint[] = ['xxl'];

/**
 * 流水: every stock movement, filterable, newest first a page at a time, and the same filters
 * exported to Excel. The filters (business days for the range) live in the address and can be saved.
 */
export function LedgerTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const f = useUrlFilters(KEYS);
  const { from: fromDay, to: toDay, ...rest } = f.values;
  const filters = { ...rest, kind: rest.kind as StockMovementKind | undefined };
  const range: [string, string] | null = fromDay && toDay ? [fromDay, toDay] : null;
  const [exporting, setExporting] = useState(false);
  const query: LedgerFilters = { ...filters, ...(range ? rangeToInstants(range[0], range[1]) : {}) };
  const list = useLedgerPages(query);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const set = f.set;
  const setRange = (r: [string, string] | null) => set({ from: r?.[0], to: r?.[1] });

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
          <SavedFiltersMenu storageKey={`parts-ledger:${me.id}`} query={f.query} onApply={f.applyQuery} />
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
      <Table<StockMovement>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={items}
        pagination={false}
        tableLayout="fixed"
        locale={{ emptyText: t('parts.warehouse.ledger.empty') }}
        columns={[
          { title: t('parts.warehouse.ledger.at'), dataIndex: 'at', width: 140, render: when },
          { title: t('parts.fields.location'), dataIndex: 'locationName', width: 150, ellipsis: true },
          { title: t('parts.fields.code'), dataIndex: 'itemCode', width: 130 },
          { title: t('parts.fields.name'), dataIndex: 'itemName', width: 160, ellipsis: true },
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
            responsive: WIDE,
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
            responsive: WIDE,
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
          { title: t('parts.warehouse.ledger.actor'), dataIndex: 'actorName', width: 100, responsive: WIDE },
          { title: t('parts.fields.note'), dataIndex: 'note', width: 160, ellipsis: true, responsive: WIDE },
        ]}
      />
      <LoadMore
        count={items.length}
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onMore={() => void list.fetchNextPage()}
        testId="parts-ledger"
      />
    </Flex>
  );
}
