import { useState } from 'react';
import { Drawer, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useSession } from '../../auth/index.ts';
import { ArticlePanel } from '../components/ArticlePanel.tsx';
import { ArticlesTab } from '../components/ArticlesTab.tsx';
import { CaseDrawer, CasesTab } from '../components/CasesTab.tsx';
import { FiguresTab } from '../components/FiguresTab.tsx';
import { SearchTab } from '../components/SearchTab.tsx';
import { SynonymsTab } from '../components/SynonymsTab.tsx';

/** 知识库: search, articles and their review, the case library, synonyms and the figures. */
export default function KnowledgePage() {
  const { t } = useTranslation();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'search';
  const open = params.get('article');
  const [caseId, setCase] = useState<string | null>(null);
  const set = (k: string, v: string | null) =>
    setParams(
      (p) => {
        if (v) p.set(k, v);
        else p.delete(k);
        return p;
      },
      { replace: true },
    );
  const items = [
    {
      key: 'search',
      label: t('knowledge.tabs.search'),
      children: <SearchTab onOpen={(id) => set('article', id)} onOpenCase={setCase} />,
    },
    {
      key: 'articles',
      label: t('knowledge.tabs.articles'),
      children: <ArticlesTab onOpen={(id) => set('article', id)} />,
    },
    { key: 'cases', label: t('knowledge.tabs.cases'), children: <CasesTab onOpen={setCase} /> },
    { key: 'synonyms', label: t('knowledge.tabs.synonyms'), children: <SynonymsTab /> },
    ...(me.permissions.includes('report:read')
      ? [{ key: 'figures', label: t('knowledge.tabs.figures'), children: <FiguresTab /> }]
      : []),
  ];
  return (
    <>
      <PageHeader title={t('knowledge.title')} description={t('knowledge.description')} />
      <Tabs activeKey={tab} onChange={(k) => set('tab', k)} items={items} data-testid="kb-tabs" />
      <Drawer
        open={!!open}
        onClose={() => set('article', null)}
        width={640}
        destroyOnHidden
        data-testid="kb-article-drawer"
      >
        {open && <ArticlePanel id={open} />}
      </Drawer>
      <CaseDrawer id={caseId} onClose={() => setCase(null)} />
    </>
  );
}
