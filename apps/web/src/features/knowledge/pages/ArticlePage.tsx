import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ArticlePanel } from '../components/ArticlePanel.tsx';

/** One article on its own page (linked from an order resolved with it). */
export default function ArticlePage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  return (
    <>
      <PageHeader title={t('knowledge.title')} />
      <Card>{id && <ArticlePanel id={id} />}</Card>
    </>
  );
}
