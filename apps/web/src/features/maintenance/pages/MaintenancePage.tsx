import { Flex, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useMe } from '../../auth/index.ts';
import { DueTab } from '../components/DueTab.tsx';
import { PlansTab } from '../components/PlansTab.tsx';
import { RunsTab } from '../components/RunsTab.tsx';

/** 保养计划: plans, products coming due and the generated 保养 orders (tab in the URL). */
export default function MaintenancePage() {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = !!me.data?.permissions.includes('maintenance:manage');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'plans';
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('maintenance.title')} description={t('maintenance.description')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          { key: 'plans', label: t('maintenance.tabs.plans'), children: <PlansTab canManage={canManage} /> },
          { key: 'due', label: t('maintenance.tabs.due'), children: <DueTab /> },
          { key: 'runs', label: t('maintenance.tabs.runs'), children: <RunsTab /> },
        ]}
      />
    </Flex>
  );
}
