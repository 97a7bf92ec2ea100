import type { PartImportResult } from '@anxin/contracts';
import ExcelJS from 'exceljs';
import {
  checkRowLimit,
  columnsByName,
  importIssueErrors,
  readImportSheet,
} from '../../platform/files/index.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { refuse, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { productModelsByCodes } from '../catalog/index.ts';
import { insertItem, itemsByCodes, updateItem } from './catalog.repository.ts';
import { eventActorOf, type PartsContext } from './context.ts';
import { IMPORT_COLUMNS, parseImportRows, type ImportRow } from './domain/catalog-import.ts';
import { ITEM_STREAM } from './stock.events.ts';

const MAX_ROWS = 5000;

/** The rows of the first sheet (.xlsx or CSV) keyed by the header row's column names (any order). */
async function readSheet(body: Buffer): Promise<ImportRow[]> {
  const rows = await readImportSheet(body, { columnOf: columnsByName(IMPORT_COLUMNS), required: 'code' });
  checkRowLimit(rows, MAX_ROWS);
  return rows;
}

/**
 * Imports the catalogue from Excel: every row is checked first and one bad row imports nothing
 * (`parts.import_invalid`, each issue at `rows.<Excel row number>.<field>`); otherwise items are
 * created or updated by code in one transaction (an update keeps the item's active flag).
 */
export async function importCatalogue(
  ctx: PartsContext,
  actor: Actor,
  body: Buffer,
  requestId: string | null,
): Promise<PartImportResult> {
  const rows = await readSheet(body);
  const codes = rows.flatMap((r) =>
    (r.cells.modelIds ?? '')
      .split(/[、,，]/)
      .map((c) => c.trim())
      .filter(Boolean),
  );
  const models = new Map((await productModelsByCodes(ctx.db, codes)).map((m) => [m.modelCode, m.id]));
  const { items, issues } = parseImportRows(rows, (c) => models.get(c));
  if (issues.length) {
    throw refuse('parts.import_invalid', { count: issues.length }, { errors: importIssueErrors(issues) });
  }
  const now = ctx.clock.now();
  const at = now.toISOString();
  return withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    const existing = new Map(
      (
        await itemsByCodes(
          trx,
          items.map((i) => i.code),
        )
      ).map((i) => [i.code, i]),
    );
    let created = 0;
    let updated = 0;
    for (const { row: _row, ...fields } of items) {
      const cur = existing.get(fields.code);
      if (cur) {
        if (!(await updateItem(trx, cur.id, { ...fields, active: cur.active }, cur.version, at)))
          throw versionConflict('part item', cur.id, cur.version);
        updated++;
      } else {
        await insertItem(trx, newId(), fields, at);
        created++;
      }
    }
    await appendEvent(trx, {
      streamType: ITEM_STREAM,
      streamId: 'import',
      type: 'part_item.imported',
      actor: eventActorOf(actor),
      at: now,
      data: { created, updated, codes: items.map((i) => i.code) },
      requestId,
    });
    return { created, updated, errors: [] };
  });
}

/** The empty import template: the header row and one example row. */
export async function importTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('备件目录');
  ws.addRow(IMPORT_COLUMNS.map(([, zh]) => zh)).font = { bold: true };
  ws.addRow([
    'YSJ-001',
    '压缩机',
    'Compressor',
    '配件',
    '压缩机',
    '个',
    '是',
    '680.00',
    '420.00',
    '是',
    '否',
    'WM-1、WM-2',
    '',
  ]);
  IMPORT_COLUMNS.forEach((_, i) => {
    ws.getColumn(i + 1).width = 14;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
