import { useEffect, useMemo, useState } from 'react';
import {
  Badge,
  Button,
  Flex,
  Input,
  Select,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
  type TableProps,
} from 'antd';
import { PhoneOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  ORDER_CLASSES,
  type CallbackQueueSort,
  type CallbackTask,
  type CallbackTaskStatus,
} from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { bj } from '../../workorders/index.ts';
import { useQueue, type QueueFilters } from '../api.ts';
import { CallPanel } from '../components/CallPanel.tsx';
import { ClassificationsTab } from '../components/ClassificationsTab.tsx';
import { settingHref } from '../../settings/index.ts';

const STATUS_COLOR: Record<CallbackTaskStatus, string> = {
  open: 'blue',
  satisfied: 'green',
  unsatisfied: 'red',
  unreachable: 'orange',
  superseded: 'default',
};
const fmt = (iso: string) => bj(iso).format('MM-DD HH:mm');
const STATUS_FILTERS = ['open', 'closed', 'all'] as const;
const DUE_FILTERS = ['all', 'ready', 'overdue', 'today'] as const;
/** What a sortable column's header click asks for, and which header shows the current sort. */
const SORT_OF: Record<string, { ascend?: CallbackQueueSort; descend?: CallbackQueueSort }> = {
  dueAt: { ascend: 'due_at', descend: '-due_at' },
  closedAt: { descend: '-closed_at' },
};
const sortOrderOf = (sort: CallbackQueueSort | undefined, column: 'dueAt' | 'closedAt') => {
  const s = sort ?? 'due_at';
  if (column === 'dueAt') return s === 'due_at' ? 'ascend' : s === '-due_at' ? 'descend' : null;
  return s === '-closed_at' ? 'descend' : null;
};
const oneOf = <T extends string>(list: readonly T[], v: string | null, fallback: T): T =>
  list.includes(v as T) ? (v as T) : fallback;

/** 回访: the quality staff's queue, call panel and the derived order classes. */
export default function CallbacksPage() {
  const { t } = useTranslation();
  const me = useSession();
  // A link may open the queue filtered (the workbench's 今日待回访: `?status=open&due=today`).
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<QueueFilters>(() => ({
    status: oneOf(STATUS_FILTERS, params.get('status'), 'open'),
    due: oneOf(DUE_FILTERS, params.get('due'), 'all'),
  }));
  const [openTask, setOpenTask] = useState<string | null>(null);
  const navigate = useNavigate();
  const [active, setActive] = useState(0);
  const [search, setSearch] = useState('');
  const queue = useQueue(filters);
  const items = useMemo(() => queue.data?.pages.flatMap((p) => p.items) ?? [], [queue.data]);
  /**
   * Searches once there are two characters (the server's minimum); clearing shows the whole queue.
   * Searching the same text again asks the server again: a task opened since (the hand-off to 待回访
   * runs after the field's completion) shows up without a page reload.
   */
  const runSearch = (text: string) => {
    const trimmed = text.trim();
    const q = trimmed.length >= 2 ? trimmed : undefined;
    if (q === filters.q) void queue.refetch();
    else setFilters((f) => ({ ...f, q }));
    setActive(0);
  };
  const onSort = (s: Parameters<NonNullable<TableProps<CallbackTask>['onChange']>>[2]) => {
    const one = Array.isArray(s) ? s[0] : s;
    const key = String(one?.columnKey ?? '');
    const sort = one?.order ? SORT_OF[key]?.[one.order] : undefined;
    setFilters((f) => ({ ...f, sort: sort ?? 'due_at' }));
    setActive(0);
  };
  const canEditPolicy = me.permissions.includes('settings:manage');

  // j/k move through the queue, Enter (or o) opens the call panel.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (openTask || e.ctrlKey || e.metaKey || e.altKey) return;
      const el = e.target as HTMLElement | null;
      if (el && (['INPUT', 'TEXTAREA'].includes(el.tagName) || el.closest('.ant-select'))) return;
      if (e.key === 'j' || e.key === 'ArrowDown') setActive((n) => Math.min(n + 1, items.length - 1));
      else if (e.key === 'k' || e.key === 'ArrowUp') setActive((n) => Math.max(n - 1, 0));
      else if ((e.key === 'Enter' || e.key === 'o') && items[active] && !(el instanceof HTMLButtonElement))
        setOpenTask(items[active]!.id);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, active, openTask]);

  const queueTab = (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Input.Search
          style={{ width: 320 }}
          allowClear
          value={search}
          placeholder={t('callbacks.filters.search')}
          aria-label={t('callbacks.filters.search')}
          data-testid="cb-search"
          onChange={(e) => {
            setSearch(e.target.value);
            if (!e.target.value) runSearch('');
          }}
          onSearch={runSearch}
        />
        <Select
          style={{ width: 140 }}
          value={filters.status}
          aria-label={t('callbacks.filters.status')}
          data-testid="cb-filter-status"
          onChange={(status) => setFilters((f) => ({ ...f, status }))}
          options={STATUS_FILTERS.map((v) => ({
            value: v,
            label: t(`callbacks.filters.${v}`),
          }))}
        />
        <Select
          style={{ width: 140 }}
          value={filters.due}
          aria-label={t('callbacks.filters.due')}
          data-testid="cb-filter-due"
          onChange={(due) => setFilters((f) => ({ ...f, due }))}
          options={DUE_FILTERS.map((v) => ({
            value: v,
            label: t(`callbacks.filters.${v}`),
          }))}
        />
        <Select
          style={{ width: 180 }}
          allowClear
          placeholder={t('callbacks.filters.class')}
          value={filters.class}
          data-testid="cb-filter-class"
          onChange={(cls) => setFilters((f) => ({ ...f, class: cls }))}
          options={ORDER_CLASSES.map((c) => ({ value: c, label: t(`callbacks.classes.${c}`) }))}
        />
      </Flex>
      {queue.error && <ProblemAlert error={queue.error} />}
      <Table<CallbackTask>
        rowKey="id"
        size="middle"
        loading={queue.isLoading}
        dataSource={items}
        pagination={false}
        tableLayout="fixed"
        onChange={(_p, _f, sorter) => onSort(sorter)}
        locale={{ emptyText: t(filters.q ? 'callbacks.queue.noMatch' : 'callbacks.queue.empty') }}
        onRow={(r, i) =>
          ({
            'data-testid': `callback-row-${r.orderNumber}`,
            onClick: () => setActive(i ?? 0),
            onDoubleClick: () => setOpenTask(r.id),
            style: i === active ? { background: 'rgba(22,119,255,0.06)' } : undefined,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('callbacks.queue.number'),
            dataIndex: 'orderNumber',
            width: 170,
            render: (n: string) => (
              <Typography.Text strong className="anxin-mono">
                {n}
              </Typography.Text>
            ),
          },
          {
            title: t('callbacks.queue.customer'),
            dataIndex: 'customerName',
            width: 120,
            ellipsis: true,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('callbacks.queue.due'),
            dataIndex: 'dueAt',
            key: 'dueAt',
            width: 170,
            sorter: true,
            sortDirections: ['ascend', 'descend'],
            sortOrder: sortOrderOf(filters.sort, 'dueAt'),
            render: (v: string, r) => (
              <Flex vertical>
                <Typography.Text type={r.overdue ? 'danger' : undefined} strong={r.overdue}>
                  {fmt(v)} {r.overdue && <Tag color="red">{t('callbacks.queue.overdue')}</Tag>}
                </Typography.Text>
                {r.status === 'open' && r.nextAttemptAt && (
                  <Typography.Text type="secondary">
                    {t('callbacks.queue.retryAt', { time: fmt(r.nextAttemptAt) })}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          {
            title: t('callbacks.queue.closedAt'),
            dataIndex: 'closedAt',
            key: 'closedAt',
            width: 130,
            sorter: true,
            sortDirections: ['descend'],
            sortOrder: sortOrderOf(filters.sort, 'closedAt'),
            render: (v: string | null) => (v ? fmt(v) : '—'),
          },
          {
            title: t('callbacks.queue.attempts'),
            dataIndex: 'attempts',
            width: 80,
            responsive: ['xl'],
            render: (v: number, r) => `${v} / ${r.maxAttempts}`,
          },
          {
            title: t('callbacks.queue.outlet'),
            dataIndex: ['outlet', 'name'],
            ellipsis: true,
            render: (v?: string) => v ?? '—',
          },
          {
            title: t('callbacks.queue.technician'),
            dataIndex: ['technician', 'name'],
            width: 100,
            ellipsis: true,
            responsive: ['xxl'],
            render: (v?: string) => v ?? '—',
          },
          {
            title: t('callbacks.queue.status'),
            dataIndex: 'status',
            width: 120,
            render: (s: CallbackTaskStatus, r) => (
              <Flex gap={4}>
                <Tag color={STATUS_COLOR[s]}>{t(`callbacks.status.${s}`)}</Tag>
                {r.portalRated && (
                  <Tooltip title={t('callbacks.queue.portalRated')}>
                    <Badge status="warning" />
                  </Tooltip>
                )}
              </Flex>
            ),
          },
          {
            title: '',
            key: 'open',
            width: 100,
            render: (_: unknown, r) => (
              <Button
                icon={<PhoneOutlined />}
                data-testid={`callback-open-${r.orderNumber}`}
                onClick={() => setOpenTask(r.id)}
              >
                {t('callbacks.queue.open')}
              </Button>
            ),
          },
        ]}
      />
      <Flex justify="center" align="center" gap={12}>
        <Typography.Text type="secondary" data-testid="cb-count">
          {queue.hasNextPage
            ? t('callbacks.queue.loadedMore', { count: items.length })
            : t('callbacks.queue.loadedAll', { count: items.length })}
        </Typography.Text>
        {queue.hasNextPage && (
          <Button
            onClick={() => void queue.fetchNextPage()}
            loading={queue.isFetchingNextPage}
            data-testid="cb-load-more"
          >
            {t('callbacks.queue.loadMore')}
          </Button>
        )}
      </Flex>
    </Flex>
  );

  return (
    <>
      <PageHeader
        title={t('callbacks.title')}
        description={t('callbacks.description')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void queue.refetch()}>
              {t('callbacks.refresh')}
            </Button>
            {canEditPolicy && (
              <Button
                icon={<SettingOutlined />}
                onClick={() => navigate(settingHref('callbacks.policy'))}
                data-testid="cb-policy"
              >
                {t('callbacks.policy')}
              </Button>
            )}
          </>
        }
      />
      <Tabs
        items={[
          { key: 'queue', label: t('callbacks.tabs.queue'), children: queueTab },
          {
            key: 'classes',
            label: <span data-testid="cb-tab-classes">{t('callbacks.tabs.classes')}</span>,
            children: <ClassificationsTab />,
          },
        ]}
      />
      <CallPanel taskId={openTask} onClose={() => setOpenTask(null)} />
    </>
  );
}
