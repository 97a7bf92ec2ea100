import type { FieldRule, PartKind } from '@anxin/contracts';
import type { PartItemFields } from '../catalog.repository.ts';

/** The import sheet's columns, in order (the template writes them as the header row). */
export const IMPORT_COLUMNS = [
  ['code', '编码'],
  ['nameZh', '名称'],
  ['nameEn', '英文名称'],
  ['kind', '类别'],
  ['partClass', '部件分类'],
  ['unit', '单位'],
  ['serialized', '序列号管理'],
  ['listPriceFen', '零售价(元)'],
  ['costPriceFen', '成本价(元)'],
  ['warrantyClaimable', '可保内索赔'],
  ['universal', '通用件'],
  ['modelIds', '适用型号'],
  ['discontinueOn', '停产日期'],
] as const;
export type ImportField = (typeof IMPORT_COLUMNS)[number][0];

const KINDS: Record<string, PartKind> = { 配件: 'part', 附件: 'accessory', 赠品: 'gift' };
const YES_NO: Record<string, boolean> = { 是: true, 否: false };
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface ImportIssue {
  row: number;
  field: ImportField;
  rule: FieldRule;
  params?: Record<string, unknown>;
}

export type ImportRow = { row: number; cells: Partial<Record<ImportField, string>> };

/** Yuan with at most two decimals → integer fen; null when not such a number. */
export function yuanToFen(text: string): number | null {
  if (!/^\d{1,8}(\.\d{1,2})?$/.test(text)) return null;
  const [whole, frac = ''] = text.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/**
 * Checks every row of an import sheet (cells already read as trimmed text) and turns it into item
 * fields. `modelIdOf` maps a model code to its id. All issues of all rows are reported, so a user
 * fixes the sheet in one go; a duplicate code within the sheet is an issue of its second row.
 */
export function parseImportRows(
  rows: readonly ImportRow[],
  modelIdOf: (code: string) => string | undefined,
): { items: (PartItemFields & { row: number })[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const items: (PartItemFields & { row: number })[] = [];
  const seen = new Set<string>();
  for (const { row, cells } of rows) {
    const before = issues.length;
    const issue = (field: ImportField, rule: FieldRule, params?: Record<string, unknown>) =>
      issues.push({ row, field, rule, ...(params ? { params } : {}) });
    const text = (f: ImportField, max: number, required = false): string => {
      const v = cells[f] ?? '';
      if (required && !v) issue(f, 'required');
      else if (v.length > max) issue(f, 'too_big', { max, origin: 'string' });
      return v;
    };
    const flag = (f: ImportField, dflt: boolean): boolean => {
      const v = cells[f] ?? '';
      if (!v) return dflt;
      if (!(v in YES_NO)) {
        issue(f, 'yes_no');
        return dflt;
      }
      return YES_NO[v]!;
    };
    const money = (f: ImportField): number => {
      const v = cells[f] ?? '';
      if (!v) {
        issue(f, 'required');
        return 0;
      }
      const fen = yuanToFen(v);
      if (fen === null) issue(f, 'decimals', { places: 2 });
      return fen ?? 0;
    };
    const code = text('code', 40, true);
    if (code && !CODE.test(code)) issue('code', 'invalid_format', { format: 'code' });
    else if (code && seen.has(code)) issue('code', 'unique');
    seen.add(code);
    const nameZh = text('nameZh', 100, true);
    const nameEn = text('nameEn', 100);
    const kindText = cells.kind ?? '';
    const kind = KINDS[kindText];
    if (!kind)
      issue(
        'kind',
        kindText ? 'invalid_value' : 'required',
        kindText ? { values: Object.keys(KINDS) } : undefined,
      );
    const partClass = text('partClass', 40);
    const unit = text('unit', 10) || '个';
    const serialized = flag('serialized', false);
    const listPriceFen = money('listPriceFen');
    const costPriceFen = money('costPriceFen');
    const warrantyClaimable = flag('warrantyClaimable', true);
    const universal = flag('universal', false);
    const modelCodes = (cells.modelIds ?? '')
      .split(/[、,，]/)
      .map((c) => c.trim())
      .filter(Boolean);
    const modelIds: string[] = [];
    for (const c of modelCodes) {
      const id = modelIdOf(c);
      if (id) modelIds.push(id);
      else {
        issue('modelIds', 'unknown_code', undefined);
        break;
      }
    }
    const dateText = cells.discontinueOn ?? '';
    if (dateText && (!DATE.test(dateText) || Number.isNaN(Date.parse(`${dateText}T00:00:00Z`))))
      issue('discontinueOn', 'invalid_format', { format: 'date' });
    if (issues.length > before) continue;
    items.push({
      row,
      code,
      nameZh,
      nameEn,
      kind: kind!,
      partClass,
      unit,
      serialized,
      listPriceFen,
      costPriceFen,
      warrantyClaimable,
      universal,
      modelIds: [...new Set(modelIds)],
      discontinueOn: dateText || null,
      active: true,
    });
  }
  return { items, issues };
}
