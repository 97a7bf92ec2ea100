import { useEffect, useState } from 'react';
import { Alert, Button, Flex, Modal, Select, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SalesImportResult } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { fieldErrorText } from '../../../i18n/problem.ts';
import { useSession } from '../../auth/index.ts';
import { templateHref, useImportContracts, useStoreOptions } from '../api.ts';
import { pathLabel } from './labels.ts';

interface RowError {
  key: string;
  contractNo: string;
  rows: string;
  field: string;
  text: string;
}

/** The refused contracts of an import, one line per broken field, in the user's language. */
export function rejectionRows(t: Parameters<typeof pathLabel>[0], result: SalesImportResult): RowError[] {
  return result.rejected.flatMap((r, i) =>
    r.errors.map((e, j) => ({
      key: `${i}:${j}`,
      contractNo: r.contractNo || '—',
      rows: r.rows.join(', '),
      field: pathLabel(t, e.path),
      text: fieldErrorText(t, e as Parameters<typeof fieldErrorText>[1]),
    })),
  );
}

/**
 * Excel import of the day's contracts: good contracts go in, each refused one is listed with its
 * workbook rows and every broken field, so the store can fix the sheet and import those again.
 */
export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [store, setStore] = useState<string | undefined>();
  const run = useImportContracts();
  const ownStore = me.scope.outletId;
  const stores = useStoreOptions(open && !ownStore && me.permissions.includes('outlet:read'));

  useEffect(() => {
    if (!open) return;
    setFile(null);
    run.reset();
  }, [open]);

  const rows = run.data ? rejectionRows(t, run.data) : [];
  return (
    <Modal
      open={open}
      onCancel={onClose}
      width={760}
      destroyOnHidden
      title={t('sales.import.title')}
      footer={[
        <Button key="close" onClick={onClose}>
          {t('sales.close')}
        </Button>,
        <Button
          key="run"
          type="primary"
          disabled={!file}
          loading={run.isPending}
          onClick={() => file && run.mutate({ file, storeOutletId: store })}
          data-testid="sales-import-run"
        >
          {t('sales.import.run')}
        </Button>,
      ]}
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('sales.import.hint')}{' '}
          <a href={templateHref()} download>
            {t('sales.import.template')}
          </a>
        </Typography.Paragraph>
        <Flex gap={12} wrap align="center">
          {!ownStore && (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: 240 }}
              placeholder={t('sales.import.store')}
              value={store}
              onChange={setStore}
              options={(stores.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
              data-testid="sales-import-store"
            />
          )}
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
            <Button icon={<UploadOutlined />} data-testid="sales-import-pick">
              {t('sales.import.pick')}
            </Button>
          </Upload>
        </Flex>
        {run.data && (
          <Alert
            type={run.data.rejected.length ? 'warning' : 'success'}
            showIcon
            data-testid="sales-import-done"
            title={t('sales.import.done', {
              imported: run.data.imported.length,
              rejected: run.data.rejected.length,
            })}
          />
        )}
        {rows.length > 0 && (
          <Table<RowError>
            size="small"
            rowKey="key"
            data-testid="sales-import-errors"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={rows}
            columns={[
              { title: t('sales.field.contractNo'), dataIndex: 'contractNo', width: 120 },
              { title: t('sales.import.rows'), dataIndex: 'rows', width: 80 },
              { title: t('sales.import.field'), dataIndex: 'field', width: 180 },
              { title: t('sales.import.error'), dataIndex: 'text' },
            ]}
          />
        )}
        {run.error && <ProblemAlert error={run.error} />}
      </Flex>
    </Modal>
  );
}
