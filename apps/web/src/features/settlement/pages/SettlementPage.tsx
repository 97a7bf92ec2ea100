import { useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Grid,
  Input,
  Modal,
  Select,
  Table,
  Tabs,
  Tag,
  Typography,
  type Breakpoint,
} from 'antd';
import type { ButtonProps } from 'antd';
import { CalculatorOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { STATEMENT_STATUSES, type StatementStatus, type StatementSummary } from '@anxin/contracts';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { OutletPicker } from '../../../components/OutletPicker.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { SavedFiltersMenu } from '../../../components/SavedFiltersMenu.tsx';
import { useUrlFilters } from '../../../components/useUrlFilters.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { bj } from '../../workorders/index.ts';
import { STATEMENT_LIST_KEYS, useGenerate, useStatements, yuan } from '../api.ts';
import { AppealsTab } from '../components/AppealsTab.tsx';
import { FeeScheduleTab } from '../components/FeeScheduleTab.tsx';
import { StatusTag } from '../components/StatusTag.tsx';

/** The month just ended (Beijing time): what finance settles and outlets check first. */
const lastMonth = () => bj(dayjs().toISOString()).subtract(1, 'month').format('YYYY-MM');
/** The fee breakdown shows as columns from 1600 px; narrower, it opens under the row. */
const WIDE: Breakpoint[] = ['xxl'];
/** Statements per page; the next page on "load more". */
const PAGE = 50;

/** 结算: statements by month, appeals and the fee schedule. */
export default function SettlementPage() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // Filters live in the address (reload, share, save). `month=all` (the workbench's links) lists
  // every month's statements of a status.
  const f = useUrlFilters(STATEMENT_LIST_KEYS);
  const allMonths = f.values.month === 'all';
  const month = allMonths ? lastMonth() : (f.values.month ?? lastMonth());
  const tab = params.get('tab') ?? 'statements';
  const setTab = (v: string | undefined) =>
    setParams(
      (p) => {
        if (v) p.set('tab', v);
        else p.delete('tab');
        return p;
      },
      { replace: true },
    );
  const list = useStatements(
    {
      month: allMonths ? undefined : month,
      status: f.values.status,
      outletId: f.values.outlet,
      q: f.values.q,
      sort: f.values.sort,
    },
    PAGE,
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canManage = me.permissions.includes('settlement:manage');
  const canAppeals = me.permissions.includes('appeal:read');
  const canPickOutlet = me.permissions.includes('outlet:read') && me.scope.level !== 'outlet';
  const wide = !!Grid.useBreakpoint().xxl;
  const sortOf = (key: 'month' | 'total') => {
    const sort = f.values.sort ?? '-month';
    if (!sort.endsWith(key)) return null;
    return sort.startsWith('-') ? ('descend' as const) : ('ascend' as const);
  };

  const statements = (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Input.Search
          key={`q:${f.values.q ?? ''}`}
          allowClear
          style={{ width: 220 }}
          defaultValue={f.values.q}
          placeholder={t('settlement.filters.search')}
          onSearch={(q) => f.set({ q: q.trim() || undefined })}
          data-testid="stl-filter-q"
        />
        <DatePicker
          picker="month"
          allowClear={false}
          value={allMonths ? null : dayjs(`${month}-01`)}
          onChange={(d: Dayjs | null) => f.set({ month: d ? d.format('YYYY-MM') : undefined })}
          aria-label={t('settlement.filters.month')}
          data-testid="stl-filter-month"
        />
        <Button
          type={allMonths ? 'primary' : 'default'}
          onClick={() => f.set({ month: allMonths ? undefined : 'all' })}
          data-testid="stl-filter-all-months"
        >
          {t('settlement.filters.allMonths')}
        </Button>
        {canPickOutlet && (
          <OutletPicker
            style={{ width: 220 }}
            placeholder={t('settlement.filters.allOutlets')}
            value={f.values.outlet}
            onChange={(v) => f.set({ outlet: v })}
            data-testid="stl-filter-outlet"
          />
        )}
        <Select
          style={{ width: 160 }}
          allowClear
          placeholder={t('settlement.filters.allStatuses')}
          value={f.values.status as StatementStatus | undefined}
          onChange={(v?: StatementStatus) => f.set({ status: v })}
          options={STATEMENT_STATUSES.map((s) => ({ value: s, label: t(`settlement.status.${s}`) }))}
          data-testid="stl-filter-status"
        />
      </Flex>
      {list.error && <ProblemAlert error={list.error} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<StatementSummary>
          rowKey="id"
          size="middle"
          tableLayout="fixed"
          loading={list.isLoading}
          dataSource={items}
          pagination={false}
          data-testid="stl-table"
          locale={{ emptyText: t('settlement.list.empty') }}
          onRow={(r) =>
            ({
              'data-testid': `stl-row-${r.outlet.code}`,
              onDoubleClick: () => navigate(`/settlement/statements/${r.id}`),
            }) as React.HTMLAttributes<HTMLElement>
          }
          onChange={(_p, _f, sorter) => {
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            const key = one?.columnKey === 'total' ? 'total' : 'month';
            const sort = one?.order === 'ascend' ? key : one?.order === 'descend' ? `-${key}` : undefined;
            f.set({ sort: sort === '-month' ? undefined : sort });
          }}
          expandable={wide ? undefined : { expandedRowRender: (r) => <Breakdown s={r} /> }}
          columns={[
            {
              title: t('settlement.list.number'),
              dataIndex: 'number',
              width: 170,
              ellipsis: true,
              render: (n: string, r) => (
                <Link to={`/settlement/statements/${r.id}`} data-testid={`stl-open-${r.outlet.code}`}>
                  <Typography.Text strong className="anxin-mono">
                    {n}
                  </Typography.Text>
                </Link>
              ),
            },
            {
              title: t('settlement.list.outlet'),
              dataIndex: ['outlet', 'name'],
              ellipsis: { showTitle: true },
            },
            {
              title: t('settlement.list.month'),
              key: 'month',
              dataIndex: 'month',
              width: 100,
              sorter: true,
              sortDirections: ['descend', 'ascend'],
              sortOrder: sortOf('month'),
            },
            {
              title: t('settlement.list.status'),
              dataIndex: 'status',
              width: 170,
              render: (s: StatementStatus, r) => (
                <Flex gap={4}>
                  <StatusTag status={s} />
                  {r.disputedCount > 0 && (
                    <Tag color="red">
                      {t('settlement.list.disputed')} {r.disputedCount}
                    </Tag>
                  )}
                </Flex>
              ),
            },
            { title: t('settlement.list.orders'), dataIndex: 'orderCount', align: 'right', width: 80 },
            ...(
              [
                ['fee', 'feeFen'],
                ['deductions', 'deductionFen'],
                ['bonus', 'bonusFen'],
                ['adjustments', 'adjustmentFen'],
              ] as const
            ).map(([k, field]) => ({
              title: t(`settlement.list.${k}`),
              dataIndex: field,
              align: 'right' as const,
              width: 110,
              responsive: WIDE,
              render: yuan,
            })),
            {
              title: t('settlement.list.total'),
              key: 'total',
              dataIndex: 'totalFen',
              align: 'right',
              width: 130,
              sorter: true,
              sortDirections: ['descend', 'ascend'],
              sortOrder: sortOf('total'),
              render: (v: number) => <Typography.Text strong>{yuan(v)}</Typography.Text>,
            },
          ]}
        />
        <LoadMore
          count={items.length}
          hasMore={!!list.hasNextPage}
          loading={list.isFetchingNextPage}
          onMore={() => void list.fetchNextPage()}
          testId="stl-list"
        />
      </Card>
    </Flex>
  );

  return (
    <>
      <PageHeader
        title={t('settlement.title')}
        description={t('settlement.description')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
              {t('settlement.refresh')}
            </Button>
            <SavedFiltersMenu storageKey={`settlement:${me.id}`} query={f.query} onApply={f.applyQuery} />
            {canManage && <GenerateButton month={month} />}
          </>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k === 'statements' ? undefined : k)}
        items={[
          { key: 'statements', label: t('settlement.tabs.statements'), children: statements },
          ...(canAppeals
            ? [{ key: 'appeals', label: t('settlement.tabs.appeals'), children: <AppealsTab /> }]
            : []),
          {
            key: 'schedule',
            label: t('settlement.tabs.schedule'),
            children: <FeeScheduleTab editable={canManage} />,
          },
        ]}
      />
    </>
  );
}

/** The fee breakdown of a statement, under its row when the columns do not fit. */
function Breakdown({ s }: { s: StatementSummary }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={4} data-testid="stl-breakdown">
      <Descriptions.Item label={t('settlement.list.fee')}>{yuan(s.feeFen)}</Descriptions.Item>
      <Descriptions.Item label={t('settlement.list.deductions')}>{yuan(s.deductionFen)}</Descriptions.Item>
      <Descriptions.Item label={t('settlement.list.bonus')}>{yuan(s.bonusFen)}</Descriptions.Item>
      <Descriptions.Item label={t('settlement.list.adjustments')}>{yuan(s.adjustmentFen)}</Descriptions.Item>
    </Descriptions>
  );
}

function GenerateButton({ month }: { month: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const gen = useGenerate();
  const run = () =>
    gen.mutate(
      { month },
      {
        onSuccess: (r) => {
          message.success(
            [
              t('settlement.list.generated', { count: r.generated.length }),
              ...(r.skipped.length ? [t('settlement.list.skipped', { count: r.skipped.length })] : []),
            ].join('；'),
          );
          setOpen(false);
        },
      },
    );
  return (
    <>
      <Button
        type="primary"
        icon={<CalculatorOutlined />}
        onClick={() => setOpen(true)}
        data-testid="stl-generate"
      >
        {t('settlement.list.generate')}
      </Button>
      <Modal
        open={open}
        title={t('settlement.list.generateTitle', { month })}
        onCancel={() => setOpen(false)}
        onOk={run}
        confirmLoading={gen.isPending}
        okButtonProps={{ 'data-testid': 'stl-generate-submit' } as ButtonProps}
      >
        <Typography.Paragraph>{t('settlement.list.generateHint')}</Typography.Paragraph>
        {gen.error && <ProblemAlert error={gen.error} />}
      </Modal>
    </>
  );
}
