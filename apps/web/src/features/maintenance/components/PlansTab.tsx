import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { MaintenancePlan } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useCategoryName } from '../../customers/index.ts';
import { useDeletePlan, useMaintenancePlans, useModels, useRunNow } from '../api.ts';
import { PlanDrawer } from './PlanDrawer.tsx';

/** The plans table; managers add, edit, delete and run the generation now. */
export function PlansTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useMaintenancePlans();
  const models = useModels();
  const categoryName = useCategoryName();
  const remove = useDeletePlan();
  const run = useRunNow();
  const [editing, setEditing] = useState<MaintenancePlan | null | undefined>(undefined);
  const defaultLead = list.data?.defaultLeadDays ?? 0;
  const modelName = (id: string) => {
    const m = models.data?.find((x) => x.id === id);
    return m ? `${m.modelCode} · ${m.name}` : id;
  };

  const runNow = async () => {
    const r = await run.mutateAsync();
    message.success(t('maintenance.runDone', { count: r.created.length }));
    if (r.failed) message.warning(t('maintenance.runFailed', { count: r.failed }));
  };

  return (
    <Flex vertical gap={12}>
      {canManage && (
        <Flex justify="flex-end" gap={8}>
          <Button
            icon={<PlayCircleOutlined />}
            loading={run.isPending}
            onClick={() => void runNow().catch(() => undefined)}
            data-testid="maintenance-run"
          >
            {t('maintenance.runNow')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing(null)}
            data-testid="maintenance-create"
          >
            {t('maintenance.create')}
          </Button>
        </Flex>
      )}
      <ProblemAlert error={list.error ?? remove.error ?? run.error} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<MaintenancePlan>
          data-testid="maintenance-plans"
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty description={t('maintenance.empty')} /> }}
          columns={[
            { title: t('maintenance.col.name'), dataIndex: 'name' },
            {
              title: t('maintenance.col.target'),
              render: (_, p) =>
                p.modelId
                  ? t('maintenance.target.model', { name: modelName(p.modelId) })
                  : t('maintenance.target.category', { name: categoryName(p.categoryCode ?? '') }),
            },
            {
              title: t('maintenance.col.interval'),
              render: (_, p) => intervalText(t, p),
            },
            {
              title: t('maintenance.col.lead'),
              render: (_, p) =>
                p.leadDays === null
                  ? t('maintenance.leadDefault', { n: p.effectiveLeadDays })
                  : t('maintenance.days', { n: p.leadDays }),
            },
            {
              title: t('maintenance.col.checklist'),
              render: (_, p) => (
                <Typography.Text ellipsis={{ tooltip: p.checklist.join('；') }} style={{ maxWidth: 240 }}>
                  {p.checklist.join('；')}
                </Typography.Text>
              ),
            },
            {
              title: t('maintenance.col.kit'),
              render: (_, p) => p.partsKit.map((k) => `${k.partCode} ×${k.quantity}`).join('，') || '—',
            },
            {
              title: t('maintenance.col.status'),
              render: (_, p) =>
                p.active ? (
                  <Tag color="green">{t('maintenance.active')}</Tag>
                ) : (
                  <Tag>{t('maintenance.inactive')}</Tag>
                ),
            },
            ...(canManage
              ? [
                  {
                    title: t('maintenance.col.actions'),
                    key: 'actions',
                    render: (_: unknown, p: MaintenancePlan) => (
                      <Space>
                        <Button size="small" onClick={() => setEditing(p)}>
                          {t('maintenance.edit')}
                        </Button>
                        <Popconfirm
                          title={t('maintenance.deleteConfirm', { name: p.name })}
                          onConfirm={() =>
                            remove.mutateAsync(p.id).then(
                              () => message.success(t('maintenance.deleted')),
                              () => undefined,
                            )
                          }
                        >
                          <Button size="small" danger>
                            {t('maintenance.delete')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <PlanDrawer
        open={editing !== undefined}
        plan={editing ?? null}
        defaultLead={defaultLead}
        onClose={() => setEditing(undefined)}
      />
    </Flex>
  );
}

/** "每 6 个月" / "每运行 500 小时" / both, "以先到者为准". */
function intervalText(
  t: TFunction,
  p: { intervalMonths: number | null; intervalHours: number | null },
): string {
  const parts = [
    p.intervalMonths ? t('maintenance.months', { n: p.intervalMonths }) : null,
    p.intervalHours ? t('maintenance.hours', { n: p.intervalHours }) : null,
  ].filter((x): x is string => x !== null);
  if (parts.length === 2) return t('maintenance.either', { a: parts.join(' / ') });
  return parts[0] ?? '—';
}
