import { useMemo, useState } from 'react';
import { App, Button, DatePicker, Flex, Modal, Select, Table, Tabs, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { CalculatorOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { STATEMENT_STATUSES, type StatementStatus, type StatementSummary } from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { bj } from '../../workorders/index.ts';
import { useGenerate, useStatements, yuan } from '../api.ts';
import { AppealsTab } from '../components/AppealsTab.tsx';
import { FeeScheduleTab } from '../components/FeeScheduleTab.tsx';
import { StatusTag } from '../components/StatusTag.tsx';

/** The month just ended (Beijing time): what finance settles and outlets check first. */
const lastMonth = () => bj(dayjs().toISOString()).subtract(1, 'month').format('YYYY-MM');

/** 结算: statements by month, appeals and the fee schedule. */
export default function SettlementPage() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // `month=all` (the workbench's links) lists every month's statements of a status.
  const allMonths = params.get('month') === 'all';
  const month = allMonths ? lastMonth() : (params.get('month') ?? lastMonth());
  const status = (params.get('status') as StatementStatus | null) ?? undefined;
  const outletId = params.get('outlet') ?? undefined;
  const tab = params.get('tab') ?? 'statements';
  const set = (k: string, v: string | undefined) =>
    setParams(
      (p) => {
        if (v) p.set(k, v);
        else p.delete(k);
        return p;
      },
      { replace: true },
    );
  const list = useStatements({ month: allMonths ? undefined : month, status, outletId });
  const items = list.data?.items ?? [];
  const canManage = me.permissions.includes('settlement:manage');
  const canAppeals = me.permissions.includes('appeal:read');
  const outlets = useMemo(() => {
    const m = new Map<string, string>();
    for (const s of items) m.set(s.outlet.id, `${s.outlet.code} ${s.outlet.name}`);
    return [...m].map(([value, label]) => ({ value, label }));
  }, [items]);

  const statements = (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <DatePicker
          picker="month"
          allowClear={false}
          value={allMonths ? null : dayjs(`${month}-01`)}
          onChange={(d: Dayjs | null) => set('month', d ? d.format('YYYY-MM') : undefined)}
          aria-label={t('settlement.filters.month')}
          data-testid="stl-filter-month"
        />
        <Select
          style={{ width: 200 }}
          allowClear
          placeholder={t('settlement.filters.allOutlets')}
          value={outletId}
          options={outlets}
          onChange={(v?: string) => set('outlet', v)}
          data-testid="stl-filter-outlet"
        />
        <Select
          style={{ width: 160 }}
          allowClear
          placeholder={t('settlement.filters.allStatuses')}
          value={status}
          onChange={(v?: StatementStatus) => set('status', v)}
          options={STATEMENT_STATUSES.map((s) => ({ value: s, label: t(`settlement.status.${s}`) }))}
          data-testid="stl-filter-status"
        />
      </Flex>
      {list.error && <ProblemAlert error={list.error} />}
      <Table<StatementSummary>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('settlement.list.empty') }}
        onRow={(r) =>
          ({
            'data-testid': `stl-row-${r.outlet.code}`,
            onDoubleClick: () => navigate(`/settlement/statements/${r.id}`),
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('settlement.list.number'),
            dataIndex: 'number',
            render: (n: string, r) => (
              <Link to={`/settlement/statements/${r.id}`} data-testid={`stl-open-${r.outlet.code}`}>
                <Typography.Text strong>{n}</Typography.Text>
              </Link>
            ),
          },
          { title: t('settlement.list.outlet'), dataIndex: ['outlet', 'name'] },
          { title: t('settlement.list.month'), dataIndex: 'month' },
          {
            title: t('settlement.list.status'),
            dataIndex: 'status',
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
          { title: t('settlement.list.orders'), dataIndex: 'orderCount', align: 'right' },
          { title: t('settlement.list.fee'), dataIndex: 'feeFen', align: 'right', render: yuan },
          { title: t('settlement.list.deductions'), dataIndex: 'deductionFen', align: 'right', render: yuan },
          { title: t('settlement.list.bonus'), dataIndex: 'bonusFen', align: 'right', render: yuan },
          {
            title: t('settlement.list.adjustments'),
            dataIndex: 'adjustmentFen',
            align: 'right',
            render: yuan,
          },
          {
            title: t('settlement.list.total'),
            dataIndex: 'totalFen',
            align: 'right',
            render: (v: number) => <Typography.Text strong>{yuan(v)}</Typography.Text>,
          },
        ]}
      />
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
            {canManage && <GenerateButton month={month} />}
          </>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => set('tab', k === 'statements' ? undefined : k)}
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
