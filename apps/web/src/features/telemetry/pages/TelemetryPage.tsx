import { Flex, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useMe } from '../../auth/index.ts';
import { AlertsTab } from '../components/AlertsTab.tsx';
import { DevicesTab } from '../components/DevicesTab.tsx';
import { RulesTab } from '../components/RulesTab.tsx';

/** 设备预警: alerts (each with its order), monitored devices and alert rules (tab in the URL). */
export default function TelemetryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = !!me.data?.permissions.includes('telemetry:manage');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'alerts';
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('telemetry.title')} description={t('telemetry.description')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          { key: 'alerts', label: t('telemetry.tabs.alerts'), children: <AlertsTab canManage={canManage} /> },
          {
            key: 'devices',
            label: t('telemetry.tabs.devices'),
            children: <DevicesTab canManage={canManage} />,
          },
          { key: 'rules', label: t('telemetry.tabs.rules'), children: <RulesTab canManage={canManage} /> },
        ]}
      />
    </Flex>
  );
}
