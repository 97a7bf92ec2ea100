import type { DocumentLocale, FaultAnalysis, FaultDimension, ParetoItem } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { newExportStamp, recordExport } from '../../platform/exports/index.ts';
import { beijing, documentFont, documentsPolicy, Sheet } from '../documents/index.ts';
import type { FaultAnalysisContext } from './context.ts';
import { FAULT_WORDS, pct, type FaultWords } from './words.ts';

const DIMENSIONS: FaultDimension[] = ['model', 'fault_code', 'part'];
const BAR = '#3370ff';
const VITAL = '#f54a45';

/** Horizontal bars of the top ten keys (vital few in red), drawn with pdfkit. */
function bars(s: Sheet, items: ParetoItem[], name: (x: ParetoItem) => string, w: FaultWords): void {
  const top = items.slice(0, 10);
  if (!top.length) return;
  const max = Math.max(...top.map((r) => r.count));
  const labelW = 150;
  const barW = s.width - labelW - 60;
  s.ensure(16 + top.length * 14);
  s.doc.fontSize(8).fillColor('#646a73').text(w.bars, s.left, s.y, { width: s.width });
  s.y += 12;
  for (const r of top) {
    s.doc
      .fontSize(8)
      .fillColor('#1f2329')
      .text(name(r), s.left, s.y + 1, { width: labelW - 6, height: 11, ellipsis: true });
    s.doc.rect(s.left + labelW, s.y + 2, Math.max(1, (barW * r.count) / max), 9).fill(r.vital ? VITAL : BAR);
    s.doc.fillColor('#1f2329').text(String(r.count), s.left + labelW + barW + 6, s.y + 1, { width: 50 });
    s.y += 14;
  }
  s.y += 6;
}

/**
 * The fault-analysis report as PDF with the documents module's CJK font and A4 layout: title and
 * period, for each dimension a bar rendering and the Pareto table, then the new-failure alerts.
 */
export async function reportPdf(
  ctx: FaultAnalysisContext,
  actor: Actor,
  all: Record<FaultDimension, FaultAnalysis>,
  o: { locale: DocumentLocale; requestId: string | null; categoryName: string | null },
): Promise<{ filename: string; asciiFilename: string; body: Buffer }> {
  const w = FAULT_WORDS[o.locale];
  const en = o.locale === 'en-US';
  const name = (x: { nameZh: string; nameEn: string }) => (en ? x.nameEn || x.nameZh : x.nameZh);
  const policy = await documentsPolicy(ctx.db);
  const stamp = newExportStamp(actor, ctx.clock.now());
  const company = en ? policy.companyNameEn : policy.companyNameZh;
  const font = await documentFont(policy.fontPath, ctx.logger);
  const { from, to, baselineFrom, baselineTo } = all.model;
  const s = new Sheet(font, { title: w.title, author: company, at: stamp.at });
  s.header({
    company,
    title: w.title,
    meta: [`${w.period}: ${from} ~ ${to}`, `${w.baseline}: ${baselineFrom} ~ ${baselineTo}`],
  });
  s.fields([
    { label: w.category, value: o.categoryName ?? w.allCategories },
    { label: w.orders, value: String(all.model.orders) },
  ]);
  for (const d of DIMENSIONS) {
    const a = all[d];
    s.section(w.dimension[d]);
    if (!a.pareto.length) {
      s.paragraph(w.empty);
      continue;
    }
    bars(s, a.pareto, name, w);
    s.table(
      [
        { header: w.rank, width: 0.08, align: 'right' },
        { header: w.key[d], width: 0.44 },
        { header: w.count, width: 0.12, align: 'right' },
        { header: w.share, width: 0.12, align: 'right' },
        { header: w.cumulative, width: 0.14, align: 'right' },
        { header: w.vital, width: 0.1, align: 'center' },
      ],
      a.pareto.map((r, i) => [
        String(i + 1),
        name(r),
        String(r.count),
        String(pct(r.share)),
        String(pct(r.cumulative)),
        r.vital ? w.yes : w.no,
      ]),
    );
  }
  s.section(w.alerts);
  const alerts = DIMENSIONS.flatMap((d) => all[d].alerts);
  if (!alerts.length) s.paragraph(w.noAlerts);
  else
    s.table(
      [
        { header: w.dimensionCol, width: 0.14 },
        { header: w.item, width: 0.4 },
        { header: w.count, width: 0.12, align: 'right' },
        { header: w.baselineCount, width: 0.12, align: 'right' },
        { header: w.reason, width: 0.12 },
        { header: w.ratio, width: 0.1, align: 'right' },
      ],
      alerts.map((x) => [
        w.key[x.dimension],
        name(x),
        String(x.count),
        String(x.baseline),
        x.reason === 'new' ? w.reasonNew : w.reasonRising,
        x.ratio === null ? '' : (Math.round(x.ratio * 100) / 100).toFixed(2),
      ]),
    );
  const who = actor.kind === 'system' ? 'system' : `${actor.displayName}（${actor.username}）`;
  const body = await s.finish(w.page, `${who} ${beijing(stamp.at.toISOString())} ${stamp.id}`);
  const filter = { from, to, category: all.model.category ?? '' };
  await recordExport(ctx.db, ctx.dialect, actor, stamp, {
    kind: 'fault_analysis_report',
    rows: 1,
    filter,
    format: 'pdf',
    requestId: o.requestId,
  });
  return {
    filename: `${w.title}-${from}-${to}.pdf`,
    asciiFilename: `fault-analysis-${from}-${to}.pdf`,
    body,
  };
}
