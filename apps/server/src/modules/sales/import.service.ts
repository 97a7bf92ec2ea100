import type { FieldError, SalesImportResult } from '@anxin/contracts';
import ExcelJS from 'exceljs';
import { checkRowLimit, columnsByName, readImportSheet } from '../../platform/files/index.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { fieldError } from '../../platform/http/errors.ts';
import type { ContractsService } from './contracts.service.ts';
import { groupImportRows, IMPORT_COLUMNS, type ImportRow } from './domain/import-rows.ts';

const MAX_ROWS = 2000;

/** The rows of the first sheet (.xlsx or CSV) keyed by the header row's column names (any order). */
async function readSheet(body: Buffer): Promise<ImportRow[]> {
  const rows = await readImportSheet(body, {
    columnOf: columnsByName(IMPORT_COLUMNS),
    required: 'contractNo',
  });
  if (!rows.length) throw fieldError('file', 'required', 'The workbook has no contract rows');
  checkRowLimit(rows, MAX_ROWS);
  return rows;
}

/**
 * Imports the day's contracts from Excel (one row per item, rows of one contract number together):
 * each contract is checked exactly like a form entry and stored on its own; a contract with any
 * fault is left out and reported with its rows and every broken field, the others go in.
 */
export async function importContracts(
  svc: ContractsService,
  actor: Actor,
  body: Buffer,
  storeOutletId: string | undefined,
): Promise<SalesImportResult> {
  const groups = groupImportRows(await readSheet(body));
  const result: SalesImportResult = { imported: [], rejected: [] };
  const seen = new Set<string>();
  for (const g of groups) {
    const raw = storeOutletId ? { ...g.raw, storeOutletId } : g.raw;
    const res = await svc.check(actor, raw, seen);
    const errors: FieldError[] = [...g.errors, ...(res.ok ? [] : res.errors)];
    if (g.contractNo) seen.add(g.contractNo);
    if (!res.ok || errors.length) {
      result.rejected.push({ rows: g.rows, contractNo: g.contractNo, errors });
      continue;
    }
    const id = await svc.store(actor, res.value, 'excel');
    result.imported.push({ contractNo: g.contractNo, id, rows: g.rows });
  }
  return result;
}

/** The empty import template: the header row and two example rows of one contract. */
export async function importTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('销售合同');
  ws.addRow(IMPORT_COLUMNS.map(([, zh]) => zh)).font = { bold: true };
  const head = [
    'XS-0001',
    '王导购',
    '张三',
    '13800138000',
    '440106',
    '天河路 1 号 1201',
    '2026-12-07',
    '2026-12-10',
  ];
  ws.addRow([...head, 'SF-301', '三人布艺沙发', '沙发', '1', '6800', '是', '电梯到 12 楼']);
  ws.addRow(['XS-0001', '', '', '', '', '', '', '', 'CJ-120', '大理石茶几', '茶几', '1', '2400', '是', '']);
  IMPORT_COLUMNS.forEach((_, i) => {
    ws.getColumn(i + 1).width = 14;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
