import { Flex, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ChannelsTab } from '../components/ChannelsTab.tsx';
import { DeliveriesTab } from '../components/DeliveriesTab.tsx';
import { TemplatesTab } from '../components/TemplatesTab.tsx';

const TABS = ['channels', 'templates', 'deliveries'] as const;

/** 通知渠道: channel settings (secrets masked), templates per event and locale, the delivery log. */
export default function NotifyChannelsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'channels';
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('notify.title')} description={t('notify.description')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          { key: 'channels', label: t('notify.tabs.channels'), children: <ChannelsTab /> },
          { key: 'templates', label: t('notify.tabs.templates'), children: <TemplatesTab /> },
          { key: 'deliveries', label: t('notify.tabs.deliveries'), children: <DeliveriesTab /> },
        ]}
      />
    </Flex>
  );
}
