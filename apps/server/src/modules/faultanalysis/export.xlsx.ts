import type { DocumentLocale, FaultAnalysis, FaultDimension } from '@anxin/contracts';
import ExcelJS from 'exceljs';
import type { Actor } from '../../platform/auth/actor.ts';
import {
  newExportStamp,
  printedWatermark,
  recordExport,
  stampWorkbook,
} from '../../platform/exports/index.ts';
import type { FaultAnalysisContext } from './context.ts';
import { FAULT_WORDS, pct } from './words.ts';

const DIMENSIONS: FaultDimension[] = ['model', 'fault_code', 'part'];

/** One sheet per dimension (the Pareto) and one of the alerts; headers in the requester's language. */
export async function exportWorkbook(
  ctx: FaultAnalysisContext,
  actor: Actor,
  all: Record<FaultDimension, FaultAnalysis>,
  locale: DocumentLocale,
  requestId: string | null,
): Promise<{ filename: string; body: Buffer }> {
  const w = FAULT_WORDS[locale];
  const en = locale === 'en-US';
  const name = (x: { nameZh: string; nameEn: string }) => (en ? x.nameEn || x.nameZh : x.nameZh);
  const stamp = newExportStamp(actor, ctx.clock.now());
  const wb = new ExcelJS.Workbook();
  const { from, to, category } = all.model;
  let rows = 0;
  for (const d of DIMENSIONS) {
    const a = all[d];
    const ws = wb.addWorksheet(w.dimension[d], { headerFooter: printedWatermark(stamp) });
    ws.addRow([`${w.period}: ${from} ~ ${to}`, `${w.orders}: ${a.orders}`]);
    ws.addRow([w.rank, w.key[d], w.count, w.share, w.cumulative, w.vital]).font = { bold: true };
    a.pareto.forEach((r, i) =>
      ws.addRow([i + 1, name(r), r.count, pct(r.share), pct(r.cumulative), r.vital ? w.yes : w.no]),
    );
    ws.columns.forEach((c, i) => {
      c.width = i === 1 ? 32 : 12;
    });
    rows += a.pareto.length;
  }
  const ws = wb.addWorksheet(w.alerts, { headerFooter: printedWatermark(stamp) });
  ws.addRow([w.dimensionCol, w.item, w.count, w.baselineCount, w.reason, w.ratio]).font = {
    bold: true,
  };
  for (const d of DIMENSIONS)
    for (const x of all[d].alerts) {
      ws.addRow([
        w.key[d],
        name(x),
        x.count,
        x.baseline,
        x.reason === 'new' ? w.reasonNew : w.reasonRising,
        x.ratio === null ? '' : Math.round(x.ratio * 100) / 100,
      ]);
      rows++;
    }
  ws.columns.forEach((c, i) => {
    c.width = i === 1 ? 32 : 12;
  });
  const filter = { from, to, category: category ?? '' };
  stampWorkbook(wb, stamp, { filter, rows });
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  await recordExport(ctx.db, ctx.dialect, actor, stamp, {
    kind: 'fault_analysis',
    rows,
    filter,
    format: 'xlsx',
    requestId,
  });
  return { filename: `${w.sheetTitle}-${from}-${to}.xlsx`, body };
}
