import { useTranslation } from 'react-i18next';
import { FileImportDialog } from '../../../components/FileImportDialog.tsx';
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

/**
 * Excel import of the catalogue. The server checks every row first and imports nothing when one is
 * wrong; then each wrong cell is listed by row and column, in the user's language.
 */
export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const run = useImportCatalog();
  return (
    <FileImportDialog
      open={open}
      onClose={onClose}
      width={640}
      accept=".xlsx"
      templateHref={templateHref()}
      testId="parts-import"
      run={run}
      errorCode="parts.import_invalid"
      columnLabel={(c) => (c in FIELD_LABEL ? t(`parts.fields.${FIELD_LABEL[c as Column]}`) : c)}
      done={(d) => t('parts.stock.import.done', { created: d.created, updated: d.updated })}
      words={{
        title: t('parts.stock.import.title'),
        hint: t('parts.stock.import.hint'),
        template: t('parts.stock.catalog.template'),
        pick: t('parts.stock.import.pick'),
        run: t('parts.stock.import.run'),
        close: t('parts.stock.close'),
        row: t('parts.stock.import.row'),
        field: t('parts.stock.import.column'),
        error: t('parts.stock.import.error'),
      }}
    />
  );
}
