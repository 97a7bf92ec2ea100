import type { Quote } from '@anxin/contracts';
import { money } from './layout.ts';
import { label } from './locale.ts';
import { beijing, beijingDate, meta, openSheet, type Print } from './render.ts';

export interface ServiceReportVisit {
  arrivedAt: string | null;
  completedAt: string | null;
  findings: string;
  workDone: string;
  outcome: string | null;
}
export interface FittedPart {
  code: string;
  nameZh: string;
  nameEn: string;
  qty: number;
  newSerial: string | null;
  paidBy: string;
}
/** Everything a 维修单 prints, gathered from the owning modules by the documents service. */
export interface ServiceReportData {
  orderNo: string;
  type: string;
  createdAt: string;
  completedAt: string | null;
  customerName: string;
  contactPhone: string;
  address: string;
  product: { brand: string; model: string; serial: string } | null;
  fault: string;
  outlet: string;
  technician: string;
  visits: ServiceReportVisit[];
  parts: FittedPart[];
  /** The order's approved (else latest sent) quote, with its payments; null when nothing is charged. */
  quote: Quote | null;
  signature: Buffer | null;
  signedAt: string | null;
}

/** 138****5678: the report leaves the company's hands, so the phone is masked like on job cards. */
export const maskPhone = (phone: string): string =>
  phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone;

export async function buildServiceReport(p: Print, d: ServiceReportData): Promise<Buffer> {
  const w = p.words;
  const s = openSheet(p, `${w.serviceReport} ${d.orderNo}`);
  s.header({
    company: p.company,
    title: w.serviceReport,
    meta: [meta(p, w.orderNo, d.orderNo), meta(p, w.printedAt, beijing(p.at.toISOString()))],
  });
  s.section(w.order);
  s.fields([
    { label: w.customer, value: d.customerName },
    { label: w.contactPhone, value: maskPhone(d.contactPhone) },
    { label: w.address, value: d.address, wide: true },
    { label: w.orderType, value: label(w.labels.type, d.type) },
    { label: w.createdAt, value: beijing(d.createdAt) },
    { label: w.brandModel, value: d.product ? `${d.product.brand} ${d.product.model}`.trim() : '' },
    { label: w.serial, value: d.product?.serial ?? '' },
    { label: w.outlet, value: d.outlet },
    { label: w.technician, value: d.technician },
    { label: w.fault, value: d.fault, wide: true },
  ]);

  s.section(w.visits);
  s.table(
    [
      { header: w.visitNo, width: 6, align: 'center' },
      { header: w.arrivedAt, width: 18 },
      { header: w.findings, width: 29 },
      { header: w.workDone, width: 33 },
      { header: w.outcome, width: 14 },
    ],
    d.visits.map((v, i) => [
      String(i + 1),
      beijing(v.arrivedAt),
      v.findings,
      v.workDone,
      v.outcome ? label(w.labels.outcome, v.outcome) : '',
    ]),
  );

  if (d.parts.length) {
    s.section(w.parts);
    s.table(
      [
        { header: w.partCode, width: 18 },
        { header: w.partName, width: 34 },
        { header: w.qty, width: 8, align: 'right' },
        { header: w.newSerial, width: 22 },
        { header: w.paidBy, width: 18 },
      ],
      d.parts.map((x) => [
        x.code,
        p.locale === 'en-US' && x.nameEn ? x.nameEn : x.nameZh,
        String(x.qty),
        x.newSerial ?? '',
        label(w.labels.paidBy, x.paidBy),
      ]),
    );
  }

  s.section(w.charges);
  if (d.quote) chargeLines(p, s, d.quote);
  else s.paragraph(w.noCharges);

  s.signatures(
    [
      {
        label: w.signature,
        image: d.signature,
        empty: w.signatureNone,
        note: meta(p, w.signedDate, beijingDate(d.signedAt ?? d.completedAt)),
      },
      {
        label: w.technician,
        empty: d.technician,
        note: meta(p, w.completedAt, beijing(d.completedAt)),
      },
    ],
    // Only a completed order has a service for the customer to confirm.
    d.completedAt ? w.confirmation : undefined,
  );
  return s.finish(w.page, p.stamp);
}

/** A quote's lines and totals (also used by the quotation itself). */
export function chargeLines(p: Print, s: ReturnType<typeof openSheet>, q: Quote): void {
  const w = p.words;
  s.table(
    [
      { header: w.item, width: 46 },
      { header: w.qty, width: 10, align: 'right' },
      { header: w.unitPrice, width: 20, align: 'right' },
      { header: w.amount, width: 24, align: 'right' },
    ],
    q.lines.map((l) => [
      p.locale === 'en-US' && l.nameEn ? l.nameEn : l.nameZh,
      String(l.qty),
      money(l.unitFen),
      money(l.amountFen),
    ]),
  );
  s.totals([
    { label: w.subtotal, value: money(q.subtotalFen) },
    ...(q.discountFen ? [{ label: w.discount, value: money(-q.discountFen) }] : []),
    { label: w.total, value: money(q.totalFen), strong: true },
    { label: w.paid, value: money(q.paidFen) },
    { label: w.balance, value: money(q.balanceFen) },
  ]);
}
