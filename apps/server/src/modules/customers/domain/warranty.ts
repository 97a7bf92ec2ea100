import type { WarrantyStatus } from '@anxin/contracts';

export interface WarrantyTerms {
  unitWarrantyMonths: number;
  mainPartsWarrantyMonths: number;
}
export interface WarrantyDates {
  purchaseDate: string | null;
  installDate: string | null;
}
export interface WarrantyView {
  status: WarrantyStatus;
  startsOn: string | null;
  unitUntil: string | null;
  mainPartsUntil: string | null;
  asOf: string;
}

/**
 * 三包 warranty as of a business date (docs/domain-standards.md §2.2).
 *
 * - Start: the invoice date (《部分商品修理更换退货责任规定》第8条 "自开具发票之日起"). We store it
 *   as `purchaseDate`. Without it we fall back to the install date: the 释义 keeps the obligation
 *   when the consumer can prove coverage otherwise, and the later date only favours the consumer.
 * - End: the start day is not counted and a period in months ends on the corresponding day of the
 *   final month, or that month's last day when it has none (民法典 第201–202条); the end day is
 *   inside the warranty (第8条 释义: invoice 1995-12-01 + 1 year → ends 1996-12-01).
 * - Main parts are covered at least as long as the whole unit.
 * - Not yet applied: the extension by repair/parts-waiting days and the move past a statutory
 *   holiday (第8条 释义); both need order history and the calendar, which belong to work orders.
 */
export function computeWarranty(
  terms: WarrantyTerms | null,
  dates: WarrantyDates,
  asOf: string,
): WarrantyView {
  const startsOn = dates.purchaseDate ?? dates.installDate;
  if (!terms || !startsOn)
    return { status: 'unknown', startsOn, unitUntil: null, mainPartsUntil: null, asOf };
  const unitUntil = addMonths(startsOn, terms.unitWarrantyMonths);
  const mainPartsUntil = addMonths(
    startsOn,
    Math.max(terms.unitWarrantyMonths, terms.mainPartsWarrantyMonths),
  );
  // ISO dates compare correctly as strings.
  const status: WarrantyStatus =
    asOf <= unitUntil && terms.unitWarrantyMonths > 0
      ? 'in_warranty'
      : asOf <= mainPartsUntil && terms.mainPartsWarrantyMonths > 0
        ? 'main_parts_only'
        : 'out_of_warranty';
  return { status, startsOn, unitUntil, mainPartsUntil, asOf };
}

/** `YYYY-MM-DD` + n months, clamped to the last day of the target month (2024-02-29 + 12 → 2025-02-28). */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return new Date(Date.UTC(ty, tm, Math.min(d, last))).toISOString().slice(0, 10);
}
