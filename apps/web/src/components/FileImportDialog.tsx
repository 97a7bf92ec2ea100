import { useEffect, useState } from 'react';
import { Alert, Button, Flex, Modal, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isApiError } from '../api/client.ts';
import { fieldErrorText } from '../i18n/problem.ts';
import { ProblemAlert } from './ProblemAlert.tsx';

/** One broken cell of a refused import, for a person: the workbook row, the column's name, why. */
export interface ImportRowError {
  key: string;
  row: string;
  field: string;
  text: string;
}

/** The words of one import dialog (each feature keeps its own keys). */
export interface ImportWords {
  title: string;
  hint: string;
  template: string;
  pick: string;
  run: string;
  close: string;
  /** The refusal's headline; without it the error's own words (its code's message). */
  failed?: (count: number) => string;
  row: string;
  field: string;
  error: string;
}

/** What the dialog needs of the feature's upload mutation (a TanStack `useMutation` result). */
export interface ImportRun<R> {
  mutate: (file: File) => void;
  reset: () => void;
  isPending: boolean;
  data: R | undefined;
  error: unknown;
}

/**
 * A refusal's `rows.<n>.<column>` field errors as lines for a person; nothing for other errors
 * (those show as the problem alert).
 */
export function importErrorRows(
  t: TFunction,
  error: unknown,
  code: string,
  columnLabel: (column: string) => string,
): ImportRowError[] {
  if (!isApiError(error) || error.code !== code) return [];
  return error.errors.map((e, i) => {
    const [, row = '', column = ''] = e.path.split('.');
    return { key: String(i), row, field: columnLabel(column), text: fieldErrorText(t, e, error) };
  });
}

/**
 * An all-or-nothing file import (Excel or CSV): the template to start from, the file, and either
 * what was imported or every bad row and column — nothing is stored until the whole file is right.
 */
export function FileImportDialog<R>({
  open,
  onClose,
  words,
  accept,
  templateHref,
  testId,
  run,
  errorCode,
  columnLabel,
  done,
  width = 760,
}: {
  open: boolean;
  onClose: () => void;
  words: ImportWords;
  accept: string;
  templateHref: string;
  /** Prefix of the test ids: `<testId>-pick`, `-run`, `-done`, `-errors`. */
  testId: string;
  run: ImportRun<R>;
  errorCode: string;
  columnLabel: (column: string) => string;
  done: (data: R) => string;
  width?: number;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  useEffect(() => {
    if (!open) return;
    setFile(null);
    run.reset();
  }, [open]);
  const rows = importErrorRows(t, run.error, errorCode, columnLabel);
  return (
    <Modal
      open={open}
      onCancel={onClose}
      width={width}
      destroyOnHidden
      title={words.title}
      footer={[
        <Button key="close" onClick={onClose}>
          {words.close}
        </Button>,
        <Button
          key="run"
          type="primary"
          disabled={!file}
          loading={run.isPending}
          onClick={() => file && run.mutate(file)}
          data-testid={`${testId}-run`}
        >
          {words.run}
        </Button>,
      ]}
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {words.hint}{' '}
          <a href={templateHref} download>
            {words.template}
          </a>
        </Typography.Paragraph>
        <Upload
          accept={accept}
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            run.reset();
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
        >
          <Button icon={<UploadOutlined />} data-testid={`${testId}-pick`}>
            {words.pick}
          </Button>
        </Upload>
        {run.data !== undefined && (
          <Alert type="success" showIcon data-testid={`${testId}-done`} title={done(run.data)} />
        )}
        {rows.length > 0 ? (
          <>
            {words.failed ? (
              <Alert type="error" showIcon title={words.failed(rows.length)} />
            ) : (
              <ProblemAlert error={run.error} fieldErrors={[]} />
            )}
            <Table<ImportRowError>
              size="small"
              rowKey="key"
              data-testid={`${testId}-errors`}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={rows}
              columns={[
                { title: words.row, dataIndex: 'row', width: 70 },
                { title: words.field, dataIndex: 'field', width: 160 },
                { title: words.error, dataIndex: 'text' },
              ]}
            />
          </>
        ) : (
          run.error !== null && run.error !== undefined && <ProblemAlert error={run.error} />
        )}
      </Flex>
    </Modal>
  );
}
