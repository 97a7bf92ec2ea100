import { useState } from 'react';
import { Alert, Button, Flex, Typography, Upload } from 'antd';
import {
  FileOutlined,
  FilePdfOutlined,
  FileImageOutlined,
  PaperClipOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { bj } from '../time.ts';
import { isApiError } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import {
  ALLOWED_UPLOAD_TYPES,
  UPLOAD_ACCEPT,
  attachmentUrl,
  useUploadAttachment,
  type AttachmentView,
} from '../api.ts';

/** The server's default limit (ANXIN_UPLOAD_LIMIT_BYTES); the server's answer is what counts. */
const MAX_BYTES = 20 * 1_048_576;

export const formatBytes = (n: number) =>
  n < 1024 ? `${n} B` : n < 1_048_576 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1_048_576).toFixed(1)} MB`;

const iconOf = (type: string) =>
  type.startsWith('image/') ? (
    <FileImageOutlined />
  ) : type.startsWith('video/') ? (
    <VideoCameraOutlined />
  ) : type === 'application/pdf' ? (
    <FilePdfOutlined />
  ) : (
    <FileOutlined />
  );

/** Upload photos, videos or PDFs to an order; type and size are checked before sending. */
export function AttachmentUploader({
  orderId,
  attachments = [],
  canUpload = true,
}: {
  orderId: string;
  attachments?: AttachmentView[];
  canUpload?: boolean;
}) {
  const { t } = useTranslation();
  const upload = useUploadAttachment(orderId);
  const [localError, setLocalError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<AttachmentView[]>([]);
  const [lastName, setLastName] = useState('');
  const shown = [...attachments, ...uploaded.filter((u) => !attachments.some((a) => a.id === u.id))];

  // The server's file rules (type, magic bytes, size) in the user's language.
  const fileRule = isApiError(upload.error)
    ? upload.error.errors.find((e) => e.path === 'file')?.rule
    : undefined;
  const serverMessage =
    fileRule === 'content_mismatch'
      ? t('workorders.attachments.mismatch', { name: lastName })
      : fileRule === 'media_type'
        ? t('workorders.attachments.badType', { name: lastName })
        : fileRule === 'max_size'
          ? t('workorders.attachments.tooLarge', { name: lastName, max: formatBytes(MAX_BYTES) })
          : null;

  const send = async (file: File) => {
    setLastName(file.name);
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
        <Flex vertical className="anxin-order-rows">
          {shown.map((a) => (
            <Flex
              key={a.id}
              justify="space-between"
              align="center"
              gap={8}
              wrap
              className="anxin-order-rows__row"
            >
              <a
                href={attachmentUrl(orderId, a.id)}
                download={a.filename}
                className="anxin-attachment"
                data-testid="attachment-link"
              >
                {iconOf(a.contentType)} {a.filename}
              </a>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatBytes(a.sizeBytes)} · {bj(a.createdAt).format('MM-DD HH:mm')}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
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
      {localError && (
        <Alert
          type="error"
          showIcon
          title={localError}
          closable
          onClose={() => setLocalError(null)}
          data-testid="attachment-error"
        />
      )}
      {serverMessage ? (
        <Alert
          type="error"
          showIcon
          title={serverMessage}
          closable
          onClose={() => upload.reset()}
          data-testid="attachment-error"
          data-code={isApiError(upload.error) ? upload.error.code : undefined}
        />
      ) : (
        <ProblemAlert error={upload.error} />
      )}
    </Flex>
  );
}
