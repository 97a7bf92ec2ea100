import type { RemedyVerdict, WarrantyEvaluation } from '@anxin/contracts';
import { describe, expect, it } from 'vitest';
import { actionsFrom, nextStatus, RMA_RULES } from './lifecycle.ts';
import { admission, notBefore, refundCap } from './rules.ts';

const v = (remedy: RemedyVerdict['remedy'], allowed: boolean, needsApproval = false): RemedyVerdict => ({
  remedy,
  allowed,
  deadline: null,
  rule: `r.${remedy}`,
  article: 'a',
  params: {},
  needsApproval,
  payer: null,
});
const evaluation = (
  remedies: RemedyVerdict[],
  depreciation: WarrantyEvaluation['depreciation'] = null,
): WarrantyEvaluation => ({
  policy: null,
  asOf: '2026-11-03',
  coverage: {
    status: 'unknown',
    startsOn: null,
    unitUntil: null,
    mainPartsUntil: null,
    repairDays: 0,
    partsWaitDays: 0,
    reasons: [],
  },
  remedies,
  depreciation,
  usageCompensation: null,
});

describe('the RMA state table', () => {
  it('offers each status its actions, by kind', () => {
    expect(actionsFrom('override_pending', 'return')).toEqual(['approve_override', 'reject_override']);
    expect(actionsFrom('in_logistics', 'return')).toEqual(['record_refund']);
    expect(actionsFrom('in_logistics', 'exchange')).toEqual(['record_exchange']);
    expect(actionsFrom('rejected', 'exchange')).toEqual(['close']);
    expect(actionsFrom('closed', 'return')).toEqual([]);
  });
  it('refuses a step from the wrong state with the reachable statuses', () => {
    expect(nextStatus('eligible', 'return', 'start_inspection')).toEqual({ ok: true, to: 'inspecting' });
    expect(nextStatus('in_logistics', 'exchange', 'record_refund')).toEqual({
      ok: false,
      refusal: {
        code: 'state.invalid_transition',
        params: { from: 'in_logistics', to: 'refunded', allowed: ['exchanged'] },
      },
    });
  });
  it('lets no step leave a closed case', () => {
    expect(RMA_RULES.filter((r) => r.from.includes('closed'))).toEqual([]);
  });
});

describe('admission by the evaluation', () => {
  it('is eligible when allowed without approval, pending with a reasoned override otherwise', () => {
    expect(
      admission('return', 'no_reason_return', evaluation([v('no_reason_return', true)]), undefined),
    ).toMatchObject({ ok: true, status: 'eligible' });
    expect(admission('return', 'refund', evaluation([v('refund', true, true)]), undefined)).toMatchObject({
      ok: false,
      refusal: { code: 'rma.remedy_not_allowed', params: { remedy: 'refund', rule: 'r.refund' } },
    });
    expect(
      admission('return', 'refund', evaluation([v('refund', false)]), { reason: '经理同意' }),
    ).toMatchObject({ ok: true, status: 'override_pending' });
    expect(admission('return', 'refund', evaluation([]), undefined)).toMatchObject({
      ok: false,
      refusal: { params: { rule: 'rma.no_verdict' } },
    });
  });
  it('refuses an override without a reason and a remedy of another kind', () => {
    expect(
      admission('exchange', 'exchange', evaluation([v('exchange', false)]), { reason: ' ' }),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'rma.override_reason_required' },
    });
    expect(admission('exchange', 'refund', evaluation([v('refund', true)]), undefined)).toMatchObject({
      ok: false,
      refusal: { code: 'rma.remedy_kind_mismatch' },
    });
  });
});

describe('dates and refunds', () => {
  it('names the field and its earliest day', () => {
    expect(notBefore('refundedOn', '2026-11-01', '2026-11-02')).toEqual({
      code: 'rma.dates_out_of_order',
      params: { field: 'refundedOn', earliest: '2026-11-02' },
    });
    expect(notBefore('refundedOn', '2026-11-02', '2026-11-02')).toBeNull();
    expect(notBefore('refundedOn', '2026-11-02', null)).toBeNull();
  });
  it('caps a used refund at price minus depreciation; the 7-day return at the price', () => {
    const e = evaluation([], { dailyRatePermille: 1, days: 100, priceFen: 200_000, amountFen: 20_000 });
    expect(refundCap('refund', e)).toEqual({ maxFen: 180_000, depreciationFen: 20_000 });
    expect(refundCap('no_reason_return', e)).toEqual({ maxFen: 200_000, depreciationFen: 0 });
    expect(refundCap('refund', evaluation([]))).toEqual({ maxFen: null, depreciationFen: 0 });
  });
  it('a car returned under 第24条 refunds the price minus its 第27条 usage fee', () => {
    const car: WarrantyEvaluation = {
      ...evaluation([]),
      usageCompensation: { ratePercent: 0.5, mileageKm: 12_000, priceFen: 15_000_000, amountFen: 900_000 },
    };
    expect(refundCap('refund', car)).toEqual({ maxFen: 14_100_000, depreciationFen: 900_000 });
  });
});
