import type { CallFigures, CallKpis } from '@anxin/contracts';
import ExcelJS from 'exceljs';
import type { Actor } from '../../platform/auth/actor.ts';
import {
  newExportStamp,
  printedWatermark,
  recordExport,
  stampWorkbook,
} from '../../platform/exports/index.ts';
import type { CallCenterContext } from './context.ts';

const pct = (v: number | null) => (v === null ? '' : Math.round(v * 1000) / 10);
const secs = (v: number | null) => (v === null ? '' : Math.round(v * 10) / 10);

const KPI_HEADERS = [
  '进线量',
  '接通量',
  '放弃量',
  'T秒内接通',
  '接通率%',
  '放弃率%',
  '服务水平%',
  'ASA(秒)',
  'AHT(秒)',
  '一次解决率%',
];
const kpiCells = (k: CallKpis) => [
  k.offered,
  k.answered,
  k.abandoned,
  k.answeredWithinThreshold,
  pct(k.answerRate),
  pct(k.abandonmentRate),
  pct(k.serviceLevel),
  secs(k.asaSeconds),
  secs(k.ahtSeconds),
  pct(k.fcrRate),
];

/** The figures as .xlsx (total, per day or half hour, per agent), watermarked and audited like every export. */
export async function exportFigures(
  ctx: CallCenterContext,
  actor: Actor,
  f: CallFigures,
  requestId: string | null,
): Promise<{ filename: string; body: Buffer }> {
  const stamp = newExportStamp(actor, ctx.clock.now());
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, first: string, rows: (string | number)[][]) => {
    const ws = wb.addWorksheet(name, { headerFooter: printedWatermark(stamp) });
    ws.addRow([first, ...KPI_HEADERS]).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 16 : 11;
    });
  };
  sheet('汇总', `${f.from} ~ ${f.to}（T=${f.thresholdSeconds}秒）`, [['合计', ...kpiCells(f.total)]]);
  sheet(
    f.interval === 'day' ? '按日' : '按半小时',
    f.interval === 'day' ? '日期' : '时段',
    f.series.map((s) => [s.key, ...kpiCells(s)]),
  );
  sheet(
    '按坐席',
    '坐席',
    f.agents.map((a) => [a.agentName ?? a.agentUserId, ...kpiCells(a)]),
  );
  const rows = f.series.length + f.agents.length + 1;
  const filter = { from: f.from, to: f.to, interval: f.interval };
  stampWorkbook(wb, stamp, { filter, rows });
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  await recordExport(ctx.db, ctx.dialect, actor, stamp, {
    kind: 'call_figures',
    rows,
    filter,
    format: 'xlsx',
    requestId,
  });
  return { filename: `话务统计-${f.from}-${f.to}.xlsx`, body };
}
