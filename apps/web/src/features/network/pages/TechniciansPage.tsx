import { LoadMore } from '../../../components/LoadMore.tsx';
import { useState } from 'react';
import { Button, Card, Flex, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { ImportOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Technician } from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useMe } from '../../auth/index.ts';
import { useCategories } from '../../customers/index.ts';
import { toHhmm, useTechnicianList } from '../api.ts';
import { CertTag } from '../components/bits.tsx';
import { NetworkImportDialog } from '../components/NetworkImportDialog.tsx';
import { TechnicianDrawer } from '../components/TechnicianDrawer.tsx';

/** 工程师: outlet technicians and (for scope-all staff) HQ engineers and experts. */
export default function TechniciansPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = !!me.data?.permissions.includes('technician:manage');
  const scopeAll = me.data?.scope.level === 'all';
  const categories = useCategories();
  const [tab, setTab] = useState<'outlet' | 'hq'>('outlet');
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<string>();
  const [active, setActive] = useState<string>('true');
  const list = useTechnicianList({ staff: tab, q: q.trim() || undefined, category, active });
  const [editing, setEditing] = useState<Technician | null>(null);
  const [open, setOpen] = useState(false);
  const [importing, setImporting] = useState(false);
  const catName = (code: string) => categories.data?.items.find((c) => c.code === code)?.nameZh ?? code;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canEditHere = canManage && (tab === 'outlet' || scopeAll);

  const table = (
    <Table<Technician>
      data-testid={`technicians-table-${tab}`}
      rowKey="id"
      loading={list.isPending}
      dataSource={items}
      tableLayout="fixed"
      pagination={false}
      footer={() => (
        <LoadMore
          count={items.length}
          hasMore={!!list.hasNextPage}
          loading={list.isFetchingNextPage}
          onMore={() => void list.fetchNextPage()}
          testId="technicians-list"
        />
      )}
      onRow={(x) => ({ 'data-testid': `technician-row-${x.name}` }) as object}
      columns={[
        {
          key: 'name',
          title: t('network.technicians.name'),
          render: (_, x) => (
            <Flex vertical>
              <Typography.Text strong>{x.name}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {x.phone}
              </Typography.Text>
            </Flex>
          ),
        },
        tab === 'outlet'
          ? {
              key: 'outlet',
              title: t('network.technicians.outlet'),
              ellipsis: { showTitle: true },
              render: (_, x) => x.outletName,
            }
          : {
              key: 'province',
              title: t('network.technicians.province'),
              render: (_, x) => x.provinceCode ?? '—',
            },
        {
          key: 'tier',
          title: t('network.technicians.tier'),
          width: 130,
          render: (_, x) => <Tag>{t(`network.tiers.${x.tier}` as 'network.tiers.1')}</Tag>,
        },
        {
          key: 'skills',
          title: t('network.technicians.skills'),
          render: (_, x) => (
            <Space size={[4, 4]} wrap>
              {x.skills.map((s) => (
                <Tag key={s.categoryCode} color="blue">
                  {catName(s.categoryCode)} L{s.level}
                </Tag>
              ))}
            </Space>
          ),
        },
        {
          key: 'shifts',
          title: t('network.technicians.shifts'),
          // Secondary: shows from 1600 px so the rest fits 1366–1440 px without sideways scroll.
          responsive: ['xxl'],
          render: (_, x) =>
            x.shifts.length ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {x.shifts.map((s) => t(`network.weekdays.${s.weekday}` as 'network.weekdays.1')).join(' ')} ·{' '}
                {toHhmm(x.shifts[0]!.startMinute)}–{toHhmm(x.shifts[0]!.endMinute)}
              </Typography.Text>
            ) : (
              '—'
            ),
        },
        {
          key: 'certs',
          title: t('network.technicians.certAlert'),
          width: 110,
          render: (_, x) => <CertTag status={x.certificationAlert} />,
        },
        {
          key: 'active',
          title: t('network.technicians.active'),
          width: 80,
          render: (_, x) =>
            x.active ? (
              <Tag color="green">{t('network.technicians.active')}</Tag>
            ) : (
              <Tag>{t('network.technicians.inactive')}</Tag>
            ),
        },
        {
          key: 'actions',
          title: '',
          width: 80,
          render: (_, x) =>
            canEditHere && (
              <Button
                type="link"
                size="small"
                data-testid={`technician-edit-${x.name}`}
                onClick={() => {
                  setEditing(x);
                  setOpen(true);
                }}
              >
                {t('network.common.edit')}
              </Button>
            ),
        },
      ]}
    />
  );

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('nav.technicians')}
        description={t('network.technicians.subtitle')}
        extra={
          <Space>
            {canManage && (
              <Button
                icon={<ImportOutlined />}
                data-testid="technician-import"
                onClick={() => setImporting(true)}
              >
                {t('network.import.technicians')}
              </Button>
            )}
            {canEditHere && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="technician-create"
                onClick={() => {
                  setEditing(null);
                  setOpen(true);
                }}
              >
                {t('network.technicians.create')}
              </Button>
            )}
          </Space>
        }
      />
      <ProblemAlert error={list.error} />
      <Card styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as 'outlet' | 'hq')}
          tabBarExtraContent={
            <Space wrap>
              <Input
                allowClear
                prefix={<SearchOutlined />}
                value={q}
                onChange={(e) => setQ(e.target.value)}
                placeholder={t('network.technicians.name')}
                style={{ width: 160 }}
                data-testid="technicians-filter-q"
              />
              <Select
                allowClear
                value={category}
                onChange={setCategory}
                placeholder={t('network.technicians.category')}
                style={{ width: 120 }}
                options={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: c.nameZh }))}
              />
              <Select
                allowClear
                value={active}
                onChange={setActive}
                style={{ width: 100 }}
                placeholder={t('network.common.all')}
                options={[
                  { value: 'true', label: t('network.technicians.active') },
                  { value: 'false', label: t('network.technicians.inactive') },
                ]}
              />
              <Typography.Text type="secondary">
                {t('network.technicians.count', { count: items.length })}
              </Typography.Text>
            </Space>
          }
          items={[
            {
              key: 'outlet',
              label: <span data-testid="technicians-tab-outlet">{t('network.technicians.outletStaff')}</span>,
              children: tab === 'outlet' && table,
            },
            ...(scopeAll
              ? [
                  {
                    key: 'hq',
                    label: <span data-testid="technicians-tab-hq">{t('network.technicians.hqStaff')}</span>,
                    children: tab === 'hq' && table,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <NetworkImportDialog kind="technicians" open={importing} onClose={() => setImporting(false)} />
      <TechnicianDrawer
        tech={editing}
        open={open}
        hq={tab === 'hq'}
        canPickOutlet={scopeAll}
        onClose={() => setOpen(false)}
      />
    </Flex>
  );
}
