import { normalisePhone } from './phone.ts';
import { checkRegion, type RegionCodes } from './regions.ts';

/** The import's columns: field and the template's Chinese header, in template order. */
export const IMPORT_COLUMNS = [
  ['name', '客户姓名'],
  ['phones', '电话'],
  ['regionCode', '区县代码'],
  ['address', '详细地址'],
  ['modelCode', '产品型号'],
  ['serial', '序列号'],
  ['purchaseDate', '购买日期'],
  ['channel', '购买渠道'],
] as const;
export type ImportField = (typeof IMPORT_COLUMNS)[number][0];

/** A template example row starts its name with this mark and is skipped, so the template imports as empty. */
export const EXAMPLE_MARK = '【示例】';

/** Most characters a text column takes (the customer and product forms' limits). */
const MAX_LENGTH: Partial<Record<ImportField, number>> = {
  name: 80,
  address: 200,
  serial: 64,
  channel: 60,
};

export interface ImportIssue {
  row: number;
  field: ImportField;
  rule: string;
  params?: Record<string, string | number>;
}

/** One good row: its customer (by first phone) and the product to register. */
export interface ImportLine {
  row: number;
  name: string;
  phones: string[];
  region: RegionCodes;
  address: string;
  modelCode: string;
  serial: string;
  purchaseDate: string | null;
  channel: string | null;
}

/** What the rows are checked against: the catalogue by model code and the serials already stored. */
export interface ImportLookups {
  model: (code: string) => { active: boolean } | undefined;
  serialTaken: (serial: string) => boolean;
  today: string;
}

type Cells = Partial<Record<ImportField, string>>;

/** 440106 → the province 44, city 4401 and district 440106 chain, checked against the division table. */
function regionOf(code: string): RegionCodes | null {
  if (!/^\d{6}$/.test(code)) return null;
  const r = checkRegion({ provinceCode: code.slice(0, 2), cityCode: code.slice(0, 4), districtCode: code });
  return r.ok ? r.codes : null;
}

function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Phones separated by 、 , ， ; or /, each a mainland mobile or landline; digits only. */
function phonesOf(text: string): string[] | null {
  const out: string[] = [];
  for (const p of text.split(/[、,，;；/]+/).filter(Boolean)) {
    const r = normalisePhone(p);
    if (!r.ok) return null;
    if (!out.includes(r.phone)) out.push(r.phone);
  }
  return out;
}

/** Every issue of one row, and the row itself when it has none. */
function checkRow(row: number, c: Cells, look: ImportLookups, seen: Set<string>) {
  const issues: ImportIssue[] = [];
  const bad = (field: ImportField, rule: string, params?: ImportIssue['params']) =>
    issues.push({ row, field, rule, ...(params ? { params } : {}) });
  for (const f of ['name', 'phones', 'regionCode', 'address', 'modelCode', 'serial'] as const)
    if (!c[f]) bad(f, 'required');
  for (const [f, max] of Object.entries(MAX_LENGTH) as [ImportField, number][])
    if ((c[f]?.length ?? 0) > max) bad(f, 'too_big', { max, origin: 'string' });
  const phones = c.phones ? phonesOf(c.phones) : [];
  if (phones === null) bad('phones', 'invalid_format', { format: 'phone' });
  const region = c.regionCode ? regionOf(c.regionCode) : null;
  if (c.regionCode && !region) bad('regionCode', 'unknown_region');
  const model = c.modelCode ? look.model(c.modelCode) : undefined;
  if (c.modelCode && !model) bad('modelCode', 'unknown_code', { code: c.modelCode });
  else if (model && !model.active) bad('modelCode', 'inactive');
  const serial = (c.serial ?? '').toUpperCase();
  if (serial && (seen.has(serial) || look.serialTaken(serial))) bad('serial', 'unique');
  if (serial) seen.add(serial);
  const date = c.purchaseDate ?? '';
  if (date && !isDate(date)) bad('purchaseDate', 'invalid_format', { format: 'date' });
  else if (date > look.today) bad('purchaseDate', 'not_in_future');
  if (issues.length) return { issues };
  const line: ImportLine = {
    row,
    name: c.name!,
    phones: phones!,
    region: region!,
    address: c.address!,
    modelCode: c.modelCode!,
    serial,
    purchaseDate: date || null,
    channel: c.channel || null,
  };
  return { issues, line };
}

/**
 * Checks every row (none stops at the first fault): required columns, phones, the district code,
 * the model in the catalogue, serials unique in the file and against those stored, dates.
 */
export function checkImportRows(rows: readonly { row: number; cells: Cells }[], look: ImportLookups) {
  const seen = new Set<string>();
  const lines: ImportLine[] = [];
  const issues: ImportIssue[] = [];
  for (const r of rows) {
    const res = checkRow(r.row, r.cells, look, seen);
    issues.push(...res.issues);
    if (res.line) lines.push(res.line);
  }
  return { lines, issues };
}

/** The rows that are not the template's example. */
export const dataRows = <R extends { cells: Cells }>(rows: R[]): R[] =>
  rows.filter((r) => !(r.cells.name ?? '').startsWith(EXAMPLE_MARK));
