import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ContractsTab } from '../components/ContractsTab.tsx';
import { FactoryTab } from '../components/FactoryTab.tsx';
import { SamplesTab } from '../components/SamplesTab.tsx';
import { StockTab } from '../components/StockTab.tsx';

const TABS = ['contracts', 'stock', 'factory', 'samples'] as const;
type Tab = (typeof TABS)[number];

/** 销售合同: contracts (entry, import, stock check), product stock, factory orders, showroom samples. */
export default function SalesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab') as Tab | null;
  const active: Tab = asked && TABS.includes(asked) ? asked : 'contracts';
  const body: Record<Tab, React.ReactNode> = {
    contracts: <ContractsTab />,
    stock: <StockTab />,
    factory: <FactoryTab />,
    samples: <SamplesTab />,
  };
  return (
    <>
      <PageHeader title={t('sales.title')} description={t('sales.description')} />
      <Tabs
        activeKey={active}
        destroyOnHidden
        onChange={(k) =>
          setParams(
            (p) => {
              p.set('tab', k);
              p.delete('contract');
              return p;
            },
            { replace: true },
          )
        }
        items={TABS.map((k) => ({
          key: k,
          label: <span data-testid={`sales-tab-${k}`}>{t(`sales.tabs.${k}`)}</span>,
          children: body[k],
        }))}
      />
    </>
  );
}
