import { useState } from 'react';
import { Button, Card, Empty, Flex, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AlertRule } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useCategoryName } from '../../customers/index.ts';
import { useRules } from '../api.ts';
import { SEVERITY_COLOR } from './AlertsTab.tsx';
import { RuleDrawer } from './RuleDrawer.tsx';

/** Alert rules; managers add and edit them (disable by switching `active` off). */
export function RulesTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const list = useRules();
  const categoryName = useCategoryName();
  const [editing, setEditing] = useState<AlertRule | null | undefined>(undefined);
  const conditionText = (r: AlertRule) => {
    const c = r.condition;
    if (c.kind === 'fault_code')
      return t('telemetry.condition.fault_code', { codes: c.codes.join(t('telemetry.listSep')) });
    if (c.kind === 'runtime') return t(`telemetry.condition.runtime_${c.mode}`, { hours: c.hours });
    return t('telemetry.condition.threshold', {
      metric: c.metric,
      op: t(`telemetry.op.${c.op}`),
      value: c.value,
      n: c.consecutive ?? t('telemetry.defaultN'),
    });
  };
  return (
    <Flex vertical gap={12}>
      {canManage && (
        <Flex justify="flex-end">
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing(null)}
            data-testid="telemetry-rule-create"
          >
            {t('telemetry.rule.create')}
          </Button>
        </Flex>
      )}
      <ProblemAlert error={list.error} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<AlertRule>
          data-testid="telemetry-rules"
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty description={t('telemetry.noRules')} /> }}
          columns={[
            { title: t('telemetry.rule.name'), dataIndex: 'name' },
            { title: t('telemetry.rule.kind'), render: (_, r) => t(`telemetry.kind.${r.condition.kind}`) },
            { title: t('telemetry.rule.condition'), render: (_, r) => conditionText(r) },
            {
              title: t('telemetry.col.severity'),
              render: (_, r) => (
                <Tag color={SEVERITY_COLOR[r.severity]}>{t(`telemetry.severity.${r.severity}`)}</Tag>
              ),
            },
            {
              title: t('telemetry.rule.orderType'),
              render: (_, r) => t(`telemetry.orderType.${r.orderType}`),
            },
            {
              title: t('telemetry.rule.category'),
              render: (_, r) =>
                r.categoryCode ? categoryName(r.categoryCode) : t('telemetry.rule.allCategories'),
            },
            {
              title: t('telemetry.col.state'),
              render: (_, r) =>
                r.active ? (
                  <Tag color="green">{t('telemetry.rule.on')}</Tag>
                ) : (
                  <Tag>{t('telemetry.rule.off')}</Tag>
                ),
            },
            ...(canManage
              ? [
                  {
                    title: t('telemetry.col.actions'),
                    key: 'actions',
                    render: (_: unknown, r: AlertRule) => (
                      <Button size="small" onClick={() => setEditing(r)}>
                        {t('telemetry.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <RuleDrawer open={editing !== undefined} rule={editing ?? null} onClose={() => setEditing(undefined)} />
    </Flex>
  );
}
