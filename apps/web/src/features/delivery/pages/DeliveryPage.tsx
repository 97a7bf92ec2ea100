import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useMe } from '../../auth/index.ts';
import { BookingsTab } from '../components/BookingsTab.tsx';
import { ContractsTab } from '../components/ContractsTab.tsx';
import { CrewsTab } from '../components/CrewsTab.tsx';
import { FiguresTab } from '../components/FiguresTab.tsx';
import { PlanTab } from '../components/PlanTab.tsx';

/** 送货安装: contracts to book, deliveries, routes per crew, crews and the delivery figures. */
export default function DeliveryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = (p: string) => !!me.data?.permissions.includes(p as never);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? (can('delivery:book') ? 'contracts' : 'bookings');
  const items = [
    can('delivery:book') && {
      key: 'contracts',
      label: t('delivery.tabs.contracts'),
      children: <ContractsTab />,
    },
    { key: 'bookings', label: t('delivery.tabs.bookings'), children: <BookingsTab /> },
    can('delivery:plan') && { key: 'plan', label: t('delivery.tabs.plan'), children: <PlanTab /> },
    { key: 'crews', label: t('delivery.tabs.crews'), children: <CrewsTab canPlan={can('delivery:plan')} /> },
    { key: 'figures', label: t('delivery.tabs.figures'), children: <FiguresTab /> },
  ].filter((x): x is { key: string; label: string; children: React.JSX.Element } => !!x);
  return (
    <>
      <PageHeader title={t('delivery.title')} description={t('delivery.description')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams((p) => (p.set('tab', k), p), { replace: true })}
        items={items.map((i) => ({
          ...i,
          label: <span data-testid={`delivery-tab-${i.key}`}>{i.label}</span>,
        }))}
        destroyOnHidden
      />
    </>
  );
}
