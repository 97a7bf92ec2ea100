import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  App,
  Button,
  Card,
  Cascader,
  Col,
  Empty,
  Flex,
  Input,
  Popconfirm,
  Row,
  Select,
  Table,
  Typography,
} from 'antd';
import { CalendarOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { BoardItem, BulkDispatchResult, RankingResponse } from '@anxin/contracts';
import { api } from '../../../api/client.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { problemMessage } from '../../../i18n/problem.ts';
import { useSession } from '../../auth/index.ts';
import { useCategories, useRegions } from '../../customers/index.ts';
import { bj } from '../../workorders/index.ts';
import {
  BOARD_MAX,
  BOARD_PAGE,
  useBoard,
  useBulkDispatch,
  useDispatch,
  usePendingOffers,
  type BoardFilters,
} from '../api.ts';
import { isDispatchable, toggleSelected } from '../board/rules.ts';
import { useBoardKeyboard } from '../board/useBoardKeyboard.ts';
import {
  BulkResultAlert,
  OutletLoadList,
  PendingOffersList,
  WaitingCounts,
} from '../components/BoardPanels.tsx';
import { useQueueColumns } from '../components/QueueColumns.tsx';
import { settingHref } from '../../settings/index.ts';
import { RankingDrawer } from '../components/RankingDrawer.tsx';
import { alignToServer } from '../components/ticker.ts';
import { URGENCY_LIST } from '../vocab.ts';

/** 派单看板: the dispatcher's all-day screen. */
export default function DispatchBoardPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useSession();
  const [filters, setFiltersNow] = useState<BoardFilters>({});
  const [limit, setLimit] = useState(BOARD_PAGE);
  const [search, setSearch] = useState('');
  /** Any change of filter starts again from the first page. */
  const setFilters = (next: (f: BoardFilters) => BoardFilters) => {
    setFiltersNow(next);
    setLimit(BOARD_PAGE);
  };
  const runSearch = (text: string) => {
    const q = text.trim();
    setFilters((f) => ({ ...f, q: q.length >= 2 ? q : undefined }));
  };
  const board = useBoard(filters, limit);
  const offers = usePendingOffers();
  const regions = useRegions();
  const categories = useCategories();
  const dispatch = useDispatch();
  const bulk = useBulkDispatch();
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);
  const [rankFor, setRankFor] = useState<BoardItem | null>(null);
  const [bulkResult, setBulkResult] = useState<BulkDispatchResult | null>(null);
  const queue = useMemo(() => board.data?.queue ?? [], [board.data]);
  const canEditPolicy = !me.roles.includes('outlet_manager') && me.permissions.includes('dispatch:assign');

  useEffect(() => {
    if (board.data) alignToServer(board.data.now);
  }, [board.data]);
  useEffect(() => {
    if (active >= queue.length) setActive(Math.max(0, queue.length - 1));
  }, [queue.length, active]);

  const categoryName = useCallback(
    (code: string | null) => {
      if (!code) return '—';
      const c = categories.data?.items.find((x) => x.code === code);
      return c ? (i18n.language === 'en-US' ? c.nameEn : c.nameZh) : code;
    },
    [categories.data, i18n.language],
  );
  const numberOf = (id: string) => queue.find((q) => q.id === id)?.number ?? id;

  const sendTo = (order: Pick<BoardItem, 'id' | 'number'>, outletId: string, version: number) =>
    dispatch.mutate(
      { orderId: order.id, outletId, version },
      {
        onSuccess: (r) => {
          message.success(
            t('dispatch.ranking.dispatched', {
              outlet: r.offer.outlet.name,
              due: bj(r.offer.dueAt).format('MM-DD HH:mm'),
            }),
          );
          setRankFor(null);
        },
        onError: (e) => message.error(problemMessage(t, e)),
      },
    );

  /** "d": ranks the active order and sends it to the top eligible outlet. */
  const dispatchTop = async (item: BoardItem) => {
    try {
      const r = await qc.fetchQuery({
        queryKey: ['dispatch', 'ranking', item.id],
        queryFn: () => api.get<RankingResponse>(`/api/v1/dispatch/orders/${item.id}/ranking`),
        staleTime: 0,
      });
      const top = r.candidates.find((c) => c.eligible);
      if (!top) {
        message.warning(t('dispatch.errors.no_eligible_outlet'));
        return;
      }
      sendTo(item, top.outletId, r.order.version);
    } catch (e) {
      message.error(problemMessage(t, e));
    }
  };

  const runBulk = () =>
    bulk.mutate(
      selected
        .map((id) => queue.find((q) => q.id === id))
        .filter((q): q is BoardItem => !!q)
        .map((q) => ({ orderId: q.id, version: q.version })),
      {
        onSuccess: (r) => {
          setBulkResult(r);
          setSelected([]);
        },
        onError: (e) => message.error(problemMessage(t, e)),
      },
    );

  useBoardKeyboard({
    queue,
    active,
    dispatching: dispatch.isPending,
    paused: !!rankFor,
    onAction: (a) => {
      if (a.type === 'move') setActive(a.to);
      else if (a.type === 'rank') setRankFor(a.item);
      else if (a.type === 'dispatchTop') void dispatchTop(a.item);
      else setSelected((sel) => toggleSelected(sel, a.item.id));
    },
  });

  const categoryOptions = (categories.data?.items ?? []).map((c) => ({
    value: c.code,
    label: i18n.language === 'en-US' ? c.nameEn : c.nameZh,
  }));

  const columns = useQueueColumns({
    regions: regions.data,
    categoryName,
    onRank: setRankFor,
    onDispatchTop: (r) => void dispatchTop(r),
  });

  return (
    <div>
      <PageHeader
        title={t('dispatch.title')}
        description={t('dispatch.description')}
        extra={
          <>
            <Button
              icon={<CalendarOutlined />}
              data-testid="dispatch-plan-link"
              onClick={() => navigate('/dispatch/plan')}
            >
              {t('dispatch.optimise')}
            </Button>
            {canEditPolicy && (
              <Button
                icon={<SettingOutlined />}
                data-testid="dispatch-policy-open"
                onClick={() => navigate(settingHref('dispatch.policy'))}
              >
                {t('dispatch.policy')}
              </Button>
            )}
            <Button icon={<ReloadOutlined />} onClick={() => void board.refetch()} loading={board.isFetching}>
              {t('dispatch.refresh')}
            </Button>
          </>
        }
      />
      <Flex gap={8} wrap style={{ margin: '16px 0' }}>
        <Input.Search
          style={{ width: 320 }}
          allowClear
          value={search}
          placeholder={t('dispatch.filters.search')}
          aria-label={t('dispatch.filters.search')}
          data-testid="dispatch-search"
          onChange={(e) => {
            setSearch(e.target.value);
            if (!e.target.value) runSearch('');
          }}
          onSearch={runSearch}
        />
        <Cascader
          style={{ width: 240 }}
          options={regions.data}
          changeOnSelect
          showSearch
          allowClear
          placeholder={t('dispatch.filters.region')}
          data-testid="dispatch-filter-region"
          onChange={(v) => setFilters((f) => ({ ...f, regionCode: (v as string[] | undefined)?.at(-1) }))}
        />
        <Select
          style={{ width: 160 }}
          allowClear
          placeholder={t('dispatch.filters.category')}
          options={categoryOptions}
          data-testid="dispatch-filter-category"
          onChange={(v: string | undefined) => setFilters((f) => ({ ...f, categoryCode: v }))}
        />
        <Select
          style={{ width: 140 }}
          allowClear
          placeholder={t('dispatch.filters.urgency')}
          options={URGENCY_LIST.map((u) => ({ value: u, label: t(`workorders.urgency.${u}`) }))}
          data-testid="dispatch-filter-urgency"
          onChange={(v: BoardFilters['urgency']) => setFilters((f) => ({ ...f, urgency: v }))}
        />
      </Flex>
      <ProblemAlert error={board.error} style={{ marginBottom: 12 }} />
      {bulkResult && (
        <BulkResultAlert result={bulkResult} numberOf={numberOf} onClose={() => setBulkResult(null)} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={17}>
          <Card
            title={
              <Flex gap={12} align="center" wrap>
                {t('dispatch.queue.title')}
                <WaitingCounts waiting={board.data?.waiting} />
              </Flex>
            }
            extra={
              <Popconfirm
                title={t('dispatch.bulk.confirm', { count: selected.length })}
                onConfirm={runBulk}
                disabled={!selected.length}
              >
                <Button
                  type="primary"
                  disabled={!selected.length}
                  loading={bulk.isPending}
                  data-testid="dispatch-bulk"
                >
                  {t('dispatch.bulk.button', { count: selected.length })}
                </Button>
              </Popconfirm>
            }
          >
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              {t('dispatch.queue.keyboard')}
            </Typography.Paragraph>
            <Table<BoardItem>
              rowKey="id"
              size="small"
              loading={board.isLoading}
              dataSource={queue}
              columns={columns}
              pagination={false}
              tableLayout="fixed"
              scroll={{ y: 560 }}
              locale={{
                emptyText: (
                  <Empty description={t(filters.q ? 'dispatch.queue.noMatch' : 'dispatch.queue.empty')} />
                ),
              }}
              rowSelection={{
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (r) => ({ disabled: !isDispatchable(r.status) }),
              }}
              rowClassName={(_, i) => (i === active ? 'ant-table-row-selected' : '')}
              onRow={(r, i) =>
                ({
                  'data-testid': `dispatch-row-${r.number}`,
                  'data-row-index': i,
                  'data-active': i === active ? 'yes' : 'no',
                  onClick: () => setActive(i ?? 0),
                  onDoubleClick: () => setRankFor(r),
                }) as React.HTMLAttributes<HTMLElement>
              }
            />
            <QueueFooter
              shown={queue.length}
              total={board.data?.total ?? 0}
              atMax={limit >= BOARD_MAX}
              loading={board.isFetching && board.isPlaceholderData}
              onMore={() => setLimit((n) => Math.min(n + BOARD_PAGE, BOARD_MAX))}
            />
          </Card>
        </Col>
        {/* Beside the queue on wide screens; below it (side by side) at 1366–1440 px. */}
        <Col xs={24} xxl={7}>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12} xxl={24}>
              <Card title={t('dispatch.outlets.title')} size="small" data-testid="dispatch-outlets">
                <OutletLoadList outlets={board.data?.outlets ?? []} />
              </Card>
            </Col>
            <Col xs={24} lg={12} xxl={24}>
              <Card title={t('dispatch.offers.title')} size="small" data-testid="dispatch-offers">
                <PendingOffersList offers={offers.data?.items ?? []} />
              </Card>
            </Col>
          </Row>
        </Col>
      </Row>
      <RankingDrawer
        orderId={rankFor?.id ?? null}
        number={rankFor?.number ?? ''}
        onClose={() => {
          setRankFor(null);
          dispatch.reset();
        }}
        onDispatch={(outletId, version) => rankFor && sendTo(rankFor, outletId, version)}
        pending={dispatch.isPending}
        error={dispatch.error}
      />
    </div>
  );
}

/** How much of the queue shows: all of it, more on request, or (at the server's largest page) narrow it. */
function QueueFooter(p: {
  shown: number;
  total: number;
  atMax: boolean;
  loading: boolean;
  onMore: () => void;
}) {
  const { t } = useTranslation();
  if (p.total <= p.shown)
    return (
      <Typography.Text
        type="secondary"
        data-testid="dispatch-count"
        style={{ display: 'block', marginTop: 12 }}
      >
        {t('dispatch.queue.shownAll', { count: p.shown })}
      </Typography.Text>
    );
  return (
    <Flex align="center" gap={12} style={{ marginTop: 12 }} wrap>
      <Typography.Text type="warning" data-testid="dispatch-count">
        {t('dispatch.queue.shownSome', { shown: p.shown, total: p.total })}
      </Typography.Text>
      {p.atMax ? (
        <Typography.Text type="secondary">{t('dispatch.queue.narrow')}</Typography.Text>
      ) : (
        <Button size="small" onClick={p.onMore} loading={p.loading} data-testid="dispatch-load-more">
          {t('dispatch.queue.loadMore')}
        </Button>
      )}
    </Flex>
  );
}
