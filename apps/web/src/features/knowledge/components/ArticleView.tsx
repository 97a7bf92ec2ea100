import { Descriptions, Flex, List, Space, Steps, Tag, Typography } from 'antd';
import { DownloadOutlined, FileTextOutlined, LinkOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isFileAttachment, type Attachment, type FaultGuide } from '@anxin/contracts';
import { knowledgeFileUrl } from '../api.ts';

export interface ViewableArticle {
  title: string;
  summary: string;
  body: string;
  fault: FaultGuide | null;
  attachments: Attachment[];
  modelCodes?: string[];
  faultCodes?: string[];
}

const ICON = { manual: <FileTextOutlined />, video: <PlayCircleOutlined />, link: <LinkOutlined /> };

/** A fault guide: symptom, causes and the checks as numbered steps, then the fix. */
export function FaultGuideView({ guide }: { guide: FaultGuide }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('knowledge.guide.symptom')}>{guide.symptom}</Descriptions.Item>
        {guide.causes.length > 0 && (
          <Descriptions.Item label={t('knowledge.guide.causes')}>
            <ul className="anxin-kb-list">
              {guide.causes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Text strong>{t('knowledge.guide.checks')}</Typography.Text>
      <Steps
        direction="vertical"
        size="small"
        current={-1}
        items={guide.checks.map((c) => ({ title: c, status: 'wait' as const }))}
      />
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('knowledge.guide.fix')}>{guide.fix}</Descriptions.Item>
      </Descriptions>
    </Flex>
  );
}

/**
 * An article's content as readers see it (published version, draft preview, portal); `portal`
 * fetches uploaded files through the public route, which serves only public live articles' files.
 */
export function ArticleView({ article, portal = false }: { article: ViewableArticle; portal?: boolean }) {
  const codes = [...(article.faultCodes ?? []), ...(article.modelCodes ?? [])];
  return (
    <Flex vertical gap={12} data-testid="kb-article-view">
      {article.summary && <Typography.Paragraph type="secondary">{article.summary}</Typography.Paragraph>}
      {codes.length > 0 && (
        <Space size={[4, 4]} wrap>
          {codes.map((c) => (
            <Tag key={c} className="anxin-mono">
              {c}
            </Tag>
          ))}
        </Space>
      )}
      {article.fault && <FaultGuideView guide={article.fault} />}
      {article.body && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {article.body}
        </Typography.Paragraph>
      )}
      <ArticleAttachments attachments={article.attachments} portal={portal} />
    </Flex>
  );
}

/** One uploaded file: a video plays inline, a manual opens (or downloads) in a new tab. */
function UploadedAttachment({ a, src }: { a: Attachment; src: string }) {
  const { t } = useTranslation();
  if (a.kind === 'video')
    return (
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Typography.Text>
          {ICON.video} {a.name}
        </Typography.Text>
        <video
          controls
          preload="metadata"
          src={src}
          style={{ width: '100%', maxWidth: 640 }}
          data-testid="kb-attachment-video"
        >
          <a href={src}>{t('knowledge.attachment.noVideo')}</a>
        </video>
      </Flex>
    );
  return (
    <Space wrap>
      <a href={src} target="_blank" rel="noreferrer" data-testid="kb-attachment-file">
        {ICON.manual} {a.name}
      </a>
      <a href={src} download>
        <DownloadOutlined /> {t('knowledge.attachment.download')}
      </a>
    </Space>
  );
}

/** The attachments of an article: uploaded files shown or played here, links opened elsewhere. */
export function ArticleAttachments({
  attachments,
  portal = false,
}: {
  attachments: Attachment[];
  portal?: boolean;
}) {
  const { t } = useTranslation();
  if (!attachments.length) return null;
  return (
    <List
      size="small"
      header={t('knowledge.attachment.title')}
      dataSource={attachments}
      data-testid="kb-attachments"
      renderItem={(a) => (
        <List.Item extra={<Tag>{t(`knowledge.attachmentKind.${a.kind}`)}</Tag>}>
          {isFileAttachment(a) ? (
            <UploadedAttachment a={a} src={knowledgeFileUrl(a.fileId, portal)} />
          ) : (
            <a href={a.url} target="_blank" rel="noreferrer">
              {ICON[a.kind]} {a.name}
            </a>
          )}
        </List.Item>
      )}
    />
  );
}
