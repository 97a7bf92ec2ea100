import {
  RMA_KIND_REMEDIES,
  type Remedy,
  type RemedyVerdict,
  type RmaKind,
  type WarrantyEvaluation,
} from '@anxin/contracts';
import type { Refusal } from '../../../platform/http/errors.ts';

/**
 * Where a new case goes given the engine's verdict on the remedy asked for:
 * - allowed and no approval needed → `eligible`;
 * - allowed but the rule wants an approver (furniture refunds), or not allowed → only with an
 *   override request carrying a reason → `override_pending`;
 * - otherwise a refusal: `rma.remedy_not_allowed` (with the deciding rule) or
 *   `rma.override_reason_required`.
 */
export function admission(
  kind: RmaKind,
  remedy: Remedy,
  evaluation: WarrantyEvaluation,
  override: { reason: string } | undefined,
):
  | { ok: true; status: 'eligible' | 'override_pending'; verdict: RemedyVerdict | null }
  | { ok: false; refusal: Refusal; path: string } {
  if (!RMA_KIND_REMEDIES[kind].includes(remedy))
    return {
      ok: false,
      refusal: { code: 'rma.remedy_kind_mismatch', params: { kind, remedy } },
      path: 'remedy',
    };
  const verdict = evaluation.remedies.find((v) => v.remedy === remedy) ?? null;
  const clear = !!verdict && verdict.allowed && !verdict.needsApproval;
  if (override !== undefined && override.reason.trim() === '')
    return {
      ok: false,
      refusal: { code: 'rma.override_reason_required', params: {} },
      path: 'override.reason',
    };
  if (clear) return { ok: true, status: 'eligible', verdict };
  if (!override)
    return {
      ok: false,
      refusal: {
        code: 'rma.remedy_not_allowed',
        params: { remedy, rule: verdict?.rule ?? 'rma.no_verdict' },
      },
      path: 'remedy',
    };
  return { ok: true, status: 'override_pending', verdict };
}

/** A business date must not precede another; the refusal names the field and its earliest day. */
export function notBefore(field: string, date: string, earliest: string | null): Refusal | null {
  if (earliest && date < earliest) return { code: 'rma.dates_out_of_order', params: { field, earliest } };
  return null;
}

/**
 * The most a used product's refund may be: the price the engine knew minus its depreciation or,
 * for a car, its usage fee (the online 7-day return gives the whole price back). Null when the
 * engine knew no price.
 */
export function refundCap(
  remedy: Remedy,
  evaluation: WarrantyEvaluation,
): { maxFen: number | null; depreciationFen: number } {
  const d = evaluation.depreciation;
  const price = d?.priceFen ?? null;
  if (remedy === 'no_reason_return') return { maxFen: price, depreciationFen: 0 };
  // A car returned under 第24条 costs the consumer its use (第27条) instead of a daily depreciation.
  const dep = (d?.amountFen ?? 0) + (evaluation.usageCompensation?.amountFen ?? 0);
  const known = price ?? evaluation.usageCompensation?.priceFen ?? null;
  return { maxFen: known === null ? null : Math.max(0, known - dep), depreciationFen: dep };
}
