export { assertSafeKey, FileNotFoundError, type FileStorage } from './storage.ts';
export { LocalDiskStorage } from './local-disk.ts';
export { ALLOWED_UPLOAD_TYPES, isAllowedType, sniffType, type UploadType } from './content-type.ts';
export { MeasuringStream } from './measure.ts';
export {
  payloadTooLarge,
  storeThenRecord,
  storeUpload,
  unsupportedMedia,
  type StoredUpload,
} from './store-upload.ts';
export { cellText } from './cell-text.ts';
export {
  checkRowLimit,
  columnsByName,
  importIssueErrors,
  parseCsv,
  readImportSheet,
  type ImportIssue,
  type SheetRow,
  type SheetSpec,
} from './import-sheet.ts';
