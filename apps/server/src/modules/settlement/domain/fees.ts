import type { FeeRule, FeeSchedule, SettlementGrade } from '@anxin/contracts';
import { distanceKm } from '../../../platform/geo/index.ts';

/**
 * The fee of one closed order, as a pure function of the order, its outlet and the schedule.
 *
 * Rounding rule (documented in the module README section of apps/web/README.md and here): every
 * amount is integer fen; the only non-integer step is the grade coefficient, read to three
 * decimals (permille), and its product is rounded half up once per line:
 *   amount = roundHalfUp((base + distance surcharge + remote surcharge) × coefficient)
 * Parts are not part of the order fee: each passed 旧件 claim is a line of its own (lines.ts,
 * `part_claim:<returnId>`), a cost the coefficient does not apply to. Totals are plain sums of
 * line amounts, never rounded again.
 */

/** Integer n / d rounded half up (towards +∞ at exactly .5), d > 0. */
export function roundHalfUpDiv(n: number, d: number): number {
  return Math.floor((2 * n + d) / (2 * d));
}

/** The coefficient as integer permille (1.1 → 1100), so the product stays in integers. */
export const permille = (coefficient: number): number => Math.round(coefficient * 1000);

/** Province xx0000, city xxxx00 or district code: does it contain the district? */
export function regionCovers(code: string, district: string | null): boolean {
  if (!district) return false;
  if (code.endsWith('0000')) return district.slice(0, 2) === code.slice(0, 2);
  if (code.endsWith('00')) return district.slice(0, 4) === code.slice(0, 4);
  return district === code;
}

export interface FeeOrder {
  type: string;
  categoryCode: string | null;
  /** The most specific region code the order has (district, else city, else province). */
  regionCode: string | null;
  lat: number | null;
  lng: number | null;
}

export interface FeeOutlet {
  lat: number | null;
  lng: number | null;
}

export interface FeeGrade {
  grade: SettlementGrade;
  source: 'scorecard' | 'outlet';
}

export interface FeeResult {
  amountFen: number;
  rule: FeeRule;
}

export function baseFee(s: FeeSchedule, type: string, category: string | null) {
  const exact = category
    ? s.baseFees.find((f) => f.orderType === type && f.categoryCode === category)
    : undefined;
  const fallback = s.baseFees.find((f) => f.orderType === type && f.categoryCode === '*');
  const hit = exact ?? fallback;
  return hit
    ? { feeFen: hit.feeFen, matched: `${hit.orderType}/${hit.categoryCode}` }
    : { feeFen: 0, matched: null };
}

export function distanceBand(s: FeeSchedule, km: number | null) {
  if (km === null) return { km: null, band: null, upToKm: null, surchargeFen: 0 };
  const rounded = Math.round(km * 100) / 100;
  const i = s.distanceBands.findIndex((b) => b.upToKm === null || km <= b.upToKm);
  if (i < 0) return { km: rounded, band: null, upToKm: null, surchargeFen: 0 };
  const b = s.distanceBands[i]!;
  return { km: rounded, band: i, upToKm: b.upToKm, surchargeFen: b.surchargeFen };
}

export function remoteSurcharge(s: FeeSchedule, region: string | null) {
  const code = s.remoteRegionCodes.find((c) => regionCovers(c, region)) ?? null;
  return { regionCode: code, surchargeFen: code ? s.remoteSurchargeFen : 0 };
}

export function feeOf(s: FeeSchedule, order: FeeOrder, outlet: FeeOutlet, grade: FeeGrade): FeeResult {
  const base = baseFee(s, order.type, order.categoryCode);
  const km =
    order.lat !== null && order.lng !== null && outlet.lat !== null && outlet.lng !== null
      ? distanceKm({ lat: outlet.lat, lng: outlet.lng }, { lat: order.lat, lng: order.lng })
      : null;
  const distance = distanceBand(s, km);
  const remote = remoteSurcharge(s, order.regionCode);
  const serviceFen = base.feeFen + distance.surchargeFen + remote.surchargeFen;
  const coefficient = s.gradeCoefficients[grade.grade];
  const pm = permille(coefficient);
  const amountFen = roundHalfUpDiv(serviceFen * pm, 1000);
  return {
    amountFen,
    rule: {
      orderType: order.type,
      categoryCode: order.categoryCode,
      base,
      distance,
      remote,
      serviceFen,
      grade: grade.grade,
      gradeSource: grade.source,
      coefficient: pm / 1000,
      coefficientPermille: pm,
      rounding: 'half_up_per_line',
    },
  };
}

/** Fen as yuan text with two decimals, from integers only (no float drift): -1234 → "-12.34". */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
