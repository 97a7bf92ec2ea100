import {
  ANALYTICS_TABLES,
  type AnalyticsDashboard,
  type AnalyticsRow,
  type AnalyticsTable,
} from '@anxin/contracts';
import ExcelJS from 'exceljs';
import type { Actor } from '../../platform/auth/actor.ts';
import {
  newExportStamp,
  printedWatermark,
  recordExport,
  stampWorkbook,
} from '../../platform/exports/index.ts';
import type { AnalyticsContext } from './context.ts';
import { ANALYTICS_WORDS, type Words } from './words.ts';

const COLUMNS: (keyof AnalyticsRow)[] = [
  'created',
  'closed',
  'open',
  'cancelled',
  'firstContactMet',
  'firstContactMissed',
  'responseMet',
  'responseMissed',
  'resolutionMet',
  'resolutionMissed',
  'repairsClosed',
  'firstTimeFix',
  'repeatRepairs',
  'callbacks',
  'callbacksSatisfied',
  'complaintsOpened',
  'complaintsResolved',
  'partsQty',
  'partsCostFen',
];

function sheet(
  wb: ExcelJS.Workbook,
  w: Words,
  table: AnalyticsTable,
  rows: AnalyticsRow[],
  stamp: ReturnType<typeof newExportStamp>,
) {
  const ws = wb.addWorksheet(w.tables[table], { headerFooter: printedWatermark(stamp) });
  ws.addRow([w.name, ...COLUMNS.map((c) => w.columns[c as keyof Words['columns']])]).font = { bold: true };
  for (const r of rows)
    ws.addRow([r.name, ...COLUMNS.map((c) => (c === 'partsCostFen' ? Number(r[c]) / 100 : r[c]))]);
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 28 : 12;
  });
}

/** The dashboard's tables as one workbook (one sheet each, or only the one asked for). */
export async function exportWorkbook(
  ctx: AnalyticsContext,
  actor: Actor,
  d: AnalyticsDashboard,
  table: AnalyticsTable | undefined,
  locale: 'zh-CN' | 'en-US',
  requestId: string | null,
): Promise<{ filename: string; body: Buffer }> {
  const w = ANALYTICS_WORDS[locale];
  const stamp = newExportStamp(actor, ctx.clock.now());
  const wb = new ExcelJS.Workbook();
  let rows = 0;
  for (const t of table ? [table] : ANALYTICS_TABLES) {
    sheet(wb, w, t, d[t], stamp);
    rows += d[t].length;
  }
  const filter = { from: d.from, to: d.to, table: table ?? '', view: d.view };
  stampWorkbook(wb, stamp, { filter, rows });
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  await recordExport(ctx.db, ctx.dialect, actor, stamp, {
    kind: 'analytics',
    rows,
    filter,
    format: 'xlsx',
    requestId,
  });
  return { filename: `${w.title}-${table ? w.tables[table] + '-' : ''}${d.from}-${d.to}.xlsx`, body };
}
