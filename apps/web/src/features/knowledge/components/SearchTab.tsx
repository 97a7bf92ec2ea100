import { useState } from 'react';
import { Card, Checkbox, Empty, Flex, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ARTICLE_KINDS, type ArticleKind } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useKnowledgeSearch } from '../api.ts';
import { CATEGORY_CODES } from './categories.ts';

/** Ranked search over published articles (and, on request, the case library). */
export function SearchTab({
  onOpen,
  onOpenCase,
}: {
  onOpen: (id: string) => void;
  onOpenCase: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<ArticleKind | undefined>();
  const [categoryCode, setCategory] = useState<string | undefined>();
  const [cases, setCases] = useState(false);
  const r = useKnowledgeSearch({
    q,
    ...(kind ? { kind } : {}),
    ...(categoryCode ? { categoryCode } : {}),
    cases,
  });
  return (
    <Flex vertical gap={12}>
      <Input.Search
        size="large"
        allowClear
        enterButton
        placeholder={t('knowledge.searchPlaceholder')}
        onSearch={setQ}
        data-testid="kb-search"
      />
      <Space wrap>
        <Select<ArticleKind>
          allowClear
          style={{ width: 140 }}
          placeholder={t('knowledge.allKinds')}
          value={kind}
          onChange={setKind}
          options={ARTICLE_KINDS.map((k) => ({ value: k, label: t(`knowledge.kind.${k}`) }))}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('knowledge.allCategories')}
          value={categoryCode}
          onChange={setCategory}
          options={CATEGORY_CODES.map((c) => ({ value: c, label: t(`knowledge.category.${c}`) }))}
        />
        <Checkbox checked={cases} onChange={(e) => setCases(e.target.checked)}>
          {t('knowledge.withCases')}
        </Checkbox>
        {r.data && r.data.terms.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('knowledge.terms', { terms: r.data.terms.join(' · ') })}
          </Typography.Text>
        )}
      </Space>
      <ProblemAlert error={r.error} />
      {q && r.data && r.data.items.length === 0 && <Empty description={t('knowledge.noHits')} />}
      {r.data && r.data.items.length > 0 && (
        <Card size="small">
          <List
            dataSource={r.data.items}
            renderItem={(h) => (
              <List.Item
                style={{ cursor: 'pointer' }}
                onClick={() => (h.docKind === 'case' ? onOpenCase(h.id) : onOpen(h.id))}
                data-testid="kb-hit"
                extra={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('knowledge.score', { score: h.score.toFixed(2) })}
                  </Typography.Text>
                }
              >
                <List.Item.Meta
                  title={
                    <Space size={6}>
                      {h.kind ? (
                        <Tag color="blue">{t(`knowledge.kind.${h.kind}`)}</Tag>
                      ) : (
                        <Tag color="purple">{t('knowledge.caseTag')}</Tag>
                      )}
                      {h.title}
                    </Space>
                  }
                  description={h.snippet}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </Flex>
  );
}
