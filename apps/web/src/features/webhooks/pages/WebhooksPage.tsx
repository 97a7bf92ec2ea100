import { Flex, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { DeliveriesTab } from '../components/DeliveriesTab.tsx';
import { EndpointsTab } from '../components/EndpointsTab.tsx';

/** Webhook 设置: endpoints with their subscriptions and secrets, and the delivery log (tab in the URL). */
export default function WebhooksPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'deliveries' ? 'deliveries' : 'endpoints';
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('webhooks.title')} description={t('webhooks.description')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          { key: 'endpoints', label: t('webhooks.tabs.endpoints'), children: <EndpointsTab /> },
          { key: 'deliveries', label: t('webhooks.tabs.deliveries'), children: <DeliveriesTab /> },
        ]}
      />
    </Flex>
  );
}
