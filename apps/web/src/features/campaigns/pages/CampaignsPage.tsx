import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { Campaign } from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useMe } from '../../auth/index.ts';
import { useCampaign } from '../api.ts';
import { CallPanel } from '../components/CallPanel.tsx';
import { CampaignDrawer } from '../components/CampaignDrawer.tsx';
import { CampaignList } from '../components/CampaignList.tsx';
import { ResultsPanel } from '../components/ResultsPanel.tsx';
import { StatusTag } from '../components/StatusTag.tsx';

/** 外呼活动: the campaigns, and one campaign's calling screen or results (both in the URL). */
export default function CampaignsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const perms = me.data?.permissions ?? [];
  const canManage = perms.includes('campaigns:manage');
  const canCall = perms.includes('campaigns:call');
  const [params, setParams] = useSearchParams();
  const id = params.get('campaign');
  const view = params.get('view') === 'call' ? 'call' : 'results';
  const [editing, setEditing] = useState<Campaign | null | undefined>(undefined);
  const campaign = useCampaign(id);

  if (id)
    return (
      <Flex vertical gap={16}>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          onClick={() => setParams({})}
          style={{ alignSelf: 'flex-start', paddingLeft: 0 }}
        >
          {t('campaigns.actions.back')}
        </Button>
        <ProblemAlert error={campaign.error} />
        {campaign.data && (
          <>
            <Flex gap={8} align="center">
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t(view === 'call' ? 'campaigns.call.title' : 'campaigns.results.title', {
                  name: campaign.data.name,
                })}
              </Typography.Title>
              <StatusTag status={campaign.data.status} />
            </Flex>
            {view === 'call' ? (
              <CallPanel campaign={campaign.data} />
            ) : (
              <ResultsPanel campaign={campaign.data} />
            )}
          </>
        )}
      </Flex>
    );
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('campaigns.title')}
        description={t('campaigns.description')}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing(null)}
              data-testid="campaign-create"
            >
              {t('campaigns.create')}
            </Button>
          )
        }
      />
      <CampaignList
        canManage={canManage}
        canCall={canCall}
        onEdit={setEditing}
        onOpen={(c, v) => setParams({ campaign: c.id, view: v })}
      />
      <CampaignDrawer
        open={editing !== undefined}
        campaign={editing ?? null}
        onClose={() => setEditing(undefined)}
      />
    </Flex>
  );
}
