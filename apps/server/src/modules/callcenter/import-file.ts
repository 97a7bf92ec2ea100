import { MAX_CALL_IMPORT_ROWS } from '@anxin/contracts';
import ExcelJS from 'exceljs';
import { cellText as cellTextOf } from '../../platform/files/index.ts';
import { fieldError } from '../../platform/http/errors.ts';
import { columnOf, IMPORT_COLUMNS, type ImportCells, type ImportField } from './domain/records.ts';

export interface SheetRow {
  row: number;
  cells: ImportCells;
}

/** Local `YYYY-MM-DD HH:MM:SS` of a date cell (ExcelJS reads a typed date as that wall time in UTC). */
function dateText(d: Date): string {
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

/** A call's cell: its instants keep their time of day. */
const cellText = (v: ExcelJS.CellValue) => cellTextOf(v, dateText);

function headerColumns(headers: string[]): Map<number, ImportField> {
  const columns = new Map<number, ImportField>();
  headers.forEach((h, i) => {
    const f = columnOf(h);
    if (f) columns.set(i, f);
  });
  if (![...columns.values()].includes('externalId'))
    throw fieldError('file', 'invalid_format', 'The first row must hold the template headers', {
      format: 'template',
    });
  return columns;
}

function checkCount(rows: SheetRow[]): SheetRow[] {
  if (!rows.length) throw fieldError('file', 'required', 'The file has no call rows');
  if (rows.length > MAX_CALL_IMPORT_ROWS)
    throw fieldError('file', 'max', `At most ${MAX_CALL_IMPORT_ROWS} rows`, { max: MAX_CALL_IMPORT_ROWS });
  return rows;
}

async function readXlsx(body: Buffer): Promise<SheetRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw fieldError('file', 'undecodable', 'The file is not an .xlsx workbook');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw fieldError('file', 'undecodable', 'The workbook has no sheet');
  const headers: string[] = [];
  ws.getRow(1).eachCell((cell, col) => {
    headers[col - 1] = cellText(cell.value);
  });
  const columns = headerColumns(Array.from(headers, (h) => h ?? ''));
  const rows: SheetRow[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cells: ImportCells = {};
    row.eachCell((cell, col) => {
      const f = columns.get(col - 1);
      if (f) cells[f] = cellText(cell.value);
    });
    if (Object.values(cells).some(Boolean)) rows.push({ row: n, cells });
  });
  return checkCount(rows);
}

/** RFC 4180 fields of a CSV text (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      out.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    out.push(row);
  }
  return out;
}

function readCsv(body: Buffer): SheetRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw fieldError('file', 'undecodable', 'The CSV file is not UTF-8 text');
  }
  const lines = parseCsv(text.replace(/^\uFEFF/, ''));
  const columns = headerColumns(lines[0] ?? []);
  const rows: SheetRow[] = [];
  lines.slice(1).forEach((fields, i) => {
    const cells: ImportCells = {};
    fields.forEach((v, col) => {
      const f = columns.get(col);
      if (f) cells[f] = v.trim();
    });
    if (Object.values(cells).some(Boolean)) rows.push({ row: i + 2, cells });
  });
  return checkCount(rows);
}

/** The rows of an uploaded .xlsx (a zip, `PK` first) or CSV file; row numbers as the user sees them. */
export function readCallFile(body: Buffer): Promise<SheetRow[]> | SheetRow[] {
  if (body.length >= 2 && body[0] === 0x50 && body[1] === 0x4b) return readXlsx(body);
  return readCsv(body);
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
