import { useState } from 'react';
import { Alert, Button, Card, Flex, Popconfirm, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SynonymGroup } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { useDeleteSynonyms, useSaveSynonyms, useSynonyms } from '../api.ts';

function GroupRow({ g, canEdit }: { g: SynonymGroup | null; canEdit: boolean }) {
  const { t } = useTranslation();
  const [terms, setTerms] = useState<string[]>(g?.terms ?? []);
  const save = useSaveSynonyms();
  const del = useDeleteSynonyms();
  const dirty = JSON.stringify(terms) !== JSON.stringify(g?.terms ?? []);
  return (
    <Flex vertical gap={4}>
      <Flex gap={8} align="center">
        <Select
          mode="tags"
          open={false}
          disabled={!canEdit}
          value={terms}
          onChange={setTerms}
          tokenSeparators={[',', '，', ' ', '=']}
          style={{ flex: 1 }}
          placeholder={t('knowledge.synonyms.placeholder')}
          data-testid="kb-synonym-terms"
        />
        {canEdit && (
          <Space>
            <Button
              type="primary"
              disabled={!dirty || terms.length < 2}
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  { ...(g ? { id: g.id, version: g.version } : {}), terms },
                  { onSuccess: () => !g && setTerms([]) },
                )
              }
            >
              {t('knowledge.synonyms.save')}
            </Button>
            {g && (
              <Popconfirm title={t('knowledge.synonyms.removeConfirm')} onConfirm={() => del.mutate(g.id)}>
                <Button danger>{t('knowledge.synonyms.remove')}</Button>
              </Popconfirm>
            )}
          </Space>
        )}
      </Flex>
      <ProblemAlert error={save.error ?? del.error} />
    </Flex>
  );
}

/** Synonym groups search expands a query with (admin-editable data). */
export function SynonymsTab() {
  const { t } = useTranslation();
  const me = useSession();
  const canEdit = me.permissions.includes('knowledge:manage');
  const q = useSynonyms();
  const [adding, setAdding] = useState(false);
  return (
    <Flex vertical gap={12}>
      <Alert type="info" showIcon title={t('knowledge.synonyms.hint')} />
      <ProblemAlert error={q.error} />
      <Card size="small">
        <Flex vertical gap={10}>
          {(q.data?.items ?? []).map((g) => (
            <GroupRow key={`${g.id}:${g.version}`} g={g} canEdit={canEdit} />
          ))}
          {adding && <GroupRow g={null} canEdit={canEdit} />}
          {canEdit && !adding && (
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => setAdding(true)}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('knowledge.synonyms.add')}
            </Button>
          )}
        </Flex>
      </Card>
    </Flex>
  );
}
