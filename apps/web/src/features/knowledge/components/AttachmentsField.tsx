import { Button, Flex, Form, Input, Select, Space, Tag, Upload } from 'antd';
import { DeleteOutlined, FileOutlined, LinkOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { KNOWLEDGE_FILE_TYPES } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { knowledgeFileUrl, useUploadKnowledgeFile } from '../api.ts';

/** An attachment row: an uploaded file (`fileId`) or a link (`url`). */
export interface FormAttachment {
  kind: 'manual' | 'video' | 'link';
  name: string;
  url?: string;
  fileId?: string;
}

const LINK_KINDS = ['manual', 'video', 'link'] as const;
const FILE_KINDS = ['manual', 'video'] as const;
/** The name an uploaded file starts with: its file name without the extension. */
const baseName = (filename: string) => filename.replace(/\.[^.]+$/, '').slice(0, 200) || filename;

/**
 * The attachments of an article: upload a manual or video (stored at once, named by the draft
 * when saved) or give a link; each row keeps its kind and a name readers see.
 */
export function AttachmentsField() {
  const { t } = useTranslation();
  const upload = useUploadKnowledgeFile();
  // `preserve`: a new file row's id is not a registered field until the row shows it.
  const rows = Form.useWatch<FormAttachment[] | undefined>('attachments', { preserve: true }) ?? [];
  const kindOptions = (kinds: readonly FormAttachment['kind'][]) =>
    kinds.map((k) => ({ value: k, label: t(`knowledge.attachmentKind.${k}`) }));
  return (
    <Form.Item label={t('knowledge.field.attachments')} extra={t('knowledge.field.uploadHint')}>
      <Form.List name="attachments">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((f, i) => {
              const fileId = rows[f.name]?.fileId;
              return (
                <Space key={f.key} align="start" wrap data-testid={`kb-attachment-row-${i}`}>
                  <Form.Item name={[f.name, 'kind']} noStyle>
                    <Select style={{ width: 96 }} options={kindOptions(fileId ? FILE_KINDS : LINK_KINDS)} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'name']}
                    noStyle
                    rules={[{ required: true, whitespace: true, max: 200 }]}
                  >
                    <Input
                      placeholder={t('knowledge.field.attachmentName')}
                      style={{ width: 180 }}
                      data-testid={`kb-attachment-name-${i}`}
                    />
                  </Form.Item>
                  {fileId ? (
                    <>
                      <Form.Item name={[f.name, 'fileId']} hidden>
                        <Input />
                      </Form.Item>
                      <Tag icon={<FileOutlined />} style={{ lineHeight: '30px' }}>
                        <a href={knowledgeFileUrl(fileId)} target="_blank" rel="noreferrer">
                          {t('knowledge.field.openFile')}
                        </a>
                      </Tag>
                    </>
                  ) : (
                    <Form.Item
                      name={[f.name, 'url']}
                      noStyle
                      rules={[{ required: true, pattern: /^(https?:\/\/|\/)\S*$/ }]}
                    >
                      <Input placeholder={t('knowledge.field.attachmentUrl')} style={{ width: 240 }} />
                    </Form.Item>
                  )}
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('knowledge.field.removeAttachment')}
                    onClick={() => remove(f.name)}
                  />
                </Space>
              );
            })}
            <Space wrap>
              <Upload
                showUploadList={false}
                accept={KNOWLEDGE_FILE_TYPES.join(',')}
                customRequest={({ file, onSuccess, onError }) => {
                  upload
                    .mutateAsync(file as File)
                    .then((r) => {
                      add({
                        kind: r.contentType.startsWith('video/') ? 'video' : 'manual',
                        name: baseName(r.filename),
                        fileId: r.id,
                      } satisfies FormAttachment);
                      onSuccess?.(r);
                    })
                    .catch((e: Error) => onError?.(e));
                }}
              >
                <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="kb-upload">
                  {t('knowledge.field.upload')}
                </Button>
              </Upload>
              <Button
                type="dashed"
                icon={<LinkOutlined />}
                onClick={() => add({ kind: 'manual', name: '', url: '' } satisfies FormAttachment)}
                data-testid="kb-add-link"
              >
                {t('knowledge.field.addLink')}
              </Button>
            </Space>
            <ProblemAlert error={upload.error} />
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
