import { useState } from 'react';
import { Tabs } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useMe } from '../../auth/index.ts';
import { FiguresTab } from '../components/FiguresTab.tsx';
import { RecordsTab } from '../components/RecordsTab.tsx';
import { StaffingTab } from '../components/StaffingTab.tsx';
import '../callcenter.css';

/** 话务统计: the figures of a date range, the call records and (for supervisors) the staffing planner. */
export default function CallCenterPage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = (p: string) => !!me.data?.permissions.includes(p as never);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'figures';
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(13, 'day'), dayjs()]);
  const items = [
    {
      key: 'figures',
      label: t('callcenter.tabs.figures'),
      children: <FiguresTab range={range} onRange={setRange} canImport={can('callcenter:manage')} />,
    },
    { key: 'records', label: t('callcenter.tabs.records'), children: <RecordsTab range={range} /> },
    can('callcenter:read') && {
      key: 'staffing',
      label: t('callcenter.tabs.staffing'),
      children: <StaffingTab range={range} />,
    },
  ].filter((x): x is { key: string; label: string; children: React.JSX.Element } => !!x);
  return (
    <>
      <PageHeader title={t('callcenter.title')} description={t('callcenter.description')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams((p) => (p.set('tab', k), p), { replace: true })}
        items={items.map((i) => ({
          ...i,
          label: <span data-testid={`callcenter-tab-${i.key}`}>{i.label}</span>,
        }))}
      />
    </>
  );
}
