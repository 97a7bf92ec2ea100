import type ExcelJS from 'exceljs';

/** A date cell as a business date (YYYY-MM-DD), the default for imports. */
const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A workbook cell as the trimmed text a user typed: rich text joined, hyperlinks by their text,
 * formulas by their result, dates by `dateText` (YYYY-MM-DD unless an import needs the time too).
 */
export function cellText(v: ExcelJS.CellValue, dateText: (d: Date) => string = dateOnly): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return dateText(v);
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('text' in v) return String(v.text).trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue, dateText);
    return '';
  }
  return String(v).trim();
}
