import type { OutletInput } from '@anxin/contracts';
import { checkTexts, intIn, issueSink, listOf, type ImportIssue } from './import-cells.ts';

/** The outlet import's columns: field and the template's Chinese header, in template order. */
export const OUTLET_IMPORT_COLUMNS = [
  ['code', '网点编码'],
  ['name', '网点名称'],
  ['type', '网点类型'],
  ['kind', '网点性质'],
  ['contactName', '联系人'],
  ['contactPhone', '联系电话'],
  ['regionCode', '区县代码'],
  ['address', '详细地址'],
  ['serviceAreas', '服务区域'],
  ['categories', '服务品类'],
  ['dailyCapacity', '日接单量'],
  ['grade', '等级'],
] as const;
export type OutletImportField = (typeof OUTLET_IMPORT_COLUMNS)[number][0];
type Cells = Partial<Record<OutletImportField, string>>;

/** The words a person types for the type and kind (the API's own values are taken too). */
export const OUTLET_TYPE_WORDS = { 自建: 'self_built', 委托: 'entrusted' } as const;
export const OUTLET_KIND_WORDS = { 网点: 'outlet', 经销商: 'dealer', 区域代理: 'regional_agent' } as const;
const GRADES = ['A', 'B', 'C', 'D'] as const;
const CODE = /^[A-Za-z0-9_-]{1,20}$/;
const REQUIRED = ['code', 'name', 'type', 'regionCode', 'address', 'serviceAreas', 'categories'] as const;
const MAX_LENGTH: Partial<Record<OutletImportField, number>> = {
  name: 120,
  address: 200,
  contactName: 40,
  contactPhone: 32,
};
const MAX_AREAS = 300;
const MAX_CATEGORIES = 50;
const DEFAULT_CAPACITY = 20;

/** What the rows are checked against: the division table, the catalogue, the codes already stored. */
export interface OutletImportLookups {
  /** A 6-digit district code → its province, city and district codes, or null when unknown. */
  district: (code: string) => { provinceCode: string; cityCode: string; districtCode: string } | null;
  /** A province, city or district code (2, 4 or 6 digits) known to the division table. */
  areaKnown: (code: string) => boolean;
  categoryKnown: (code: string) => boolean;
  codeTaken: (code: string) => boolean;
}

export interface OutletImportLine {
  row: number;
  input: OutletInput;
}

/** A value typed as a Chinese word or as the API's own value. */
function wordOf<V extends string>(words: Record<string, V>, text: string): V | null {
  if (text in words) return words[text]!;
  return Object.values(words).includes(text as V) ? (text as V) : null;
}

function checkRow(row: number, c: Cells, look: OutletImportLookups, seen: Set<string>) {
  const issues: ImportIssue<OutletImportField>[] = [];
  const bad = issueSink(row, issues);
  checkTexts(c, REQUIRED, MAX_LENGTH, bad);
  const code = c.code ?? '';
  if (code && !CODE.test(code)) bad('code', 'invalid_format', { format: 'code' });
  else if (code && (seen.has(code) || look.codeTaken(code))) bad('code', 'unique');
  if (code) seen.add(code);
  const type = c.type ? wordOf(OUTLET_TYPE_WORDS, c.type) : null;
  if (c.type && !type) bad('type', 'invalid_value', { values: Object.keys(OUTLET_TYPE_WORDS) });
  const kind = c.kind ? wordOf(OUTLET_KIND_WORDS, c.kind) : 'outlet';
  if (!kind) bad('kind', 'invalid_value', { values: Object.keys(OUTLET_KIND_WORDS) });
  const region = c.regionCode ? look.district(c.regionCode) : null;
  if (c.regionCode && !region) bad('regionCode', 'unknown_region');
  const areas = [...new Set(listOf(c.serviceAreas))];
  if (areas.some((a) => !/^\d{2}(\d{2}(\d{2})?)?$/.test(a) || !look.areaKnown(a)))
    bad('serviceAreas', 'unknown_region');
  else if (areas.length > MAX_AREAS) bad('serviceAreas', 'too_big', { max: MAX_AREAS, origin: 'array' });
  const categories = [...new Set(listOf(c.categories))];
  if (categories.some((k) => !look.categoryKnown(k))) bad('categories', 'unknown_category');
  else if (categories.length > MAX_CATEGORIES)
    bad('categories', 'too_big', { max: MAX_CATEGORIES, origin: 'array' });
  const capacity = c.dailyCapacity ? intIn(c.dailyCapacity, 0, 10_000) : DEFAULT_CAPACITY;
  if (capacity === null) bad('dailyCapacity', 'range', { min: 0, max: 10_000 });
  const grade = c.grade ? GRADES.find((g) => g === c.grade!.toUpperCase()) : 'B';
  if (!grade) bad('grade', 'invalid_value', { values: [...GRADES] });
  if (issues.length) return { issues };
  const input: OutletInput = {
    code,
    name: c.name!,
    type: type!,
    kind: kind!,
    parentId: null,
    contactName: c.contactName || null,
    contactPhone: c.contactPhone || null,
    ...region!,
    address: c.address!,
    lat: null,
    lng: null,
    dailyCapacity: capacity!,
    grade: grade!,
    serviceAreas: areas,
    categories,
  };
  return { issues, line: { row, input } };
}

/**
 * Checks every outlet row (none stops at the first fault): required columns, the code's form and
 * that it is new (in the file and against those stored), type 自建/委托, kind, the district and
 * service-area codes (GB/T 2260), the categories, capacity and grade.
 */
export function checkOutletRows(rows: readonly { row: number; cells: Cells }[], look: OutletImportLookups) {
  const seen = new Set<string>();
  const lines: OutletImportLine[] = [];
  const issues: ImportIssue<OutletImportField>[] = [];
  for (const r of rows) {
    const res = checkRow(r.row, r.cells, look, seen);
    issues.push(...res.issues);
    if (res.line) lines.push(res.line);
  }
  return { lines, issues };
}
