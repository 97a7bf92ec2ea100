import ExcelJS from 'exceljs';
import type { FieldError } from '@anxin/contracts';
import { fieldError } from '../http/errors.ts';
import { cellText } from './cell-text.ts';

/** One data row of an import file: its number as the user sees it (header = 1) and its cells by field. */
export interface SheetRow<F extends string> {
  row: number;
  cells: Partial<Record<F, string>>;
}

export interface SheetSpec<F extends string> {
  /** The field a header names (the template's Chinese name, or whatever aliases the import accepts). */
  columnOf: (header: string) => F | undefined;
  /** A column the header row must name, else the file is not the template. */
  required: F;
  /** How a date cell reads (default YYYY-MM-DD). */
  dateText?: (d: Date) => string;
}

/** The usual `columnOf`: a header matches the template's Chinese name or the field's own name. */
export function columnsByName<F extends string>(columns: readonly (readonly [F, string])[]) {
  return (header: string): F | undefined => {
    const h = header.trim();
    return columns.find(([f, zh]) => zh === h || f.toLowerCase() === h.toLowerCase())?.[0];
  };
}

function headerColumns<F extends string>(headers: string[], spec: SheetSpec<F>): Map<number, F> {
  const columns = new Map<number, F>();
  headers.forEach((h, i) => {
    const f = spec.columnOf(h ?? '');
    if (f) columns.set(i, f);
  });
  if (![...columns.values()].includes(spec.required))
    throw fieldError('file', 'invalid_format', 'The first row must hold the template headers', {
      format: 'template',
    });
  return columns;
}

async function readXlsx<F extends string>(body: Buffer, spec: SheetSpec<F>): Promise<SheetRow<F>[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw fieldError('file', 'undecodable', 'The file is not an .xlsx workbook');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw fieldError('file', 'undecodable', 'The workbook has no sheet');
  const text = (v: ExcelJS.CellValue) => cellText(v, spec.dateText);
  const headers: string[] = [];
  ws.getRow(1).eachCell((cell, col) => {
    headers[col - 1] = text(cell.value);
  });
  const columns = headerColumns(
    Array.from(headers, (h) => h ?? ''),
    spec,
  );
  const rows: SheetRow<F>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cells: SheetRow<F>['cells'] = {};
    row.eachCell((cell, col) => {
      const f = columns.get(col - 1);
      if (f) cells[f] = text(cell.value);
    });
    if (Object.values(cells).some(Boolean)) rows.push({ row: n, cells });
  });
  return rows;
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

/**
 * CSV text: UTF-8 (a BOM, as Excel writes it, is dropped); a file that is not UTF-8 is read as
 * GB18030, which covers the GBK that Chinese Excel saves "CSV" in.
 */
function decodeCsv(body: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(body);
    } catch {
      throw fieldError('file', 'undecodable', 'The CSV file is neither UTF-8 nor GBK text');
    }
  }
  return text.replace(/^\uFEFF/, '');
}

function readCsv<F extends string>(body: Buffer, spec: SheetSpec<F>): SheetRow<F>[] {
  const lines = parseCsv(decodeCsv(body));
  const columns = headerColumns(lines[0] ?? [], spec);
  const rows: SheetRow<F>[] = [];
  lines.slice(1).forEach((fields, i) => {
    const cells: SheetRow<F>['cells'] = {};
    fields.forEach((v, col) => {
      const f = columns.get(col);
      if (f) cells[f] = v.trim();
    });
    if (Object.values(cells).some(Boolean)) rows.push({ row: i + 2, cells });
  });
  return rows;
}

/**
 * The non-empty data rows of an uploaded import file, .xlsx (a zip, `PK` first) or CSV, with row
 * numbers as the user sees them; columns in any order, unknown columns ignored.
 */
export async function readImportSheet<F extends string>(
  body: Buffer,
  spec: SheetSpec<F>,
): Promise<SheetRow<F>[]> {
  if (body.length >= 2 && body[0] === 0x50 && body[1] === 0x4b) return readXlsx(body, spec);
  return readCsv(body, spec);
}

/** Refuses a file with more data rows than the import's limit, before any row is checked. */
export function checkRowLimit(rows: readonly unknown[], max: number): void {
  if (rows.length > max) throw fieldError('file', 'max', `At most ${max} rows`, { max });
}

/** One bad cell of an import: its row (as the user numbers them), column, rule and the rule's values. */
export interface ImportIssue<F extends string = string> {
  row: number;
  field: F;
  rule: string;
  params?: Record<string, unknown>;
}

/** Every issue as a field error at `rows.<n>.<column>`; the web words each rule with the column's label. */
export function importIssueErrors(issues: readonly ImportIssue[]): FieldError[] {
  return issues.map(
    (i) =>
      ({
        path: `rows.${i.row}.${i.field}`,
        rule: i.rule,
        message: `row ${i.row}: ${i.field} ${i.rule}`,
        ...(i.params ? { params: i.params } : {}),
      }) as FieldError,
  );
}
