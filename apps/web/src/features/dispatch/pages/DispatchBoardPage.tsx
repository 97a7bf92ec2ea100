import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Cascader,
  Col,
  Empty,
  Flex,
  List,
  Popconfirm,
  Progress,
  Row,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { CalendarOutlined, ReloadOutlined, SettingOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { BoardItem, BulkDispatchResult, RankingResponse } from '@anxin/contracts';
import { api } from '../../../api/client.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { problemMessage } from '../../../i18n/problem.ts';
import { useSession } from '../../auth/index.ts';
import { regionName, useCategories, useRegions } from '../../customers/index.ts';
import { StatusTag, UrgencyTag, bj } from '../../workorders/index.ts';
import { useBoard, useBulkDispatch, useDispatch, usePendingOffers, type BoardFilters } from '../api.ts';
import { DueCountdown, SlaCountdown } from '../components/Countdown.tsx';
import { PolicyModal } from '../components/PolicyModal.tsx';
import { RankingDrawer } from '../components/RankingDrawer.tsx';
import { alignToServer } from '../components/ticker.ts';
import { MODE_COLOR, URGENCY_LIST } from '../vocab.ts';

const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) ||
    !!el.closest('.ant-select'));

/** 派单看板: the dispatcher's all-day screen. */
export default function DispatchBoardPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useSession();
  const [filters, setFilters] = useState<BoardFilters>({});
  const board = useBoard(filters);
  const offers = usePendingOffers();
  const regions = useRegions();
  const categories = useCategories();
  const dispatch = useDispatch();
  const bulk = useBulkDispatch();
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);
  const [rankFor, setRankFor] = useState<BoardItem | null>(null);
  const [policyOpen, setPolicyOpen] = useState(false);
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

  // Keyboard: j/k or arrows move, Enter opens the ranking, d dispatches to the top, x selects.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (rankFor || policyOpen || document.querySelector('.ant-modal-wrap')) return;
      const item = queue[active];
      if (e.key === 'j' || e.key === 'ArrowDown') {
        setActive((i) => Math.min(queue.length - 1, i + 1));
        e.preventDefault();
      } else if (e.key === 'k' || e.key === 'ArrowUp') {
        setActive((i) => Math.max(0, i - 1));
        e.preventDefault();
      } else if (e.key === 'Enter' && item) {
        setRankFor(item);
        e.preventDefault();
      } else if (e.key === 'd' && item && !dispatch.isPending) {
        void dispatchTop(item);
      } else if (e.key === 'x' && item) {
        setSelected((s) => (s.includes(item.id) ? s.filter((x) => x !== item.id) : [...s, item.id]));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    document.querySelector(`[data-row-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const categoryOptions = (categories.data?.items ?? []).map((c) => ({
    value: c.code,
    label: i18n.language === 'en-US' ? c.nameEn : c.nameZh,
  }));

  const columns = [
    {
      title: t('dispatch.queue.number'),
      dataIndex: 'number',
      render: (n: string, r: BoardItem) => <Link to={`/work-orders/${r.id}`}>{n}</Link>,
    },
    {
      title: t('dispatch.queue.customer'),
      dataIndex: 'customerName',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('dispatch.queue.region'),
      dataIndex: 'districtCode',
      render: (c: string | null) => regionName(regions.data, c) ?? c ?? '—',
    },
    {
      title: t('dispatch.queue.category'),
      dataIndex: 'categoryCode',
      render: (c: string | null) => categoryName(c),
    },
    {
      title: t('dispatch.queue.status'),
      dataIndex: 'status',
      render: (s: string, r: BoardItem) => (
        <Flex gap={4} wrap>
          <StatusTag status={s} />
          <UrgencyTag urgency={r.urgency} />
        </Flex>
      ),
    },
    {
      title: t('dispatch.queue.sla'),
      dataIndex: 'slaDueAt',
      render: (_: unknown, r: BoardItem) => <SlaCountdown state={r.slaState} dueAt={r.slaDueAt} />,
    },
    {
      title: t('dispatch.queue.mode'),
      dataIndex: 'mode',
      render: (m: BoardItem['mode']) => <Tag color={MODE_COLOR[m]}>{t(`dispatch.modes.${m}`)}</Tag>,
    },
    {
      title: t('dispatch.queue.offer'),
      dataIndex: 'pendingOffer',
      render: (p: BoardItem['pendingOffer']) =>
        p ? (
          <Typography.Text>
            {p.outletName} · <DueCountdown dueAt={p.dueAt} />
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: t('dispatch.queue.actions'),
      key: 'actions',
      render: (_: unknown, r: BoardItem) => {
        const open = r.status === 'awaiting_dispatch' || r.status === 'outlet_rejected';
        return (
          <Flex gap={4}>
            <Button
              size="small"
              data-testid="dispatch-rank-open"
              onClick={(e) => {
                e.stopPropagation();
                setRankFor(r);
              }}
            >
              {t('dispatch.queue.rank')}
            </Button>
            {open && (
              <Button
                size="small"
                type="primary"
                icon={<ThunderboltOutlined />}
                data-testid={`dispatch-top-${r.number}`}
                onClick={(e) => {
                  e.stopPropagation();
                  void dispatchTop(r);
                }}
              >
                {t('dispatch.queue.dispatchTop')}
              </Button>
            )}
          </Flex>
        );
      },
    },
  ];

  const outlets = [...(board.data?.outlets ?? [])].sort((a, b) => b.loadPercent - a.loadPercent);

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
                onClick={() => setPolicyOpen(true)}
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
        <Alert
          data-testid="dispatch-bulk-result"
          style={{ marginBottom: 12 }}
          type={bulkResult.results.every((r) => r.ok) ? 'success' : 'warning'}
          showIcon
          closable
          onClose={() => setBulkResult(null)}
          message={t('dispatch.bulk.result', {
            ok: bulkResult.results.filter((r) => r.ok).length,
            failed: bulkResult.results.filter((r) => !r.ok).length,
          })}
          description={
            bulkResult.results.some((r) => !r.ok) ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {bulkResult.results
                  .filter((r) => !r.ok)
                  .map((r) => (
                    <li key={r.orderId}>
                      {t('dispatch.bulk.failedItem', {
                        number: numberOf(r.orderId),
                        reason:
                          r.error === 'no_eligible_outlet'
                            ? t('dispatch.errors.no_eligible_outlet')
                            : t(`errors.${r.error}`, { defaultValue: r.error ?? '' }),
                      })}
                    </li>
                  ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Card
            title={t('dispatch.queue.title')}
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
              scroll={{ x: 'max-content', y: 560 }}
              locale={{ emptyText: <Empty description={t('dispatch.queue.empty')} /> }}
              rowSelection={{
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (r) => ({
                  disabled: r.status !== 'awaiting_dispatch' && r.status !== 'outlet_rejected',
                }),
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
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Flex vertical gap={16}>
            <Card title={t('dispatch.outlets.title')} size="small" data-testid="dispatch-outlets">
              {outlets.length ? (
                <List
                  size="small"
                  dataSource={outlets}
                  style={{ maxHeight: 420, overflowY: 'auto' }}
                  renderItem={(o) => (
                    <List.Item data-testid={`dispatch-outlet-${o.code}`} style={{ display: 'block' }}>
                      <Flex justify="space-between" align="center" gap={8}>
                        <Typography.Text ellipsis style={{ maxWidth: 180 }}>
                          {o.name}
                        </Typography.Text>
                        <Flex gap={4}>
                          <Tag style={{ marginInlineEnd: 0 }}>{o.grade}</Tag>
                          <Tag color={o.status === 'active' ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>
                            {t(`dispatch.outlets.${o.status}`)}
                          </Tag>
                        </Flex>
                      </Flex>
                      <Progress
                        percent={Math.min(100, o.loadPercent)}
                        status={o.loadPercent >= 100 ? 'exception' : 'normal'}
                        size="small"
                        format={() => `${o.loadPercent}%`}
                      />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('dispatch.outlets.open', { open: o.open, capacity: o.capacity })}
                        {o.pendingOffers
                          ? ` · ${t('dispatch.outlets.pending', { count: o.pendingOffers })}`
                          : ''}
                      </Typography.Text>
                    </List.Item>
                  )}
                />
              ) : (
                <Empty description={t('dispatch.outlets.empty')} />
              )}
            </Card>
            <Card title={t('dispatch.offers.title')} size="small" data-testid="dispatch-offers">
              {offers.data?.items.length ? (
                <List
                  size="small"
                  dataSource={offers.data.items}
                  style={{ maxHeight: 320, overflowY: 'auto' }}
                  renderItem={(o) => (
                    <List.Item data-testid={`dispatch-offer-${o.order?.number ?? o.id}`}>
                      <Flex vertical style={{ width: '100%' }}>
                        <Flex justify="space-between">
                          {o.order ? <Link to={`/work-orders/${o.orderId}`}>{o.order.number}</Link> : '—'}
                          <DueCountdown dueAt={o.dueAt} />
                        </Flex>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {o.outlet.name} ·{' '}
                          {t('dispatch.offers.due', { at: bj(o.dueAt).format('MM-DD HH:mm') })}
                        </Typography.Text>
                      </Flex>
                    </List.Item>
                  )}
                />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dispatch.offers.empty')} />
              )}
            </Card>
          </Flex>
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
      <PolicyModal open={policyOpen} onClose={() => setPolicyOpen(false)} />
    </div>
  );
}
