import { useState } from 'react';
import { Button, Drawer, Flex, Form, Input, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ARTICLE_KINDS, ARTICLE_STATUSES, type ArticleKind, type ArticleStatus } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { useArticles, useCreateArticle } from '../api.ts';
import { ArticleFields, contentOf, type ArticleFormValues } from './ArticleForm.tsx';
import { ArticleStatusTag } from './ArticlePanel.tsx';

function NewArticle({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateArticle();
  const [form] = Form.useForm<ArticleFormValues>();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={680}
      title={t('knowledge.newArticle')}
      destroyOnHidden
      extra={
        <Button
          type="primary"
          loading={create.isPending}
          onClick={() => form.submit()}
          data-testid="kb-create"
        >
          {t('knowledge.saveDraft')}
        </Button>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'fault', visibility: 'public' }}
        onFinish={(v) =>
          create.mutate(
            { slug: v.slug!, kind: v.kind, ...contentOf(v) },
            { onSuccess: (a) => (form.resetFields(), onCreated(a.id)) },
          )
        }
      >
        <ArticleFields creating />
        <ProblemAlert error={create.error} />
      </Form>
    </Drawer>
  );
}

/** Every article in every state, for writers and reviewers. */
export function ArticlesTab({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const [status, setStatus] = useState<ArticleStatus | undefined>();
  const [kind, setKind] = useState<ArticleKind | undefined>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const list = useArticles({ ...(status ? { status } : {}), ...(kind ? { kind } : {}), ...(q ? { q } : {}) });
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap justify="space-between">
        <Flex gap={8} wrap>
          <Select<ArticleStatus>
            allowClear
            style={{ width: 140 }}
            placeholder={t('knowledge.allStatuses')}
            value={status}
            onChange={setStatus}
            options={ARTICLE_STATUSES.map((s) => ({ value: s, label: t(`knowledge.status.${s}`) }))}
            data-testid="kb-filter-status"
          />
          <Select<ArticleKind>
            allowClear
            style={{ width: 140 }}
            placeholder={t('knowledge.allKinds')}
            value={kind}
            onChange={setKind}
            options={ARTICLE_KINDS.map((k) => ({ value: k, label: t(`knowledge.kind.${k}`) }))}
          />
          <Input.Search
            allowClear
            style={{ width: 220 }}
            onSearch={setQ}
            placeholder={t('knowledge.field.title')}
          />
        </Flex>
        {me.permissions.includes('knowledge:write') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="kb-new"
          >
            {t('knowledge.newArticle')}
          </Button>
        )}
      </Flex>
      <ProblemAlert error={list.error} />
      <Table
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('knowledge.field.title'), dataIndex: 'title' },
          {
            title: t('knowledge.field.kind'),
            dataIndex: 'kind',
            width: 110,
            render: (k: ArticleKind) => t(`knowledge.kind.${k}`),
          },
          {
            title: t('knowledge.field.visibility'),
            dataIndex: 'visibility',
            width: 90,
            render: (v: 'internal' | 'public') => <Tag>{t(`knowledge.visibility.${v}`)}</Tag>,
          },
          {
            title: t('knowledge.statusCol'),
            dataIndex: 'status',
            width: 200,
            render: (_: unknown, r) => (
              <Flex gap={4}>
                <ArticleStatusTag status={r.status} />
                {r.pendingStatus && r.status === 'published' && (
                  <Tag color="processing">{t(`knowledge.versionStatus.${r.pendingStatus}`)}</Tag>
                )}
              </Flex>
            ),
          },
          { title: t('knowledge.helpful'), dataIndex: 'helpfulCount', width: 80, align: 'right' as const },
          { title: t('knowledge.resolved'), dataIndex: 'resolvedCount', width: 90, align: 'right' as const },
          {
            title: t('knowledge.updatedAt'),
            dataIndex: 'updatedAt',
            width: 120,
            render: (v: string) => v.slice(0, 10),
          },
        ]}
      />
      <NewArticle
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => (setCreating(false), onOpen(id))}
      />
    </Flex>
  );
}
