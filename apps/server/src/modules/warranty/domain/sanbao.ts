import type { Sanbao1995Params } from '@anxin/contracts';
import { addDays, addMonths, daysBetween, endOfDays, moveOffHoliday } from './dates.ts';
import type {
  Evaluation,
  RuleResult,
  ProductFacts,
  Reasons,
  RuleContext,
  ServiceHistory,
  Verdict,
} from './types.ts';
import { allow, deny } from './verdict.ts';
import { countedRepairs, startOf, unknownStart } from './common.ts';

/** 《部分商品修理更换退货责任规定》(1995), docs/domain-standards.md §2.2. */
export const A95 = '《部分商品修理更换退货责任规定》';
/** The 30/90-day and restart rules come from the widely circulated 三包 FAQ (§2.2, secondary). */
const FAQ = `${A95}（三包问答）`;

export function evaluateSanbao(
  p: Sanbao1995Params,
  product: ProductFacts,
  history: ServiceHistory,
  ctx: RuleContext,
): RuleResult {
  const { asOf, calendar, facts } = ctx;
  const reasons: Reasons = [];
  const start = startOf(product, history, reasons, `${A95}第8条`);
  if (!start)
    return unknownStart(
      ['refund', 'exchange', 'free_repair', 'part_replacement', 'paid_repair'],
      reasons,
      `${A95}第8条`,
    );
  const sale = product.invoiceDate ?? product.deliveryDate ?? start;

  // 第8条: the warranty is extended by the days under repair and the days waiting for parts.
  const repairs = countedRepairs(history, start, asOf);
  const repairDays = repairs.reduce((n, r) => n + r.repairDays, 0);
  const partsWaitDays = repairs.reduce((n, r) => n + r.partsWaitDays, 0);
  const ext = repairDays + partsWaitDays;
  const periodEnd = (months: number, what: string) => {
    const base = addMonths(start, months);
    if (base.slice(8) !== start.slice(8))
      reasons.push({
        rule: 'period.month_end',
        article: '《民法典》第202条',
        params: { what, from: start, months, to: base },
      });
    else
      reasons.push({
        rule: 'period.months',
        article: '《民法典》第201条、第202条',
        params: { what, from: start, months, to: base },
      });
    const extended = addDays(base, ext);
    if (ext > 0)
      reasons.push({
        rule: 'sanbao.extended_by_repairs',
        article: `${A95}第8条`,
        params: { what, repairDays, partsWaitDays, from: base, to: extended },
      });
    return moveOffHoliday(extended, p.holidayMove, calendar, reasons, what);
  };
  const unitUntil = periodEnd(p.unitWarrantyMonths, 'unit');
  const mainPartsUntil = periodEnd(Math.max(p.unitWarrantyMonths, p.mainPartsWarrantyMonths), 'main_parts');
  const inUnit = p.unitWarrantyMonths > 0 && asOf <= unitUntil;
  const inMain = p.mainPartsWarrantyMonths > 0 && asOf <= mainPartsUntil;
  const status = inUnit ? 'in_warranty' : inMain ? 'main_parts_only' : 'out_of_warranty';

  // 第9条 and 第10条: the 7- and 15-day windows run from the sale (the start day not counted).
  const windowReasons: Reasons = [];
  const d7 = moveOffHoliday(endOfDays(sale, p.returnDays), p.holidayMove, calendar, windowReasons, 'return');
  const d15 = moveOffHoliday(
    endOfDays(sale, p.exchangeDays),
    p.holidayMove,
    calendar,
    windowReasons,
    'exchange',
  );
  reasons.push(...windowReasons);
  const perf =
    facts.performanceFault ?? (facts.faultCodes ?? []).some((c) => p.performanceFaultCodes.includes(c));

  // 第11条: repaired twice within the warranty and still not working → exchange, or refund (第13条).
  const completed = repairs.filter((r) => r.completedOn !== null && r.createdOn <= unitUntil);
  const stillFaulty = facts.faulty === true || perf || repairs.some((r) => r.fixed === false);
  const twice = inUnit && completed.length >= p.repairsBeforeExchange && stillFaulty;
  // 30日: the repairer's own delay; 90日: parts not supplied after send-in (FAQ).
  const delayed = inUnit ? repairs.find((r) => r.repairDays > p.repairerDelayDays) : undefined;
  const partsLate = inUnit
    ? repairs.find((r) => r.partsWaitDays > 0 && r.repairDays + r.partsWaitDays > p.partsUnavailableDays)
    : undefined;

  const remedies: Verdict[] = [];
  const twiceParams = { repairs: completed.length, limit: p.repairsBeforeExchange };
  // Refund
  if (perf && asOf <= d7)
    remedies.push(
      allow('refund', 'sanbao.return_7d', `${A95}第9条`, d7, { days: p.returnDays, saleDate: sale }),
    );
  else if (twice)
    remedies.push(allow('refund', 'sanbao.repair_twice', `${A95}第11条、第13条`, unitUntil, twiceParams));
  else if (!perf && asOf <= d7)
    remedies.push(deny('refund', 'sanbao.not_performance_fault', `${A95}第9条`, { deadline: d7 }));
  else
    remedies.push(
      deny('refund', 'sanbao.return_window_passed', `${A95}第9条`, { days: p.returnDays, deadline: d7 }),
    );
  // Exchange
  if (perf && asOf <= d7)
    remedies.push(
      allow('exchange', 'sanbao.return_7d', `${A95}第9条`, d7, { days: p.returnDays, saleDate: sale }),
    );
  else if (perf && asOf <= d15)
    remedies.push(
      allow('exchange', 'sanbao.exchange_15d', `${A95}第10条`, d15, { days: p.exchangeDays, saleDate: sale }),
    );
  else if (partsLate)
    remedies.push(
      allow(
        'exchange',
        'sanbao.parts_unavailable',
        FAQ,
        unitUntil,
        {
          orderId: partsLate.orderId,
          days: partsLate.repairDays + partsLate.partsWaitDays,
          limit: p.partsUnavailableDays,
        },
        { payer: 'seller' },
      ),
    );
  else if (delayed)
    remedies.push(
      allow(
        'exchange',
        'sanbao.repairer_delay',
        FAQ,
        unitUntil,
        { orderId: delayed.orderId, days: delayed.repairDays, limit: p.repairerDelayDays },
        { payer: 'outlet' },
      ),
    );
  else if (twice)
    remedies.push(allow('exchange', 'sanbao.repair_twice', `${A95}第11条`, unitUntil, twiceParams));
  else if (!inUnit)
    remedies.push(deny('exchange', 'sanbao.out_of_warranty', `${A95}第8条`, { until: unitUntil }));
  else if (!perf && asOf <= d15)
    remedies.push(deny('exchange', 'sanbao.not_performance_fault', `${A95}第10条`, { deadline: d15 }));
  else
    remedies.push(
      deny('exchange', 'sanbao.exchange_conditions_unmet', `${A95}第10条、第11条`, {
        ...twiceParams,
        deadline: d15,
      }),
    );
  // Repair
  const lastDone = [...repairs]
    .filter((r) => r.completedOn)
    .sort((a, b) => (a.completedOn! < b.completedOn! ? 1 : -1))[0];
  const guaranteeUntil = lastDone?.completedOn
    ? endOfDays(lastDone.completedOn, p.postRepairGuaranteeDays)
    : null;
  let freeRepair = false;
  if (inUnit) {
    freeRepair = true;
    remedies.push(
      allow('free_repair', 'sanbao.unit_warranty', `${A95}第8条`, unitUntil, {
        months: p.unitWarrantyMonths,
      }),
    );
  } else if (guaranteeUntil && asOf <= guaranteeUntil) {
    freeRepair = true;
    remedies.push(
      allow('free_repair', 'sanbao.post_repair_guarantee', FAQ, guaranteeUntil, {
        orderId: lastDone!.orderId,
        days: p.postRepairGuaranteeDays,
        completedOn: lastDone!.completedOn,
      }),
    );
  } else remedies.push(deny('free_repair', 'sanbao.out_of_warranty', `${A95}第8条`, { until: unitUntil }));
  if (inMain)
    remedies.push(
      allow('part_replacement', 'sanbao.main_parts_warranty', `${A95}第8条`, mainPartsUntil, {
        months: p.mainPartsWarrantyMonths,
      }),
    );
  else
    remedies.push(
      deny('part_replacement', 'sanbao.main_parts_expired', `${A95}第8条`, { until: mainPartsUntil }),
    );
  if (freeRepair) remedies.push(deny('paid_repair', 'warranty.free_repair_applies', `${A95}第8条`, {}));
  else
    remedies.push(
      allow('paid_repair', 'warranty.paid_after_warranty', `${A95}第8条`, null, { until: unitUntil }),
    );

  // 第13条: refund after use deducts price × daily rate × days used (minus repair and waiting days).
  const refund = remedies.find((r) => r.remedy === 'refund');
  const depreciation =
    refund?.allowed && refund.rule === 'sanbao.repair_twice'
      ? depreciationOf(p.dailyRatePermille, sale, asOf, ext, product.priceFen)
      : null;

  return {
    coverage: { status, startsOn: start, unitUntil, mainPartsUntil, repairDays, partsWaitDays, reasons },
    remedies,
    depreciation,
  };
}

/** 第13条: price × rate (‰ per day) × (days from invoice to return − repair and waiting days), capped at the price. */
export function depreciationOf(
  dailyRatePermille: number,
  from: string,
  to: string,
  excludedDays: number,
  priceFen: number | null,
): NonNullable<Evaluation['depreciation']> {
  const days = Math.max(0, daysBetween(from, to) - excludedDays);
  const amountFen =
    priceFen === null ? null : Math.min(priceFen, Math.round((priceFen * dailyRatePermille * days) / 1000));
  return { dailyRatePermille, days, priceFen, amountFen };
}
