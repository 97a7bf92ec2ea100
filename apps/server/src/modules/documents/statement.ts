import type { StatementDetail } from '@anxin/contracts';
import { money } from './layout.ts';
import { label } from './locale.ts';
import { beijing, meta, openSheet, type Print } from './render.ts';

/** 结算单: an outlet's monthly statement, every line with its order, and the totals by kind. */
export async function buildStatement(p: Print, st: StatementDetail): Promise<Buffer> {
  const w = p.words;
  const s = openSheet(p, `${w.statement} ${st.number}`);
  s.header({
    company: p.company,
    title: w.statement,
    meta: [meta(p, w.statementNo, st.number), meta(p, w.printedAt, beijing(p.at.toISOString()))],
  });
  s.fields([
    { label: w.outlet, value: `${st.outlet.code} ${st.outlet.name}` },
    { label: w.month, value: st.month },
    { label: w.status, value: label(w.labels.statementStatus, st.status) },
    { label: w.gradeCoefficient, value: `${st.grade} / ${st.coefficient}` },
    { label: w.orderCount, value: String(st.orderCount) },
    { label: w.createdAt, value: beijing(st.generatedAt) },
  ]);
  s.table(
    [
      { header: w.seq, width: 6, align: 'center' },
      { header: w.kind, width: 12 },
      { header: w.orderNo, width: 20 },
      { header: w.description, width: 44 },
      { header: w.amount, width: 18, align: 'right' },
    ],
    st.lines.map((l) => [
      String(l.seq),
      label(w.labels.lineKind, l.kind),
      l.orderNumber ?? '',
      [l.description, l.reason].filter(Boolean).join(' — '),
      money(l.amountFen),
    ]),
  );
  s.totals([
    { label: w.fee, value: money(st.feeFen) },
    { label: w.deduction, value: money(st.deductionFen) },
    { label: w.bonus, value: money(st.bonusFen) },
    { label: w.adjustment, value: money(st.adjustmentFen) },
    { label: w.total, value: money(st.totalFen), strong: true },
  ]);
  s.signatures([
    { label: w.outletSeal, note: meta(p, w.signedDate, '') },
    { label: w.financeSeal, note: meta(p, w.signedDate, '') },
  ]);
  return s.finish(w.page, p.stamp);
}
