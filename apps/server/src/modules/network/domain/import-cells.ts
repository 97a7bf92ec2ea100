/** Shared by the outlet and technician imports: the issue shape and the cell readers. */

/** One broken cell: the workbook row (header = 1), the column's field, a registered field rule. */
import type { ImportIssue } from '../../../platform/files/index.ts';

export type { ImportIssue };

/** A template example row starts its name with this mark and is skipped, so the template imports as empty. */
export const EXAMPLE_MARK = '【示例】';

/** A list cell: items separated by 、 , ， ; ； / or spaces, blanks dropped. */
export function listOf(text: string | undefined): string[] {
  return (text ?? '').split(/[、,，;；/\s]+/).filter(Boolean);
}

/** A whole number in [min, max], or null. */
export function intIn(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

/** Collects one row's issues. */
export function issueSink<F extends string>(row: number, issues: ImportIssue<F>[]) {
  return (field: F, rule: string, params?: ImportIssue['params']) =>
    issues.push({ row, field, rule, ...(params ? { params } : {}) });
}

/** Required and length rules of a row's text cells. */
export function checkTexts<F extends string>(
  cells: Partial<Record<F, string>>,
  required: readonly F[],
  maxLength: Partial<Record<F, number>>,
  bad: (field: F, rule: string, params?: ImportIssue['params']) => void,
): void {
  for (const f of required) if (!cells[f]) bad(f, 'required');
  for (const [f, max] of Object.entries(maxLength) as [F, number][])
    if ((cells[f]?.length ?? 0) > max) bad(f, 'too_big', { max, origin: 'string' });
}

/** The rows that are not the template's example (its name starts with the mark). */
export const dataRows = <R extends { cells: Partial<Record<string, string>> }>(rows: R[]): R[] =>
  rows.filter((r) => !(r.cells.name ?? '').startsWith(EXAMPLE_MARK));
