import { useState } from 'react';
import { Alert, Button, Flex, List, Typography, Upload } from 'antd';
import { FileOutlined, FilePdfOutlined, FileImageOutlined, PaperClipOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { ALLOWED_UPLOAD_TYPES, UPLOAD_ACCEPT, attachmentUrl, useUploadAttachment, type AttachmentView } from '../api.ts';

/** The server's default limit (ANXIN_UPLOAD_LIMIT_BYTES); the server's answer is what counts. */
const MAX_BYTES = 20 * 1_048_576;

export const formatBytes = (n: number) =>
  n < 1024 ? `${n} B` : n < 1_048_576 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1_048_576).toFixed(1)} MB`;

const iconOf = (type: string) =>
  type.startsWith('image/') ? <FileImageOutlined /> : type.startsWith('video/') ? <VideoCameraOutlined /> : type === 'application/pdf' ? <FilePdfOutlined /> : <FileOutlined />;

/** Upload photos, videos or PDFs to an order; type and size are checked before sending. */
export function AttachmentUploader({ orderId, attachments = [], canUpload = true }: { orderId: string; attachments?: AttachmentView[]; canUpload?: boolean }) {
  const { t } = useTranslation();
  const upload = useUploadAttachment(orderId);
  const [localError, setLocalError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<AttachmentView[]>([]);
  const shown = [...attachments, ...uploaded.filter((u) => !attachments.some((a) => a.id === u.id))];

  const send = async (file: File) => {
    setLocalError(null);
    upload.reset();
    if (!ALLOWED_UPLOAD_TYPES.includes(file.type)) {
      setLocalError(t('workorders.attachments.badType', { name: file.name }));
      return;
    }
    if (file.size > MAX_BYTES) {
      setLocalError(t('workorders.attachments.tooLarge', { name: file.name, max: formatBytes(MAX_BYTES) }));
      return;
    }
    const a = await upload.mutateAsync(file).catch(() => null);
    if (a) setUploaded((u) => [...u, a]);
  };

  return (
    <Flex vertical gap={8} data-testid="attachments">
      {shown.length > 0 && (
        <List
          size="small"
          dataSource={shown}
          renderItem={(a) => (
            <List.Item key={a.id} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatBytes(a.sizeBytes)} · {dayjs(a.createdAt).format('MM-DD HH:mm')}</Typography.Text>}>
              <a href={attachmentUrl(orderId, a.id)} download={a.filename} className="anxin-attachment" data-testid="attachment-link">
                {iconOf(a.contentType)} {a.filename}
              </a>
            </List.Item>
          )}
        />
      )}
      {canUpload && (
        <Upload
          accept={UPLOAD_ACCEPT}
          showUploadList={false}
          multiple
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <Button icon={<PaperClipOutlined />} loading={upload.isPending} data-testid="attachment-upload">
            {t('workorders.attachments.upload')}
          </Button>
        </Upload>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('workorders.attachments.hint', { max: formatBytes(MAX_BYTES) })}
      </Typography.Text>
      {localError && <Alert type="error" showIcon title={localError} closable onClose={() => setLocalError(null)} data-testid="attachment-error" />}
      <ProblemAlert error={upload.error} />
    </Flex>
  );
}
