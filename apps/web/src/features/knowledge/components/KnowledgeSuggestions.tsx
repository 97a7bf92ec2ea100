import { useEffect, useState } from 'react';
import { App, Button, Card, Drawer, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { BulbOutlined, CheckOutlined, DislikeOutlined, LikeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useArticle, useFeedback, useSuggestions } from '../api.ts';
import { ArticleView } from './ArticleView.tsx';

/** Waits until the text stops changing for `ms` (no request per keystroke). */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

interface Props {
  text: string;
  channel: 'agent' | 'technician';
  categoryCode?: string | undefined;
  modelCode?: string | undefined;
  faultCode?: string | undefined;
  orderId?: string | undefined;
  /** The agent resolves the call with this article (intake form). */
  onUse?: ((hit: { id: string; title: string; fix: string | null }) => void) | undefined;
  compact?: boolean;
}

/** One suggested article opened in a drawer, with "this solved it" feedback. */
function SuggestionDrawer({
  id,
  onClose,
  channel,
  orderId,
  onUse,
}: {
  id: string | null;
  onClose: () => void;
  channel: 'agent' | 'technician';
  orderId?: string | undefined;
  onUse?: Props['onUse'];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const article = useArticle(id);
  const feedback = useFeedback();
  const live = article.data?.published;
  const vote = (helpful: boolean) =>
    feedback.mutate(
      { id: id!, helpful, channel, ...(orderId ? { orderId } : {}) },
      { onSuccess: () => void message.success(t('knowledge.suggest.thanks')) },
    );
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      // The technician reads it on the phone: the whole screen.
      width={channel === 'technician' ? '100%' : 560}
      title={live?.title ?? article.data?.title}
      data-testid="kb-suggestion-drawer"
      extra={
        onUse && live ? (
          <Button
            type="primary"
            icon={<CheckOutlined />}
            data-testid="kb-use-article"
            onClick={() => {
              onUse({ id: id!, title: live.title, fix: live.fault?.fix ?? null });
              vote(true);
              onClose();
            }}
          >
            {t('knowledge.suggest.use')}
          </Button>
        ) : null
      }
    >
      <ProblemAlert error={article.error ?? feedback.error} style={{ marginBottom: 12 }} />
      {live && <ArticleView article={live} />}
      {live && !onUse && (
        <Space style={{ marginTop: 16 }}>
          <Button icon={<LikeOutlined />} onClick={() => vote(true)} data-testid="kb-solved">
            {t('knowledge.suggest.solved')}
          </Button>
          <Button icon={<DislikeOutlined />} onClick={() => vote(false)}>
            {t('knowledge.suggest.notSolved')}
          </Button>
        </Space>
      )}
    </Drawer>
  );
}

/** Top articles for what is being typed (intake) or for the order's model and fault code (phone). */
export function KnowledgeSuggestions(p: Props) {
  const { t } = useTranslation();
  const text = useDebounced(p.text, 400);
  const [open, setOpen] = useState<string | null>(null);
  const q = useSuggestions({
    text,
    channel: p.channel,
    categoryCode: p.categoryCode,
    modelCode: p.modelCode,
    faultCode: p.faultCode,
  });
  const items: SearchHit[] = q.data?.items ?? [];
  const waiting = text.trim().length < 2 && !p.faultCode;
  return (
    <Card
      size="small"
      className="anxin-kb-suggest"
      title={
        <Space>
          <BulbOutlined style={{ color: '#faad14' }} />
          {t('knowledge.suggest.title')}
        </Space>
      }
      data-testid="kb-suggestions"
    >
      {waiting ? (
        <Typography.Text type="secondary">{t('knowledge.suggest.empty')}</Typography.Text>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('knowledge.suggest.none')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(h) => (
            <List.Item
              key={h.id}
              style={{ cursor: 'pointer' }}
              onClick={() => setOpen(h.id)}
              data-testid="kb-suggestion"
              extra={
                <Button size="small" type="link">
                  {t('knowledge.suggest.open')}
                </Button>
              }
            >
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Space size={6}>
                  {h.kind && <Tag color="blue">{t(`knowledge.kind.${h.kind}`)}</Tag>}
                  <Typography.Text strong>{h.title}</Typography.Text>
                </Space>
                {!p.compact && (
                  <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                    {h.snippet}
                  </Typography.Text>
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
      <SuggestionDrawer
        id={open}
        onClose={() => setOpen(null)}
        channel={p.channel}
        orderId={p.orderId}
        onUse={p.onUse}
      />
    </Card>
  );
}
