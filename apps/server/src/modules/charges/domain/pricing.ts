import type { CalloutBand, LabourPrice, QuoteDraft, QuoteLine } from '@anxin/contracts';
import type { Refusal } from '../../../platform/http/errors.ts';

/** A part as the catalogue prices it (list price, the customer's price). */
export interface PricedPart {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  listPriceFen: number;
  active: boolean;
}

export interface PriceInput {
  labour: readonly LabourPrice[];
  callout: readonly CalloutBand[];
  /** The order's product category; a category's own labour price wins over the any-category one. */
  categoryCode: string | null;
  parts: ReadonlyMap<string, PricedPart>;
  maxDiscountPct: number;
}

export type Priced =
  | { ok: true; lines: QuoteLine[]; subtotalFen: number; discountFen: number; totalFen: number }
  | { ok: false; refusal: Refusal; path: string };

/** The band a distance falls in: minKm ≤ km < maxKm (open-ended when maxKm is null). */
export const bandOf = (bands: readonly CalloutBand[], km: number): CalloutBand | undefined =>
  bands.find((b) => km >= b.minKm && (b.maxKm === null || km < b.maxKm));

export const bandRef = (b: CalloutBand): string => `km:${b.minKm}-${b.maxKm ?? ''}`;

/** The labour price of a service item for a category: the category's own line, else the general one. */
export const labourOf = (
  labour: readonly LabourPrice[],
  code: string,
  categoryCode: string | null,
): LabourPrice | undefined =>
  labour.find((l) => l.code === code && l.categoryCode !== null && l.categoryCode === categoryCode) ??
  labour.find((l) => l.code === code && l.categoryCode === null);

/**
 * Prices a quote from the published list (明码标价): labour by service item and category,
 * call-out by distance band, parts at list price × qty, then the discount (with a reason, at most
 * the policy's share of the subtotal). Nothing is priced by the client.
 */
export function priceQuote(draft: QuoteDraft, p: PriceInput): Priced {
  const lines: QuoteLine[] = [];
  for (const [i, l] of draft.labour.entries()) {
    const price = labourOf(p.labour, l.code, p.categoryCode);
    if (!price)
      return {
        ok: false,
        refusal: { code: 'charges.unknown_service', params: { code: l.code } },
        path: `labour.${i}.code`,
      };
    lines.push({
      kind: 'labour',
      ref: price.code,
      nameZh: price.nameZh,
      nameEn: price.nameEn,
      qty: l.qty,
      unitFen: price.amountFen,
      amountFen: price.amountFen * l.qty,
    });
  }
  if (draft.calloutKm !== null) {
    const band = bandOf(p.callout, draft.calloutKm);
    if (!band)
      return {
        ok: false,
        refusal: { code: 'charges.no_callout_band', params: { km: draft.calloutKm } },
        path: 'calloutKm',
      };
    lines.push({
      kind: 'callout',
      ref: bandRef(band),
      nameZh:
        band.maxKm === null
          ? `上门费（${band.minKm} 公里以上）`
          : `上门费（${band.minKm}–${band.maxKm} 公里）`,
      nameEn:
        band.maxKm === null
          ? `Call-out (${band.minKm} km and more)`
          : `Call-out (${band.minKm}–${band.maxKm} km)`,
      qty: 1,
      unitFen: band.amountFen,
      amountFen: band.amountFen,
    });
  }
  for (const [i, l] of draft.parts.entries()) {
    const part = p.parts.get(l.itemId);
    if (!part || !part.active)
      return {
        ok: false,
        refusal: { code: 'charges.unknown_part', params: { itemId: l.itemId } },
        path: `parts.${i}.itemId`,
      };
    lines.push({
      kind: 'part',
      ref: part.code,
      nameZh: part.nameZh,
      nameEn: part.nameEn,
      qty: l.qty,
      unitFen: part.listPriceFen,
      amountFen: part.listPriceFen * l.qty,
    });
  }
  if (!lines.length)
    return { ok: false, refusal: { code: 'charges.empty_quote', params: {} }, path: 'labour' };
  const subtotalFen = lines.reduce((s, l) => s + l.amountFen, 0);
  const maxFen = Math.floor((subtotalFen * p.maxDiscountPct) / 100);
  if (draft.discountFen > maxFen)
    return {
      ok: false,
      refusal: { code: 'charges.discount_too_large', params: { maxFen } },
      path: 'discountFen',
    };
  if (draft.discountFen > 0 && !draft.discountReason)
    return {
      ok: false,
      refusal: { code: 'charges.discount_reason_required', params: {} },
      path: 'discountReason',
    };
  return {
    ok: true,
    lines,
    subtotalFen,
    discountFen: draft.discountFen,
    totalFen: subtotalFen - draft.discountFen,
  };
}

/** A price list's own consistency: unique service item per category, bands that do not overlap. */
export function priceListProblem(
  labour: readonly LabourPrice[],
  callout: readonly CalloutBand[],
): string | null {
  const keys = new Set<string>();
  for (const l of labour) {
    const k = `${l.code}|${l.categoryCode ?? ''}`;
    if (keys.has(k)) return `duplicate:${l.code}`;
    keys.add(k);
  }
  const bands = [...callout].sort((a, b) => a.minKm - b.minKm);
  for (const [i, b] of bands.entries()) {
    if (b.maxKm !== null && b.maxKm <= b.minKm) return `band:${b.minKm}`;
    const next = bands[i + 1];
    if (next && (b.maxKm === null || b.maxKm > next.minKm)) return `overlap:${next.minKm}`;
  }
  return null;
}

/** Whether a sent quote's answer window has closed (valid_until is the last open business date). */
export const isPastValidity = (validUntil: string | null, today: string): boolean =>
  validUntil !== null && today > validUntil;
