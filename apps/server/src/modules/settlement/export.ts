import ExcelJS from 'exceljs';
import type { Actor } from '../../platform/auth/actor.ts';
import {
  newExportStamp,
  printedWatermark,
  recordExport,
  stampWorkbook,
} from '../../platform/exports/index.ts';
import type { SettlementContext } from './context.ts';
import { yuan } from './domain/fees.ts';
import { CLASS_ZH, KIND_ZH, STATUS_ZH } from './domain/labels.ts';
import { statementInScope } from './statements.ts';

/** A fee line's rule in one readable sentence (what finance checks against the schedule). */
export function ruleText(kind: string, rule: Record<string, any>): string {
  if (kind === 'fee' && rule.partClaim)
    return `旧件索赔 ${rule.partClaim.itemCode} × ${rule.partClaim.qty} × ${yuan(rule.perUnitFen ?? 0)}（检验合格 ${String(rule.partClaim.inspectedAt ?? '').slice(0, 10)}）`;
  if (kind === 'fee') {
    const parts = [
      `基础 ${yuan(rule.base?.feeFen ?? 0)}${rule.base?.matched ? `（${rule.base.matched}）` : '（无匹配）'}`,
      rule.distance?.km === null || rule.distance?.km === undefined
        ? '距离 未知'
        : `距离 ${rule.distance.km} km 加收 ${yuan(rule.distance.surchargeFen ?? 0)}`,
    ];
    if (rule.remote?.regionCode)
      parts.push(`偏远 ${rule.remote.regionCode} 加收 ${yuan(rule.remote.surchargeFen)}`);
    parts.push(`× ${rule.grade} 级系数 ${rule.coefficient}`);
    if (rule.parts?.lines) parts.push(`+ 配件 ${rule.parts.lines} 行 × ${yuan(rule.parts.perLineFen)}`);
    return parts.join('；');
  }
  if (kind === 'adjustment') return `由 ${yuan(rule.fromFen ?? 0)} 调整为 ${yuan(rule.toFen ?? 0)}`;
  if (rule.class)
    return `${CLASS_ZH[rule.class] ?? rule.class}${rule.complaintId ? ` 投诉 ${rule.complaintId}` : ''}`;
  if (rule.appealId) return `申诉 ${rule.appealId}`;
  return '';
}

/**
 * The statement as .xlsx: a header block and one row per line with the order number, the rule
 * spelled out and the amount in yuan (two decimals, converted from integer fen as numbers, so the
 * sheet can sum them). Watermarked with the exporter and time and recorded in the audit trail.
 */
export async function exportStatement(
  ctx: SettlementContext,
  actor: Actor,
  id: string,
  requestId: string | null = null,
) {
  const s = await statementInScope(ctx, actor, id);
  const lines = await ctx.repo.lines(ctx.db, id);
  const stamp = newExportStamp(actor, ctx.clock.now());
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('结算单', { headerFooter: printedWatermark(stamp) });
  const money = '#,##0.00';
  const header: [string, string | number][] = [
    ['结算单号', s.number],
    ['网点', `${s.outletCode} ${s.outletName}`],
    ['月份', s.month],
    ['状态', STATUS_ZH[s.status] ?? s.status],
    ['网点等级 / 系数', `${s.grade} / ${s.coefficientPermille / 1000}`],
    ['服务费（元）', s.feeFen / 100],
    ['扣款（元）', s.deductionFen / 100],
    ['奖励（元）', s.bonusFen / 100],
    ['调整（元）', s.adjustmentFen / 100],
    ['合计（元）', s.totalFen / 100],
  ];
  for (const [k, v] of header) {
    const row = ws.addRow([k, v]);
    if (typeof v === 'number') row.getCell(2).numFmt = money;
  }
  ws.addRow([]);
  const head = ws.addRow(['序号', '类型', '工单号', '说明', '规则', '金额（元）', '异议', '原因']);
  head.font = { bold: true };
  for (const l of lines) {
    const row = ws.addRow([
      l.seq,
      KIND_ZH[l.kind] ?? l.kind,
      l.orderNumber ?? '',
      l.description,
      ruleText(l.kind, l.rule),
      l.amountFen / 100,
      l.disputeComment ?? '',
      l.reason ?? '',
    ]);
    row.getCell(6).numFmt = money;
  }
  [8, 10, 18, 24, 60, 14, 30, 30].forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  const filter = { statementId: id, statementNo: s.number };
  stampWorkbook(wb, stamp, { filter, rows: lines.length });
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  await recordExport(ctx.db, ctx.dialect, actor, stamp, {
    kind: 'settlement_statement',
    rows: lines.length,
    filter,
    format: 'xlsx',
    requestId,
  });
  return { filename: `${s.number}.xlsx`, body };
}
