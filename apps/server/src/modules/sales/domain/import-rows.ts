import type { FieldError } from '@anxin/contracts';

/** The import template's columns: field → header (the header row may list them in any order). */
export const IMPORT_COLUMNS = [
  ['contractNo', '合同号'],
  ['salesperson', '导购'],
  ['customerName', '客户姓名'],
  ['phones', '联系电话'],
  ['regionCode', '地区编码'],
  ['addressDetail', '详细地址'],
  ['orderDate', '下单日期'],
  ['requestedDate', '要求送货日期'],
  ['model', '型号'],
  ['productName', '品名'],
  ['category', '品类'],
  ['quantity', '数量'],
  ['unitPrice', '单价（元）'],
  ['needsInstallation', '需安装'],
  ['specialRequests', '特殊要求'],
] as const;
export type ImportField = (typeof IMPORT_COLUMNS)[number][0];
export interface ImportRow {
  row: number;
  cells: Partial<Record<ImportField, string>>;
}

const CONTRACT_FIELDS = [
  'salesperson',
  'customerName',
  'phones',
  'regionCode',
  'addressDetail',
  'orderDate',
  'requestedDate',
  'specialRequests',
] as const;

const orUndefined = (s: string | undefined) => (s ? s : undefined);

/** 1280 or 1280.5 (元) → fen; anything else is passed on as typed, so the shape check names it. */
function fenOf(text: string | undefined): unknown {
  if (!text) return undefined;
  const t = text.replace(/[,，\s]/g, '');
  return /^\d+(\.\d{1,2})?$/.test(t) ? Math.round(Number(t) * 100) : t;
}
const intOf = (text: string | undefined): unknown =>
  !text ? undefined : /^\d+$/.test(text.trim()) ? Number(text.trim()) : text;
const yesNo = (text: string | undefined): unknown =>
  !text
    ? true
    : ['是', 'y', 'yes', '1', 'true'].includes(text.trim().toLowerCase())
      ? true
      : ['否', 'n', 'no', '0', 'false'].includes(text.trim().toLowerCase())
        ? false
        : text;

export interface ImportGroup {
  contractNo: string;
  rows: number[];
  /** The contract as a form would send it (fields as typed; the shared check names the faults). */
  raw: Record<string, unknown>;
  /** Rows that disagree with the contract's first row on a contract-level field. */
  errors: FieldError[];
}

/**
 * One contract per contract number: its first row gives the contract fields (a later row may leave
 * them empty, but a different value is an inconsistency named at that field), every row one line.
 */
export function groupImportRows(rows: readonly ImportRow[]): ImportGroup[] {
  const groups = new Map<string, ImportGroup>();
  for (const { row, cells } of rows) {
    const no = (cells.contractNo ?? '').trim();
    const key = no || `#${row}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        contractNo: no,
        rows: [],
        errors: [],
        raw: {
          contractNo: orUndefined(no),
          ...Object.fromEntries(CONTRACT_FIELDS.map((f) => [f, orUndefined(cells[f])])),
          phones: cells.phones
            ? cells.phones
                .split(/[、,，;；/]/)
                .map((p) => p.trim())
                .filter(Boolean)
            : undefined,
          lines: [],
        },
      };
      groups.set(key, g);
    } else {
      for (const f of CONTRACT_FIELDS) {
        const first = g.raw[f];
        const v = cells[f];
        const same = f === 'phones' ? true : !v || v === first;
        if (!same)
          g.errors.push({
            path: f,
            rule: 'consistent',
            message: `row ${row}: ${f} differs from the first row`,
          });
      }
    }
    g.rows.push(row);
    (g.raw.lines as unknown[]).push({
      model: orUndefined(cells.model),
      productName: orUndefined(cells.productName),
      category: orUndefined(cells.category),
      quantity: intOf(cells.quantity),
      unitPriceFen: fenOf(cells.unitPrice),
      needsInstallation: yesNo(cells.needsInstallation),
    });
  }
  return [...groups.values()];
}
