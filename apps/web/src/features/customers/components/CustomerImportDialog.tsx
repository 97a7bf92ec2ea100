import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { FileImportDialog } from '../../../components/FileImportDialog.tsx';
import { CUSTOMER_IMPORT_TEMPLATE, useImportCustomers } from '../api.ts';
import { customersZhCN } from '../locales/zh-CN.ts';

const FIELD_KEYS = customersZhCN.importField;
type ImportField = keyof typeof FIELD_KEYS;

const columnOf = (t: TFunction) => (field: string) =>
  field in FIELD_KEYS ? t(`customers.importField.${field as ImportField}`) : field;

/**
 * Customers with their installed products from Excel or CSV, all or nothing: the report lists
 * every bad row and column, nothing is stored until the whole file is right.
 */
export function CustomerImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const run = useImportCustomers();
  return (
    <FileImportDialog
      open={open}
      onClose={onClose}
      accept=".xlsx,.csv"
      templateHref={CUSTOMER_IMPORT_TEMPLATE}
      testId="customer-import"
      run={run}
      errorCode="customer.import_invalid"
      columnLabel={columnOf(t)}
      done={(d) => t('customers.import.done', d)}
      words={{
        title: t('customers.import.title'),
        hint: t('customers.import.hint'),
        template: t('customers.import.template'),
        pick: t('customers.import.pick'),
        run: t('customers.import.run'),
        close: t('customers.import.close'),
        failed: (count) => t('customers.import.failed', { count }),
        row: t('customers.import.row'),
        field: t('customers.import.field'),
        error: t('customers.import.error'),
      }}
    />
  );
}
