import { useEffect, useState } from 'react';
import { Button, Card, Flex, Input, Select, Switch, Table, Tag, Typography, type Breakpoint } from 'antd';
import { PlusOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  COMPLAINT_SEVERITIES,
  COMPLAINT_SOURCES,
  COMPLAINT_STATUSES,
  DEPARTMENTS,
  type Complaint,
} from '@anxin/contracts';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { OutletPicker } from '../../../components/OutletPicker.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { SavedFiltersMenu } from '../../../components/SavedFiltersMenu.tsx';
import { useUrlFilters } from '../../../components/useUrlFilters.ts';
import { useSession } from '../../auth/index.ts';
import { bj } from '../../workorders/index.ts';
import { COMPLAINT_LIST_KEYS, useComplaints } from '../api.ts';
import { ComplaintDrawer } from '../components/ComplaintDrawer.tsx';
import { CreateComplaintDrawer } from '../components/CreateComplaintDrawer.tsx';
import { settingHref } from '../../settings/index.ts';
import { SeverityTag, StatusTag } from '../components/Tags.tsx';
import { StatsCards } from '../components/StatsCards.tsx';

const fmt = (iso: string) => bj(iso).format('MM-DD HH:mm');
/** Source and order show from 1600 px: at 1366–1440 px the key columns fit without sideways scroll. */
const WIDE: Breakpoint[] = ['xxl'];
/** Complaints per page; the next page on "load more". */
const PAGE = 50;

/** 投诉: the complaint desk: figures against targets, the filtered list, intake and handling. */
export default function ComplaintsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const canManage = me.permissions.includes('complaint:manage');
  // The filters live in the address (reload, share, save); no status means open complaints.
  const f = useUrlFilters(COMPLAINT_LIST_KEYS);
  const filters = { ...f.values, status: f.values.status ?? 'open' };
  // The open complaint is in the URL (`?id=`): links from notifications and reloads land on it.
  const [params, setParams] = useSearchParams();
  const openId = params.get('id');
  const setOpenId = (id: string | null) =>
    setParams(
      (p) => {
        if (id) p.set('id', id);
        else p.delete('id');
        return p;
      },
      { replace: true },
    );
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const list = useComplaints(filters, PAGE);
  const canPickOutlet = me.permissions.includes('outlet:read') && me.scope.level !== 'outlet';
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const set = f.set;
  const sortOrder = (key: string) =>
    key === 'openedAt'
      ? filters.sort === 'opened_at'
        ? ('ascend' as const)
        : !filters.sort
          ? ('descend' as const)
          : null
      : filters.sort === 'resolve_due_at'
        ? ('ascend' as const)
        : null;

  // "n" registers a new complaint (when no drawer is open and the user is not typing).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!canManage || creating || openId || e.ctrlKey || e.metaKey || e.altKey) return;
      const el = e.target as HTMLElement | null;
      if (el && (['INPUT', 'TEXTAREA'].includes(el.tagName) || el.closest('.ant-select'))) return;
      if (e.key === 'n') {
        e.preventDefault();
        setCreating(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canManage, creating, openId]);

  return (
    <>
      <PageHeader
        title={t('complaints.title')}
        description={t('complaints.description')}
        extra={
          <>
            <SavedFiltersMenu storageKey={`complaints:${me.id}`} query={f.query} onApply={f.applyQuery} />
            <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
              {t('complaints.refresh')}
            </Button>
            {me.permissions.includes('settings:manage') && (
              <Button
                icon={<SettingOutlined />}
                onClick={() => navigate(settingHref('complaints.policy'))}
                data-testid="cp-policy"
              >
                {t('complaints.policy.button')}
              </Button>
            )}
            {canManage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="cp-new"
              >
                {t('complaints.new')}
              </Button>
            )}
          </>
        }
      />
      <Flex vertical gap={16}>
        <StatsCards />
        <Flex gap={8} wrap align="center">
          <Input.Search
            key={`q:${filters.q ?? ''}`}
            allowClear
            style={{ width: 260 }}
            placeholder={t('complaints.filters.search')}
            defaultValue={filters.q}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            data-testid="cp-filter-search"
          />
          <Select
            style={{ width: 130 }}
            value={filters.status}
            aria-label={t('complaints.filters.status')}
            data-testid="cp-filter-status"
            onChange={(status: string) => set({ status: status === 'open' ? undefined : status })}
            options={[
              { value: 'open', label: t('complaints.filters.open') },
              ...COMPLAINT_STATUSES.map((s) => ({ value: s, label: t(`complaints.statuses.${s}`) })),
              { value: 'all', label: t('complaints.filters.all') },
            ]}
          />
          <Select
            style={{ width: 120 }}
            allowClear
            placeholder={t('complaints.filters.severity')}
            value={filters.severity}
            data-testid="cp-filter-severity"
            onChange={(severity?: string) => set({ severity })}
            options={COMPLAINT_SEVERITIES.map((s) => ({ value: s, label: t(`complaints.severities.${s}`) }))}
          />
          <Select
            style={{ width: 140 }}
            allowClear
            placeholder={t('complaints.filters.source')}
            value={filters.source}
            data-testid="cp-filter-source"
            onChange={(source?: string) => set({ source })}
            options={COMPLAINT_SOURCES.map((s) => ({ value: s, label: t(`complaints.sources.${s}`) }))}
          />
          {canPickOutlet && (
            // Searches the server by code or name: any number of outlets, none cut off at a page.
            <OutletPicker
              style={{ width: 200 }}
              placeholder={t('complaints.filters.outlet')}
              value={filters.outletId}
              data-testid="cp-filter-outlet"
              onChange={(outletId) => set({ outletId })}
            />
          )}
          <Select
            style={{ width: 140 }}
            allowClear
            placeholder={t('complaints.filters.department')}
            value={filters.department}
            data-testid="cp-filter-department"
            onChange={(department?: string) => set({ department })}
            options={DEPARTMENTS.map((d) => ({ value: d, label: t(`complaints.departments.${d}`) }))}
          />
          <Flex gap={6} align="center">
            <Switch
              size="small"
              checked={filters.overdue === 'true'}
              onChange={(overdue) => set({ overdue: overdue ? 'true' : undefined })}
              data-testid="cp-filter-overdue"
            />
            <span>{t('complaints.filters.overdue')}</span>
          </Flex>
          <Flex gap={6} align="center">
            <Switch
              size="small"
              checked={filters.routed === 'mine'}
              onChange={(on) => set({ routed: on ? 'mine' : undefined })}
              data-testid="cp-filter-routed"
            />
            <span>{t('complaints.filters.routed')}</span>
          </Flex>
        </Flex>
        {list.error && <ProblemAlert error={list.error} />}
        <Card styles={{ body: { padding: 0 } }}>
          <Table<Complaint>
            rowKey="id"
            size="middle"
            tableLayout="fixed"
            loading={list.isLoading}
            dataSource={items}
            pagination={false}
            locale={{ emptyText: t('complaints.empty') }}
            data-testid="cp-table"
            onRow={(r) =>
              ({
                'data-testid': `cp-row-${r.number}`,
                onDoubleClick: () => setOpenId(r.id),
                style: { cursor: 'pointer' },
              }) as React.HTMLAttributes<HTMLElement>
            }
            onChange={(_p, _f, sorter) => {
              const one = Array.isArray(sorter) ? sorter[0] : sorter;
              if (one?.columnKey === 'due' && one.order) set({ sort: 'resolve_due_at' });
              else
                set({
                  sort: one?.columnKey === 'openedAt' && one.order === 'ascend' ? 'opened_at' : undefined,
                });
            }}
            columns={[
              {
                title: t('complaints.columns.number'),
                dataIndex: 'number',
                width: 150,
                render: (n: string) => (
                  <Typography.Text strong className="anxin-mono">
                    {n}
                  </Typography.Text>
                ),
              },
              {
                title: t('complaints.columns.summary'),
                dataIndex: 'summary',
                ellipsis: { showTitle: true },
              },
              {
                title: t('complaints.columns.customer'),
                dataIndex: ['customer', 'name'],
                width: 100,
                ellipsis: { showTitle: true },
                render: (v?: string) => v ?? '—',
              },
              {
                title: t('complaints.columns.severity'),
                dataIndex: 'severity',
                width: 90,
                render: (s: Complaint['severity']) => <SeverityTag severity={s} />,
              },
              {
                title: t('complaints.columns.source'),
                dataIndex: 'source',
                width: 100,
                responsive: WIDE,
                render: (s: Complaint['source']) => t(`complaints.sources.${s}`),
              },
              {
                title: t('complaints.columns.order'),
                dataIndex: ['order', 'number'],
                width: 150,
                responsive: WIDE,
                render: (v?: string) => v ?? '—',
              },
              {
                title: t('complaints.columns.outlet'),
                dataIndex: ['outlet', 'name'],
                width: 130,
                ellipsis: { showTitle: true },
                render: (v?: string) => v ?? '—',
              },
              {
                title: t('complaints.columns.status'),
                dataIndex: 'status',
                width: 120,
                render: (s: Complaint['status']) => <StatusTag status={s} />,
              },
              {
                title: t('complaints.columns.openedAt'),
                key: 'openedAt',
                width: 120,
                sorter: true,
                sortDirections: ['descend', 'ascend'],
                sortOrder: sortOrder('openedAt'),
                render: (_: unknown, r) => fmt(r.openedAt),
              },
              {
                title: t('complaints.columns.due'),
                key: 'due',
                width: 170,
                sorter: true,
                sortDirections: ['ascend'],
                sortOrder: sortOrder('due'),
                render: (_: unknown, r) => <DueCell c={r} />,
              },
              {
                title: '',
                key: 'open',
                width: 80,
                render: (_: unknown, r) => (
                  <Button size="small" data-testid={`cp-open-${r.number}`} onClick={() => setOpenId(r.id)}>
                    {t('complaints.columns.open')}
                  </Button>
                ),
              },
            ]}
          />
          <LoadMore
            count={items.length}
            hasMore={!!list.hasNextPage}
            loading={list.isFetchingNextPage}
            onMore={() => void list.fetchNextPage()}
            testId="cp-list"
          />
        </Card>
      </Flex>
      <CreateComplaintDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setOpenId(id);
        }}
      />
      <ComplaintDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}

function DueCell({ c }: { c: Complaint }) {
  const { t } = useTranslation();
  const ack = c.status === 'registered' && c.acknowledgeDueAt;
  const res = ['registered', 'acknowledged', 'investigating'].includes(c.status) && c.resolveDueAt;
  return (
    <Flex vertical gap={2}>
      {ack && (
        <Typography.Text type={c.acknowledgeOverdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {t('complaints.due.acknowledge', { time: fmt(c.acknowledgeDueAt!) })}
        </Typography.Text>
      )}
      {res && (
        <Typography.Text type={c.resolveOverdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {t('complaints.due.resolve', { time: fmt(c.resolveDueAt!) })}
        </Typography.Text>
      )}
      <Flex gap={4} wrap>
        {(c.acknowledgeOverdue || c.resolveOverdue) && (
          <Tag color="red" data-testid="cp-overdue">
            {t('complaints.due.overdue')}
          </Tag>
        )}
        {c.capaOverdue > 0 && (
          <Tag color="orange">{t('complaints.due.capaOverdue', { count: c.capaOverdue })}</Tag>
        )}
      </Flex>
    </Flex>
  );
}
