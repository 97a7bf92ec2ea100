import type { CareFigures } from '@anxin/contracts';
import ExcelJS from 'exceljs';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Db, DialectName } from '../../platform/db/types.ts';
import {
  newExportStamp,
  printedWatermark,
  recordExport,
  stampWorkbook,
} from '../../platform/exports/index.ts';

const yuan = (fen: number) => Math.round(fen) / 100;
const orBlank = (v: number | null) => (v === null ? '' : v);

/**
 * The figures' tables as .xlsx (KPIs, recalls, campaigns), watermarked and recorded in the export
 * audit trail like every export. Headers in Chinese, the product's working language.
 */
export async function exportCareFigures(
  deps: { db: Db; dialect: DialectName; clock: Clock },
  actor: Actor,
  f: CareFigures,
  filter: Record<string, unknown>,
  requestId: string | null,
): Promise<{ filename: string; body: Buffer }> {
  const stamp = newExportStamp(actor, deps.clock.now());
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, headers: string[], rows: (string | number)[][]) => {
    const ws = wb.addWorksheet(name, { headerFooter: printedWatermark(stamp) });
    ws.addRow(headers).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 24 : 12;
    });
  };
  const c = f.contracts;
  sheet(
    `汇总 ${f.from}~${f.to}`,
    ['指标', '数值'],
    [
      ['应保养数', f.pm.due],
      ['按时完成保养数', f.pm.onTime],
      ['保养及时率%', orBlank(f.pm.compliancePct)],
      ['逾期未完成保养数', f.pm.overdueOpen],
      ['预警数', f.alerts.raised],
      ['预警转工单数', f.alerts.withOrder],
      ['预警工单完成数', f.alerts.completed],
      ['预警至完工中位小时', orBlank(f.alerts.medianHoursToComplete)],
      ['合同应收(元)', yuan(c.billedFen)],
      ['合同实收(元)', yuan(c.paidFen)],
      ['备件成本(元)', yuan(c.partsCostFen)],
      ['人工成本(元)', yuan(c.labourCostFen)],
      ['毛利(元)', yuan(c.marginFen)],
      ['毛利率%', orBlank(c.marginPct)],
      ['合同上门次数', c.visits],
      ['已用/额度次数', `${c.usedVisits}/${c.quotaVisits}`],
    ],
  );
  sheet(
    '召回',
    ['召回', '受影响', '已联系', '已建工单', '已完成', '完成率%'],
    f.recalls.map((r) => [r.title, r.affected, r.contacted, r.ordersCreated, r.completed, r.completionPct]),
  );
  sheet(
    '外呼活动',
    ['活动', '名单数', '已拨打', '已接通', '退订', '完成问卷', '转化率%'],
    f.campaigns.map((x) => [
      x.name,
      x.listSize,
      x.attempted,
      x.reached,
      x.optedOut,
      x.completed,
      orBlank(x.conversionPct),
    ]),
  );
  const rows = 16 + f.recalls.length + f.campaigns.length;
  stampWorkbook(wb, stamp, { filter, rows });
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  await recordExport(deps.db, deps.dialect, actor, stamp, {
    kind: 'care_figures',
    rows,
    filter,
    format: 'xlsx',
    requestId,
  });
  return { filename: `设备与服务运营-${f.from}-${f.to}.xlsx`, body };
}
