import { App, Button, Progress, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useBuildList, useCampaigns, useStepCampaign } from '../api.ts';
import { StatusTag } from './StatusTag.tsx';

/** Campaigns with their reach progress and the actions the viewer may take. */
export function CampaignList({
  canManage,
  canCall,
  onEdit,
  onOpen,
}: {
  canManage: boolean;
  canCall: boolean;
  onEdit: (c: Campaign) => void;
  onOpen: (c: Campaign, view: 'call' | 'results') => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const campaigns = useCampaigns();
  const build = useBuildList();
  const step = useStepCampaign();
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (e) {
      modal.error({ content: <ProblemAlert error={e} /> });
    }
  };
  const onBuild = (c: Campaign) =>
    run(async () => {
      const r = await build.mutateAsync(c.id);
      message.success(t('campaigns.built', r));
    });
  const onStep = (c: Campaign, to: 'active' | 'finished') =>
    modal.confirm({
      content:
        to === 'active' ? t('campaigns.activateConfirm') : t('campaigns.finishConfirm', { name: c.name }),
      onOk: () => run(() => step.mutateAsync({ id: c.id, to, version: c.version })),
    });
  return (
    <>
      <ProblemAlert error={campaigns.error} />
      <Table<Campaign>
        rowKey="id"
        loading={campaigns.isPending}
        dataSource={campaigns.data ?? []}
        locale={{ emptyText: t('campaigns.empty') }}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: t('campaigns.col.name'), dataIndex: 'name' },
          { title: t('campaigns.col.purpose'), render: (_, c) => t(`campaigns.purpose.${c.purpose}`) },
          { title: t('campaigns.col.status'), render: (_, c) => <StatusTag status={c.status} /> },
          {
            title: t('campaigns.col.progress'),
            width: 220,
            render: (_, c) => (
              <Space>
                <Progress
                  percent={c.targets ? Math.round((c.settled / c.targets) * 100) : 0}
                  size="small"
                  style={{ width: 120 }}
                />
                {t('campaigns.progress', { settled: c.settled, targets: c.targets })}
              </Space>
            ),
          },
          { title: t('campaigns.col.reached'), dataIndex: 'reached', width: 90 },
          {
            title: t('campaigns.col.actions'),
            render: (_, c) => (
              <Space wrap size={0}>
                {canManage && c.status === 'draft' && (
                  <Button type="link" onClick={() => onEdit(c)}>
                    {t('campaigns.actions.edit')}
                  </Button>
                )}
                {canManage && c.status !== 'finished' && (
                  <Button type="link" onClick={() => onBuild(c)} data-testid={`campaign-build-${c.id}`}>
                    {c.builtAt ? t('campaigns.actions.rebuild') : t('campaigns.actions.build')}
                  </Button>
                )}
                {canManage && c.status === 'draft' && (
                  <Button
                    type="link"
                    onClick={() => onStep(c, 'active')}
                    data-testid={`campaign-activate-${c.id}`}
                  >
                    {t('campaigns.actions.activate')}
                  </Button>
                )}
                {canCall && c.status === 'active' && (
                  <Button type="link" onClick={() => onOpen(c, 'call')} data-testid={`campaign-call-${c.id}`}>
                    {t('campaigns.actions.call')}
                  </Button>
                )}
                <Button
                  type="link"
                  onClick={() => onOpen(c, 'results')}
                  data-testid={`campaign-results-${c.id}`}
                >
                  {t('campaigns.actions.results')}
                </Button>
                {canManage && c.status === 'active' && (
                  <Button type="link" danger onClick={() => onStep(c, 'finished')}>
                    {t('campaigns.actions.finish')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
