import type { StockMovementKind } from '@anxin/contracts';
import ExcelJS from 'exceljs';
import type { Actor } from '../../platform/auth/actor.ts';
import {
  newExportStamp,
  printedWatermark,
  recordExport,
  shanghaiTime,
  stampWorkbook,
} from '../../platform/exports/index.ts';
import type { PartsContext } from './context.ts';
import { listMovements } from './stock.repository.ts';
import { locationFilterOf, toMovements } from './stock.service.ts';

const MAX_ROWS = 100_000;
const PAGE = 2000;

const KIND_ZH: Record<StockMovementKind, string> = {
  receive: '入库',
  transfer_out: '调出',
  transfer_in: '调入',
  reserve: '预占',
  release: '释放',
  issue: '发料',
  consume: '消耗',
  return_good: '良品退回',
  return_defective: '旧件入库',
  adjust: '调整',
  stocktake: '盘点',
};

/**
 * The filtered ledger as .xlsx (newest first, at most 100 000 rows), watermarked with the exporter
 * and recorded in the export audit trail like every other export.
 */
export async function exportLedger(
  ctx: PartsContext,
  actor: Actor,
  q: {
    locationId?: string | undefined;
    itemId?: string | undefined;
    kind?: StockMovementKind | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
  requestId: string | null,
): Promise<{ filename: string; body: Buffer }> {
  const locations = await locationFilterOf(ctx, actor);
  const stamp = newExportStamp(actor, ctx.clock.now());
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('库存流水', { headerFooter: printedWatermark(stamp) });
  ws.addRow([
    '时间（北京时间）',
    '库位',
    '备件编码',
    '备件名称',
    '类型',
    '在库变动',
    '预占变动',
    '变动后在库',
    '变动后预占',
    '单据',
    '操作人',
    '备注',
  ]).font = {
    bold: true,
  };
  let rows = 0;
  let before: { at: string; id: string } | undefined;
  while (rows < MAX_ROWS) {
    const page = await listMovements(ctx.db, {
      ...q,
      locations,
      before,
      limit: Math.min(PAGE, MAX_ROWS - rows),
    });
    for (const m of await toMovements(ctx, page))
      ws.addRow([
        shanghaiTime(new Date(m.at)),
        m.locationName,
        m.itemCode,
        m.itemName,
        KIND_ZH[m.kind],
        m.onHandDelta,
        m.reservedDelta,
        m.onHandAfter,
        m.reservedAfter,
        m.ref ?? '',
        m.actorName ?? '',
        m.note ?? '',
      ]);
    rows += page.length;
    const last = page[page.length - 1];
    if (!last || page.length < PAGE) break;
    before = { at: last.at, id: last.id };
  }
  [18, 16, 14, 20, 10, 10, 10, 10, 10, 24, 12, 30].forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  const filter = Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined));
  stampWorkbook(wb, stamp, { filter, rows });
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  await recordExport(ctx.db, ctx.dialect, actor, stamp, {
    kind: 'parts_ledger',
    rows,
    filter,
    format: 'xlsx',
    requestId,
  });
  return { filename: `库存流水-${stamp.id}.xlsx`, body };
}
