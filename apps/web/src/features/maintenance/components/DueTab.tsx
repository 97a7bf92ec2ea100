import { useState } from 'react';
import { Card, Empty, Flex, InputNumber, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MaintenanceDueItem } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useMaintenanceDue, useMaintenancePlans } from '../api.ts';

/** Products of one plan coming due within N days (overdue included), with the day each is generated. */
export function DueTab() {
  const { t } = useTranslation();
  const plans = useMaintenancePlans();
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const [days, setDays] = useState(60);
  const planId = picked ?? plans.data?.items[0]?.id;
  const due = useMaintenanceDue(planId, days);
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} align="center" wrap>
        <Select
          style={{ minWidth: 260 }}
          placeholder={t('maintenance.pickPlan')}
          value={planId}
          onChange={setPicked}
          options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          data-testid="maintenance-due-plan"
        />
        <Typography.Text>{t('maintenance.within')}</Typography.Text>
        <InputNumber min={1} max={366} value={days} onChange={(v) => setDays(v ?? 60)} />
      </Flex>
      <ProblemAlert error={plans.error ?? due.error} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<MaintenanceDueItem>
          data-testid="maintenance-due"
          rowKey="productId"
          loading={!!planId && due.isPending}
          dataSource={due.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={t('maintenance.noDue')} /> }}
          columns={[
            { title: t('maintenance.col.dueOn'), dataIndex: 'dueOn' },
            { title: t('maintenance.col.generateOn'), dataIndex: 'generateOn' },
            { title: t('maintenance.col.serial'), dataIndex: 'serial' },
            { title: t('maintenance.col.customer'), dataIndex: 'customerName' },
            {
              title: t('maintenance.col.address'),
              render: (_, d) => d.address ?? t('maintenance.ownAddress'),
            },
            {
              title: t('maintenance.col.basis'),
              render: (_, d) =>
                d.basis === 'running_hours' && d.dueHours !== null
                  ? `${t('maintenance.basis.running_hours')}（${t('maintenance.atHours', { n: d.dueHours })}）`
                  : t(`maintenance.basis.${d.basis}`),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
