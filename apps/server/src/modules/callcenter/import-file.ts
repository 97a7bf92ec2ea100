import { MAX_CALL_IMPORT_ROWS } from '@anxin/contracts';
import ExcelJS from 'exceljs';
import {
  checkRowLimit,
  readImportSheet,
  type SheetRow as ImportSheetRow,
} from '../../platform/files/import-sheet.ts';
import { fieldError } from '../../platform/http/errors.ts';
import { columnOf, IMPORT_COLUMNS, type ImportField } from './domain/records.ts';

export type SheetRow = ImportSheetRow<ImportField>;

/** Local `YYYY-MM-DD HH:MM:SS` of a date cell (ExcelJS reads a typed date as that wall time in UTC). */
function dateText(d: Date): string {
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

/** The rows of an uploaded .xlsx or CSV file; a call's instants keep their time of day. */
export async function readCallFile(body: Buffer): Promise<SheetRow[]> {
  const rows = await readImportSheet(body, { columnOf, required: 'externalId', dateText });
  if (!rows.length) throw fieldError('file', 'required', 'The file has no call rows');
  checkRowLimit(rows, MAX_CALL_IMPORT_ROWS);
  return rows;
}

/** The empty import template: the header row and two example rows (an answered and an abandoned call). */
export async function callImportTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('话务记录');
  ws.addRow(IMPORT_COLUMNS.map(([, zh]) => zh)).font = { bold: true };
  ws.addRow([
    'PBX',
    'C-0001',
    '呼入',
    '13800138000',
    '售后热线',
    'agent',
    '2026-12-01 09:00:05',
    '2026-12-01 09:00:17',
    '2026-12-01 09:04:17',
    12,
    240,
    0,
    30,
    '接通',
    '是',
    '',
  ]);
  ws.addRow([
    'PBX',
    'C-0002',
    '呼入',
    '13900139000',
    '售后热线',
    '',
    '2026-12-01 09:01:00',
    '',
    '2026-12-01 09:01:40',
    40,
    0,
    0,
    0,
    '放弃',
    '',
    '',
  ]);
  IMPORT_COLUMNS.forEach((_, i) => {
    ws.getColumn(i + 1).width = i >= 6 && i <= 8 ? 20 : 12;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
