import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Divider,
  Flex,
  Form,
  Input,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ArticleAction, ArticleDetail } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useArticle, useArticleStep, useSaveDraft } from '../api.ts';
import { ArticleFields, contentOf, valuesOf, type ArticleFormValues } from './ArticleForm.tsx';
import { ArticleView } from './ArticleView.tsx';

const STATUS_COLOR = {
  draft: 'default',
  in_review: 'processing',
  published: 'success',
  archived: 'warning',
} as const;

export function ArticleStatusTag({ status }: { status: ArticleDetail['status'] }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`knowledge.status.${status}`)}</Tag>;
}

/** The review steps the user may take now; a send-back asks for its reason. */
function ReviewBar({ a }: { a: ArticleDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const step = useArticleStep(a.id);
  const [note, setNote] = useState('');
  const run = (action: ArticleAction) =>
    step.mutate(
      { action, version: a.version, ...(note.trim() ? { note: note.trim() } : {}) },
      { onSuccess: () => (setNote(''), void message.success(t('knowledge.done'))) },
    );
  if (!a.actions.length) return null;
  return (
    <Flex vertical gap={8}>
      {(a.actions.includes('reject') || a.actions.includes('approve')) && (
        <Input.TextArea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          autoSize={{ minRows: 1, maxRows: 3 }}
          placeholder={t('knowledge.notePlaceholder')}
          data-testid="kb-review-note"
        />
      )}
      <Space wrap>
        {a.actions.map((act) => (
          <Button
            key={act}
            type={act === 'approve' || act === 'submit' ? 'primary' : 'default'}
            danger={act === 'archive'}
            loading={step.isPending && step.variables?.action === act}
            onClick={() => run(act)}
            data-testid={`kb-step-${act}`}
          >
            {t(`knowledge.action.${act}`)}
          </Button>
        ))}
      </Space>
      <ProblemAlert error={step.error} />
    </Flex>
  );
}

/** Edits the open draft (or starts the next one beside the published version). */
function DraftEditor({ a, onDone }: { a: ArticleDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveDraft(a.id);
  const base = a.pending ?? a.published!;
  const [form] = Form.useForm<ArticleFormValues>();
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={valuesOf(a.kind, base)}
      onFinish={(v) =>
        save.mutate({ version: a.version, content: contentOf({ ...v, kind: a.kind }) }, { onSuccess: onDone })
      }
    >
      <ArticleFields creating={false} />
      <ProblemAlert error={save.error} style={{ marginBottom: 12 }} />
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="kb-save-draft">
          {t('knowledge.saveDraft')}
        </Button>
        <Button onClick={onDone}>{t('knowledge.cancel')}</Button>
      </Space>
    </Form>
  );
}

/** One article: the published version, the open draft or review beside it, the review steps. */
export function ArticlePanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = useArticle(id);
  const [editing, setEditing] = useState(false);
  if (q.isLoading) return <Skeleton active />;
  if (!q.data) return <ProblemAlert error={q.error} />;
  const a = q.data;
  if (editing) return <DraftEditor a={a} onDone={() => setEditing(false)} />;
  return (
    <Flex vertical gap={12} data-testid="kb-article-panel">
      <Space wrap>
        <ArticleStatusTag status={a.status} />
        <Tag color="blue">{t(`knowledge.kind.${a.kind}`)}</Tag>
        <Tag>{t(`knowledge.visibility.${a.visibility}`)}</Tag>
        <Typography.Text type="secondary" className="anxin-mono">
          {a.slug}
        </Typography.Text>
      </Space>
      <Typography.Text type="secondary">
        {t('knowledge.counts', {
          helpful: a.helpfulCount,
          unhelpful: a.unhelpfulCount,
          resolved: a.resolvedCount,
        })}
      </Typography.Text>
      <ReviewBar a={a} />
      {a.canEdit && (
        <Button
          icon={<EditOutlined />}
          style={{ alignSelf: 'flex-start' }}
          onClick={() => setEditing(true)}
          data-testid="kb-edit"
        >
          {a.pending ? t('knowledge.editDraft') : t('knowledge.edit')}
        </Button>
      )}
      {a.pending && (
        <>
          <Divider titlePlacement="start" plain style={{ margin: '4px 0' }}>
            {t('knowledge.pending', {
              n: a.pending.number,
              status: t(`knowledge.versionStatus.${a.pending.status}`),
            })}
          </Divider>
          {a.pending.reviewNote && (
            <Alert
              type="warning"
              showIcon
              title={t('knowledge.reviewNote', { note: a.pending.reviewNote })}
            />
          )}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {a.pending.title}
          </Typography.Title>
          <ArticleView article={a.pending} />
        </>
      )}
      <Divider titlePlacement="start" plain style={{ margin: '4px 0' }}>
        {a.published ? t('knowledge.live', { n: a.published.number }) : t('knowledge.noLive')}
      </Divider>
      {a.published && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {a.published.title}
          </Typography.Title>
          <ArticleView article={a.published} />
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('knowledge.updatedAt')}>
              {a.published.publishedAt?.slice(0, 10)}
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
    </Flex>
  );
}
