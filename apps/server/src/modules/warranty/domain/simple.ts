import {
  ONLINE_STATUTORY_EXCLUSIONS,
  type ContractParams,
  type FurnitureParams,
  type Online7DayParams,
} from '@anxin/contracts';
import { addMonths, endOfDays, moveOffHoliday } from './dates.ts';
import type { RuleResult, ProductFacts, Reasons, RuleContext, ServiceHistory, Verdict } from './types.ts';
import { allow, deny } from './verdict.ts';
import { startOf, unknownStart } from './common.ts';

type Result = RuleResult;

const CPL25 = '《消费者权益保护法》第25条';
const ONLINE_RULES = '《网络购买商品七日无理由退货暂行办法》';
const CONTRACT = '《民法典》第582条（合同约定）';

/**
 * Online 7-day no-reason return (消保法 第25条; 暂行办法: counted from the day after signing,
 * confirmable exclusions only with the consumer's confirmation; goods must be intact).
 */
export function evaluateOnline(
  p: Online7DayParams,
  product: ProductFacts,
  _h: ServiceHistory,
  ctx: RuleContext,
): Result {
  const reasons: Reasons = [];
  const signed = product.deliveryDate;
  if (!signed) {
    reasons.push({ rule: 'start.missing', article: CPL25, params: {} });
    return unknownStart(['no_reason_return'], reasons, CPL25);
  }
  reasons.push({ rule: 'online.signed', article: `${CPL25}；${ONLINE_RULES}`, params: { date: signed } });
  const deadline = moveOffHoliday(
    endOfDays(signed, p.returnDays),
    p.holidayMove,
    ctx.calendar,
    reasons,
    'no_reason_return',
  );
  const statutory = (product.exclusions ?? []).find((e) =>
    (ONLINE_STATUTORY_EXCLUSIONS as readonly string[]).includes(e),
  );
  const confirmed = (product.exclusions ?? []).find(
    (e) =>
      !(ONLINE_STATUTORY_EXCLUSIONS as readonly string[]).includes(e) &&
      (product.confirmedExclusions ?? []).includes(e),
  );
  let verdict: Verdict;
  if (statutory)
    verdict = deny('no_reason_return', 'online.statutory_exclusion', CPL25, { exclusion: statutory });
  else if (confirmed)
    verdict = deny('no_reason_return', 'online.confirmed_exclusion', `${ONLINE_RULES}第7条`, {
      exclusion: confirmed,
    });
  else if (product.intact === false) verdict = deny('no_reason_return', 'online.not_intact', CPL25, {});
  else if (ctx.asOf > deadline)
    verdict = deny('no_reason_return', 'online.window_passed', CPL25, { days: p.returnDays, deadline });
  else
    verdict = allow(
      'no_reason_return',
      'online.no_reason_return',
      CPL25,
      deadline,
      { days: p.returnDays, signedOn: signed, refundWithinDays: p.refundWithinDays },
      // 第25条: the consumer pays return shipping unless agreed otherwise.
      { payer: 'customer' },
    );
  return {
    coverage: {
      status: 'unknown',
      startsOn: signed,
      unitUntil: null,
      mainPartsUntil: null,
      repairDays: 0,
      partsWaitDays: 0,
      reasons,
    },
    remedies: [verdict],
    depreciation: null,
  };
}

function contractPeriod(
  months: number,
  holidayMove: ContractParams['holidayMove'],
  product: ProductFacts,
  history: ServiceHistory,
  ctx: RuleContext,
) {
  const reasons: Reasons = [];
  const start = startOf(product, history, reasons, CONTRACT);
  if (!start) return { reasons, start: null, until: null, covered: false };
  const base = addMonths(start, months);
  reasons.push({
    rule: 'period.months',
    article: '《民法典》第201条、第202条',
    params: { what: 'unit', from: start, months, to: base },
  });
  const until = moveOffHoliday(base, holidayMove, ctx.calendar, reasons, 'unit');
  return { reasons, start, until, covered: months > 0 && ctx.asOf <= until };
}

const coverageOf = (c: ReturnType<typeof contractPeriod>) => ({
  status: c.covered ? ('in_warranty' as const) : ('out_of_warranty' as const),
  startsOn: c.start,
  unitUntil: c.until,
  mainPartsUntil: c.until,
  repairDays: 0,
  partsWaitDays: 0,
  reasons: c.reasons,
});

/** Furniture: exchange within the warranty; a refund only with an approver. */
export function evaluateFurniture(
  p: FurnitureParams,
  product: ProductFacts,
  history: ServiceHistory,
  ctx: RuleContext,
): Result {
  const c = contractPeriod(p.warrantyMonths, p.holidayMove, product, history, ctx);
  if (!c.start)
    return unknownStart(['exchange', 'refund', 'free_repair', 'paid_repair'], c.reasons, CONTRACT);
  const remedies: Verdict[] = c.covered
    ? [
        allow('exchange', 'furniture.exchange', CONTRACT, c.until, { months: p.warrantyMonths }),
        allow('refund', 'furniture.refund_with_approval', CONTRACT, c.until, {}, { needsApproval: true }),
        allow('free_repair', 'contract.free_repair', CONTRACT, c.until, { months: p.warrantyMonths }),
        deny('paid_repair', 'warranty.free_repair_applies', CONTRACT, {}),
      ]
    : [
        deny('exchange', 'contract.expired', CONTRACT, { until: c.until }),
        deny('refund', 'contract.expired', CONTRACT, { until: c.until }),
        deny('free_repair', 'contract.expired', CONTRACT, { until: c.until }),
        allow('paid_repair', 'warranty.paid_after_warranty', CONTRACT, null, { until: c.until }),
      ];
  return { coverage: coverageOf(c), remedies, depreciation: null };
}

/** Plain contract terms: free repair within the months, paid after; no statutory exchange or refund. */
export function evaluateContract(
  p: ContractParams,
  product: ProductFacts,
  history: ServiceHistory,
  ctx: RuleContext,
): Result {
  const c = contractPeriod(p.warrantyMonths, p.holidayMove, product, history, ctx);
  if (!c.start) return unknownStart(['free_repair', 'paid_repair'], c.reasons, CONTRACT);
  const remedies: Verdict[] = c.covered
    ? [
        allow('free_repair', 'contract.free_repair', CONTRACT, c.until, { months: p.warrantyMonths }),
        deny('paid_repair', 'warranty.free_repair_applies', CONTRACT, {}),
      ]
    : [
        deny('free_repair', 'contract.expired', CONTRACT, { until: c.until }),
        allow('paid_repair', 'warranty.paid_after_warranty', CONTRACT, null, { until: c.until }),
      ];
  return { coverage: coverageOf(c), remedies, depreciation: null };
}

/**
 * No published policy: the catalogue's whole-unit and main-part months, counted like a contract
 * (start day excluded, month-end clamp); free repair within, paid after.
 */
export function evaluateCatalogueTerms(
  terms: { unitMonths: number; mainPartsMonths: number },
  product: ProductFacts,
  history: ServiceHistory,
  ctx: RuleContext,
): Result {
  const unit = contractPeriod(terms.unitMonths, 'none', product, history, ctx);
  const reasons: Reasons = [
    {
      rule: 'warranty.catalogue_terms',
      article: '',
      params: { unitMonths: terms.unitMonths, mainPartsMonths: terms.mainPartsMonths },
    },
    ...unit.reasons,
  ];
  if (!unit.start) return unknownStart(['free_repair', 'paid_repair'], reasons, CONTRACT);
  const mainMonths = Math.max(terms.unitMonths, terms.mainPartsMonths);
  const mainUntil = addMonths(unit.start, mainMonths);
  const status = unit.covered
    ? ('in_warranty' as const)
    : terms.mainPartsMonths > 0 && ctx.asOf <= mainUntil
      ? ('main_parts_only' as const)
      : ('out_of_warranty' as const);
  const remedies: Verdict[] =
    status === 'out_of_warranty'
      ? [
          deny('free_repair', 'contract.expired', CONTRACT, { until: mainUntil }),
          allow('paid_repair', 'warranty.paid_after_warranty', CONTRACT, null, { until: mainUntil }),
        ]
      : [
          allow(
            'free_repair',
            'contract.free_repair',
            CONTRACT,
            status === 'in_warranty' ? unit.until : mainUntil,
            {
              months: status === 'in_warranty' ? terms.unitMonths : mainMonths,
            },
          ),
          deny('paid_repair', 'warranty.free_repair_applies', CONTRACT, {}),
        ];
  return {
    coverage: { ...coverageOf(unit), status, mainPartsUntil: mainUntil, reasons },
    remedies,
    depreciation: null,
  };
}
