import { Button, Flex, Tabs } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useMe } from '../../auth/index.ts';
import { useEvent } from '../api.ts';
import { EventDetail } from '../components/EventDetail.tsx';
import { EventsTab } from '../components/EventsTab.tsx';
import { ReferralsTab } from '../components/ReferralsTab.tsx';

/** 客户社群: referrals and events in tabs; one event's detail (the tab and the event in the URL). */
export default function CommunityPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = (me.data?.permissions ?? []).includes('community:manage');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'events' ? 'events' : 'referrals';
  const eventId = params.get('event');
  const event = useEvent(eventId);

  if (eventId)
    return (
      <Flex vertical gap={16}>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          onClick={() => setParams({ tab: 'events' })}
          style={{ alignSelf: 'flex-start', paddingLeft: 0 }}
        >
          {t('community.event.back')}
        </Button>
        <ProblemAlert error={event.error} />
        {event.data && <EventDetail event={event.data} canManage={canManage} />}
      </Flex>
    );
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('community.title')} description={t('community.description')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={[
          {
            key: 'referrals',
            label: <span data-testid="community-tab-referrals">{t('community.tabs.referrals')}</span>,
            children: <ReferralsTab canManage={canManage} />,
          },
          {
            key: 'events',
            label: <span data-testid="community-tab-events">{t('community.tabs.events')}</span>,
            children: (
              <EventsTab canManage={canManage} onOpen={(id) => setParams({ tab: 'events', event: id })} />
            ),
          },
        ]}
      />
    </Flex>
  );
}
