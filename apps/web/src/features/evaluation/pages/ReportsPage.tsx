import { Flex, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { EvaluationList } from '../components/EvaluationList.tsx';
import { KpiPanel } from '../components/KpiPanel.tsx';
import { SchemeEditor } from '../components/SchemeEditor.tsx';

const TABS = ['kpis', 'evaluations', 'scheme'] as const;
type Tab = (typeof TABS)[number];

/** 报表与评价: the live KPI panel, GB/T 27922 evaluations and the scheme editor (tab in the URL). */
export default function ReportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'kpis';
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('evaluation.title')} description={t('evaluation.description')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        destroyOnHidden
        items={TABS.map((k) => ({
          key: k,
          label: <span data-testid={`reports-tab-${k}`}>{t(`evaluation.tabs.${k}`)}</span>,
          children: k === 'kpis' ? <KpiPanel /> : k === 'evaluations' ? <EvaluationList /> : <SchemeEditor />,
        }))}
      />
    </Flex>
  );
}
