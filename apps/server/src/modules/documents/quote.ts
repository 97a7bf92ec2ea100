import type { Payment, Quote } from '@anxin/contracts';
import { money } from './layout.ts';
import { label } from './locale.ts';
import { beijing, beijingDate, meta, openSheet, rmbUpper, type Print } from './render.ts';
import { chargeLines } from './service-report.ts';

/** 报价单: the priced lines the customer consents to, with payments taken so far. */
export async function buildQuote(p: Print, q: Quote): Promise<Buffer> {
  const w = p.words;
  const s = openSheet(p, `${w.quote} ${q.number}`);
  s.header({
    company: p.company,
    title: w.quote,
    meta: [meta(p, w.quoteNo, q.number), meta(p, w.printedAt, beijing(p.at.toISOString()))],
  });
  s.fields([
    { label: w.customer, value: q.customerName },
    { label: w.orderNo, value: q.orderNumber },
    { label: w.address, value: q.address, wide: true },
    { label: w.revision, value: String(q.revision) },
    { label: w.status, value: label(w.labels.quoteStatus, q.status) },
    { label: w.coverage, value: label(w.labels.coverage, q.coverage) },
    { label: w.validUntil, value: q.validUntil ?? '' },
    ...(q.discountReason ? [{ label: w.discount, value: q.discountReason, wide: true }] : []),
  ]);
  s.section(w.charges);
  chargeLines(p, s, q);
  if (q.payments.length) {
    s.section(w.payments);
    s.table(
      [
        { header: w.receiptNo, width: 24 },
        { header: w.method, width: 18 },
        { header: w.receivedAt, width: 24 },
        { header: w.amount, width: 18, align: 'right' },
      ],
      q.payments.map((x) => [
        x.receiptNo,
        label(w.labels.method, x.method),
        beijing(x.receivedAt),
        money(x.amountFen),
      ]),
    );
  }
  s.signatures([
    {
      label: w.consent,
      ...(q.consent ? { empty: q.consent.by } : {}),
      note: meta(p, w.signedDate, beijingDate(q.consent?.at ?? q.decidedAt)),
    },
    { label: p.company, note: meta(p, w.signedDate, beijingDate(q.sentAt ?? q.createdAt)) },
  ]);
  return s.finish(w.page, p.stamp);
}

/** 收款收据: one payment against a quote, the amount in figures and (Chinese) in capitals. */
export async function buildReceipt(p: Print, q: Quote, pay: Payment): Promise<Buffer> {
  const w = p.words;
  const s = openSheet(p, `${w.receipt} ${pay.receiptNo}`);
  s.header({
    company: p.company,
    title: w.receipt,
    meta: [meta(p, w.receiptNo, pay.receiptNo), meta(p, w.printedAt, beijing(p.at.toISOString()))],
  });
  s.fields([
    { label: w.customer, value: q.customerName },
    { label: w.orderNo, value: q.orderNumber },
    { label: w.forQuote, value: q.number },
    { label: w.receivedAt, value: beijing(pay.receivedAt) },
    { label: w.method, value: label(w.labels.method, pay.method) },
    { label: w.reference, value: pay.reference },
  ]);
  s.table(
    [
      { header: w.item, width: 60 },
      { header: w.receivedAmount, width: 40, align: 'right' },
    ],
    [[pay.note || `${w.quote} ${q.number}`, money(pay.amountFen)]],
  );
  s.totals([
    { label: w.receivedAmount, value: money(pay.amountFen), strong: true },
    { label: w.total, value: money(q.totalFen) },
    { label: w.balance, value: money(q.balanceFen) },
  ]);
  if (p.locale === 'zh-CN') s.paragraph(meta(p, w.amountInWords, `人民币${rmbUpper(pay.amountFen)}`));
  s.signatures([
    // receivedBy is a user id, not a name: the payee signs the printed receipt by hand.
    { label: w.payee },
    { label: p.company, note: meta(p, w.signedDate, beijingDate(pay.receivedAt)) },
  ]);
  return s.finish(w.page, p.stamp);
}
