export { EXPORT_EVENTS } from './exports.events.ts';
export { EXPORT_STREAM, recordExport, redactExportRecords, type ExportRecord } from './audit.ts';
export {
  newExportStamp,
  printedWatermark,
  shanghaiTime,
  stampWorkbook,
  WATERMARK_SHEET,
  type ExportStamp,
} from './watermark.ts';
