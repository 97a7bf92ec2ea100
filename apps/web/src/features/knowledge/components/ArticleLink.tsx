import { Space, Tag, Typography } from 'antd';
import { BookOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useArticle } from '../api.ts';

/** The knowledge article a remote resolution used, as a link to the article (order detail). */
export function KnowledgeArticleLink({ id }: { id: string }) {
  const { t } = useTranslation();
  const a = useArticle(id);
  return (
    <Space size={6} data-testid="order-knowledge-article">
      <BookOutlined />
      <Link to={`/knowledge/articles/${id}`}>{a.data?.title ?? id}</Link>
      {a.data && <Tag>{t(`knowledge.kind.${a.data.kind}`)}</Tag>}
      {a.data && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('knowledge.orderArticle')}
        </Typography.Text>
      )}
    </Space>
  );
}
