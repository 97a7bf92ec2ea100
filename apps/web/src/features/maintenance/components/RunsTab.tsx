import { useState } from 'react';
import { Card, Empty, Flex, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MaintenanceRun } from '@anxin/contracts';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { bj } from '../../workorders/index.ts';
import { useMaintenancePlans, useMaintenanceRuns } from '../api.ts';

/** Generated runs (one per product and due date) with a link to the 保养 order that covers them. */
export function RunsTab() {
  const { t } = useTranslation();
  const plans = useMaintenancePlans();
  const [planId, setPlanId] = useState<string | undefined>(undefined);
  const runs = useMaintenanceRuns(planId);
  const items = runs.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Flex vertical gap={12}>
      <Select
        allowClear
        style={{ maxWidth: 300 }}
        placeholder={t('maintenance.allPlans')}
        value={planId}
        onChange={setPlanId}
        options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
      />
      <ProblemAlert error={runs.error} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<MaintenanceRun>
          data-testid="maintenance-runs"
          rowKey="id"
          loading={runs.isPending}
          dataSource={items}
          pagination={false}
          scroll={{ x: 800 }}
          locale={{ emptyText: <Empty description={t('maintenance.noRuns')} /> }}
          columns={[
            {
              title: t('maintenance.col.createdAt'),
              render: (_, r) => bj(r.createdAt).format('YYYY-MM-DD HH:mm'),
            },
            { title: t('maintenance.col.plan'), dataIndex: 'planName' },
            {
              title: t('maintenance.col.dueOn'),
              render: (_, r) =>
                r.dueHours === null
                  ? r.dueOn
                  : `${r.dueOn}（${t('maintenance.atHours', { n: r.dueHours })}）`,
            },
            { title: t('maintenance.col.serial'), render: (_, r) => r.serial ?? '—' },
            { title: t('maintenance.col.customer'), render: (_, r) => r.customerName ?? '—' },
            {
              title: t('maintenance.col.order'),
              render: (_, r) =>
                r.workOrderId ? (
                  <Link to={`/workorders/${r.workOrderId}`}>{r.workOrderNumber ?? r.workOrderId}</Link>
                ) : (
                  <Tag>{t('maintenance.pending')}</Tag>
                ),
            },
          ]}
        />
        <LoadMore
          count={items.length}
          hasMore={!!runs.hasNextPage}
          loading={runs.isFetchingNextPage}
          onMore={() => void runs.fetchNextPage()}
          testId="maintenance-runs"
        />
      </Card>
    </Flex>
  );
}
