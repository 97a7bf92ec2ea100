import { useEffect, useState } from 'react';
import { Button, Flex, Input, Select, Switch, Table, Tag, Typography } from 'antd';
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
import { OutletPicker } from '../../../components/OutletPicker.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { bj } from '../../workorders/index.ts';
import { useComplaints, type ListFilters } from '../api.ts';
import { ComplaintDrawer } from '../components/ComplaintDrawer.tsx';
import { CreateComplaintDrawer } from '../components/CreateComplaintDrawer.tsx';
import { settingHref } from '../../settings/index.ts';
import { SeverityTag, StatusTag } from '../components/Tags.tsx';
import { StatsCards } from '../components/StatsCards.tsx';

const fmt = (iso: string) => bj(iso).format('MM-DD HH:mm');

/** 投诉: the complaint desk: figures against targets, the filtered list, intake and handling. */
export default function ComplaintsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const canManage = me.permissions.includes('complaint:manage');
  const [filters, setFilters] = useState<ListFilters>({ status: 'open' });
  const [search, setSearch] = useState('');
  // The open complaint is in the URL (`?id=`): links from notifications and reloads land on it.
  const [params, setParams] = useSearchParams();
  const openId = params.get('id');
  const setOpenId = (id: string | null) => setParams(id ? { id } : {}, { replace: true });
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const list = useComplaints(filters);
  const canPickOutlet = me.permissions.includes('outlet:read');
  const items = list.data?.items ?? [];
  const set = (patch: Partial<ListFilters>) => setFilters((f) => ({ ...f, ...patch }));

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
            allowClear
            style={{ width: 260 }}
            placeholder={t('complaints.filters.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            data-testid="cp-filter-search"
          />
          <Select
            style={{ width: 130 }}
            value={filters.status}
            aria-label={t('complaints.filters.status')}
            data-testid="cp-filter-status"
            onChange={(status) => set({ status })}
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
            onChange={(severity) => set({ severity })}
            options={COMPLAINT_SEVERITIES.map((s) => ({ value: s, label: t(`complaints.severities.${s}`) }))}
          />
          <Select
            style={{ width: 140 }}
            allowClear
            placeholder={t('complaints.filters.source')}
            value={filters.source}
            data-testid="cp-filter-source"
            onChange={(source) => set({ source })}
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
            onChange={(department) => set({ department })}
            options={DEPARTMENTS.map((d) => ({ value: d, label: t(`complaints.departments.${d}`) }))}
          />
          <Flex gap={6} align="center">
            <Switch
              size="small"
              checked={!!filters.overdue}
              onChange={(overdue) => set({ overdue: overdue || undefined })}
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
        <Table<Complaint>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('complaints.empty') }}
          onRow={(r) =>
            ({
              'data-testid': `cp-row-${r.number}`,
              onDoubleClick: () => setOpenId(r.id),
              style: { cursor: 'pointer' },
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('complaints.columns.number'),
              dataIndex: 'number',
              render: (n: string) => <Typography.Text strong>{n}</Typography.Text>,
            },
            {
              title: t('complaints.columns.summary'),
              dataIndex: 'summary',
              ellipsis: true,
            },
            {
              title: t('complaints.columns.severity'),
              dataIndex: 'severity',
              render: (s: Complaint['severity']) => <SeverityTag severity={s} />,
            },
            {
              title: t('complaints.columns.source'),
              dataIndex: 'source',
              render: (s: Complaint['source']) => t(`complaints.sources.${s}`),
            },
            {
              title: t('complaints.columns.order'),
              dataIndex: ['order', 'number'],
              render: (v?: string) => v ?? '—',
            },
            {
              title: t('complaints.columns.outlet'),
              dataIndex: ['outlet', 'name'],
              render: (v?: string) => v ?? '—',
            },
            {
              title: t('complaints.columns.status'),
              dataIndex: 'status',
              render: (s: Complaint['status']) => <StatusTag status={s} />,
            },
            {
              title: t('complaints.columns.due'),
              key: 'due',
              render: (_: unknown, r) => <DueCell c={r} />,
            },
            {
              title: '',
              key: 'open',
              render: (_: unknown, r) => (
                <Button size="small" data-testid={`cp-open-${r.number}`} onClick={() => setOpenId(r.id)}>
                  {t('complaints.columns.open')}
                </Button>
              ),
            },
          ]}
        />
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
