import { useEffect, useState } from 'react';
import { Alert, Button, Flex, Modal, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FieldErrorWire } from '@anxin/contracts';
import { isApiError } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { fieldErrorText } from '../../../i18n/problem.ts';
import { templateHref, useImportCatalog } from '../api/stock.ts';

/** Workbook columns (the item's fields) → the shared labels `parts.fields.*`. */
const FIELD_LABEL = {
  code: 'code',
  nameZh: 'name',
  nameEn: 'nameEn',
  kind: 'kind',
  partClass: 'partClass',
  unit: 'unit',
  serialized: 'serialized',
  listPriceFen: 'listPrice',
  costPriceFen: 'costPrice',
  warrantyClaimable: 'warrantyClaimable',
  universal: 'universal',
  modelIds: 'models',
  discontinueOn: 'discontinueOn',
} as const;
type Column = keyof typeof FIELD_LABEL;

interface RowError {
  key: string;
  row: string;
  field: string;
  text: string;
}

/**
 * Excel import of the catalogue. The server checks every row first and imports nothing when one is
 * wrong; then each wrong cell is listed by row and column, in the user's language.
 */
export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const run = useImportCatalog();

  useEffect(() => {
    if (!open) return;
    setFile(null);
    run.reset();
  }, [open]);

  const error = run.error;
  const invalid = isApiError(error) && error.code === 'parts.import_invalid' ? error : null;
  const rows: RowError[] = (invalid?.errors ?? []).map((f: FieldErrorWire, i) => {
    // `rows.<n>.<field>`: the workbook row and the column.
    const [, row = '', field = ''] = f.path.split('.');
    const label = field in FIELD_LABEL ? t(`parts.fields.${FIELD_LABEL[field as Column]}`) : field;
    return { key: `${i}`, row, field: label, text: fieldErrorText(t, f, invalid ?? undefined) };
  });

  return (
    <Modal
      open={open}
      onCancel={onClose}
      width={640}
      destroyOnHidden
      title={t('parts.stock.import.title')}
      footer={[
        <Button key="close" onClick={onClose}>
          {t('parts.stock.close')}
        </Button>,
        <Button
          key="run"
          type="primary"
          disabled={!file}
          loading={run.isPending}
          onClick={() => file && run.mutate(file)}
          data-testid="parts-import-run"
        >
          {t('parts.stock.import.run')}
        </Button>,
      ]}
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('parts.stock.import.hint')}{' '}
          <a href={templateHref()} download>
            {t('parts.stock.catalog.template')}
          </a>
        </Typography.Paragraph>
        <Upload
          accept=".xlsx"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            run.reset();
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
        >
          <Button icon={<UploadOutlined />} data-testid="parts-import-pick">
            {t('parts.stock.import.pick')}
          </Button>
        </Upload>
        {run.data && (
          <Alert
            type="success"
            showIcon
            data-testid="parts-import-done"
            title={t('parts.stock.import.done', { created: run.data.created, updated: run.data.updated })}
          />
        )}
        {invalid ? (
          <>
            {/* The code's own words (how many errors, nothing imported); the cells are listed below. */}
            <ProblemAlert error={invalid} fieldErrors={[]} />
            <Table<RowError>
              size="small"
              rowKey="key"
              data-testid="parts-import-errors"
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={rows}
              columns={[
                { title: t('parts.stock.import.row'), dataIndex: 'row', width: 80 },
                { title: t('parts.stock.import.column'), dataIndex: 'field', width: 140 },
                { title: t('parts.stock.import.error'), dataIndex: 'text' },
              ]}
            />
          </>
        ) : (
          error && <ProblemAlert error={error} />
        )}
      </Flex>
    </Modal>
  );
}
