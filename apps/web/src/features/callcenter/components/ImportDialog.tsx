import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { FileImportDialog, importErrorRows as rowsOf } from '../../../components/FileImportDialog.tsx';
import { templateHref, useImportCalls } from '../api.ts';
import { callcenterZhCN } from '../locales/zh-CN.ts';

const FIELD_KEYS = callcenterZhCN.importField;
type ImportField = keyof typeof FIELD_KEYS;

const columnOf = (t: TFunction) => (field: string) =>
  field in FIELD_KEYS ? t(`callcenter.importField.${field as ImportField}`) : field;

/** The import's refusal as one line per broken cell: `rows.<n>.<field>` → row n, the column's name. */
export const importErrorRows = (t: TFunction, error: unknown) =>
  rowsOf(t, error, 'callcenter.import_invalid', columnOf(t));

/**
 * Excel or CSV import of call records, all or nothing: the validation report lists every bad row
 * and column, nothing is stored until the whole file is right.
 */
export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const run = useImportCalls();
  return (
    <FileImportDialog
      open={open}
      onClose={onClose}
      accept=".xlsx,.csv"
      templateHref={templateHref()}
      testId="callcenter-import"
      run={run}
      errorCode="callcenter.import_invalid"
      columnLabel={columnOf(t)}
      done={(d) => t('callcenter.import.done', d)}
      words={{
        title: t('callcenter.import.title'),
        hint: t('callcenter.import.hint'),
        template: t('callcenter.import.template'),
        pick: t('callcenter.import.pick'),
        run: t('callcenter.import.run'),
        close: t('callcenter.import.close'),
        failed: (count) => t('callcenter.import.failed', { count }),
        row: t('callcenter.import.row'),
        field: t('callcenter.import.field'),
        error: t('callcenter.import.error'),
      }}
    />
  );
}
