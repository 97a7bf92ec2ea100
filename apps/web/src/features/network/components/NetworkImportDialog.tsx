import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { FileImportDialog } from '../../../components/FileImportDialog.tsx';
import { networkImportTemplate, useNetworkImport, type NetworkImportKind } from '../api.ts';
import { networkZhCN } from '../locales/zh-CN.ts';

const ERROR_CODE: Record<NetworkImportKind, string> = {
  outlets: 'outlet.import_invalid',
  technicians: 'technician.import_invalid',
};
const TEST_ID: Record<NetworkImportKind, string> = {
  outlets: 'outlet-import',
  technicians: 'technician-import',
};

const columnOf = (t: TFunction, kind: NetworkImportKind) => (field: string) =>
  field in networkZhCN.importField[kind]
    ? t(`network.importField.${kind}.${field}` as 'network.importField.outlets.code')
    : field;

/**
 * Outlets (with service areas) or technicians (with skills) from Excel or CSV, all or nothing:
 * the report lists every bad row and column, nothing is stored until the whole file is right.
 */
export function NetworkImportDialog({
  kind,
  open,
  onClose,
}: {
  kind: NetworkImportKind;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const run = useNetworkImport(kind);
  return (
    <FileImportDialog
      open={open}
      onClose={onClose}
      accept=".xlsx,.csv"
      templateHref={networkImportTemplate(kind)}
      testId={TEST_ID[kind]}
      run={run}
      errorCode={ERROR_CODE[kind]}
      columnLabel={columnOf(t, kind)}
      done={(d) => t(`network.import.${kind}Done`, d)}
      words={{
        title: t(`network.import.${kind}Title`),
        hint: t(`network.import.${kind}Hint`),
        template: t('network.import.template'),
        pick: t('network.import.pick'),
        run: t('network.import.run'),
        close: t('network.import.close'),
        failed: (count) => t('network.import.failed', { count }),
        row: t('network.import.row'),
        field: t('network.import.field'),
        error: t('network.import.error'),
      }}
    />
  );
}
