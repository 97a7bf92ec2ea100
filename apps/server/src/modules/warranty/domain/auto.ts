import type { Auto2021Params } from '@anxin/contracts';
import { addMonths, endOfDays, moveOffHoliday } from './dates.ts';
import type {
  Evaluation,
  RuleResult,
  ProductFacts,
  Reasons,
  RepairRecord,
  RuleContext,
  ServiceHistory,
  Verdict,
} from './types.ts';
import { allow, deny } from './verdict.ts';
import { unknownStart } from './common.ts';

/** 《家用汽车产品修理更换退货责任规定》(市场监管总局令第43号, 2021), docs/domain-standards.md §2.3. */
export const AUTO = '《家用汽车产品修理更换退货责任规定》';
const HOUR_MS = 3_600_000;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
/** The grants of 第24条 第1款 (一)–(四): the only ones that carry the 第27条 usage fee. */
const ARTICLE_24_RULES = new Set([
  'auto.cumulative_repair_days',
  'auto.safety_repaired_twice',
  'auto.assembly_replaced_twice',
  'auto.component_replaced_twice',
  'auto.same_problem_repairs',
]);

/**
 * 第40条: a single repair's time runs from the agreement to repair until completion, counted in
 * hours; every full 24 h is one day and a remainder under 24 h is one more day. Open repairs run to
 * the end of the request date (Asia/Shanghai).
 */
export function repairDaysInHours(r: RepairRecord, asOf: string): number {
  const end = r.completedAt ? Date.parse(r.completedAt) : Date.parse(`${endOfDays(asOf, 1)}T00:00:00+08:00`);
  const hours = Math.max(0, (end - Date.parse(r.createdAt)) / HOUR_MS);
  return Math.ceil(hours / 24);
}

export function evaluateAuto(
  p: Auto2021Params,
  product: ProductFacts,
  history: ServiceHistory,
  ctx: RuleContext,
): RuleResult {
  const { asOf, calendar, facts } = ctx;
  const reasons: Reasons = [];
  const art = (n: number) => `${AUTO}第${n}条`;
  // 第18条: from the invoice date, or the delivery date when they differ; 第29条: an exchange restarts both periods.
  let start: string | null;
  if (history.exchangedOn) {
    start = history.exchangedOn;
    reasons.push({ rule: 'start.exchange', article: art(29), params: { date: start } });
  } else if (product.invoiceDate && product.deliveryDate && product.invoiceDate !== product.deliveryDate) {
    start = product.deliveryDate;
    reasons.push({
      rule: 'auto.start_delivery',
      article: art(18),
      params: { date: start, invoiceDate: product.invoiceDate },
    });
  } else if (product.invoiceDate ?? product.deliveryDate) {
    start = (product.invoiceDate ?? product.deliveryDate)!;
    reasons.push({ rule: 'start.invoice', article: art(18), params: { date: start } });
  } else {
    reasons.push({ rule: 'start.missing', article: art(18), params: {} });
    start = null;
  }
  if (!start)
    return unknownStart(
      ['refund', 'exchange', 'part_replacement', 'free_repair', 'paid_repair', 'loaner_car'],
      reasons,
      art(18),
    );

  const km = product.mileageKm ?? null;
  const period = (months: number, limitKm: number, what: string) => {
    const base = addMonths(start, months);
    reasons.push({
      rule: 'auto.period',
      article: art(18),
      params: { what, from: start, months, km: limitKm, to: base },
    });
    const until = moveOffHoliday(base, p.holidayMove, calendar, reasons, what);
    const kmOk = km === null || km <= limitKm;
    if (!kmOk)
      reasons.push({ rule: 'auto.km_reached', article: art(18), params: { what, mileageKm: km, limitKm } });
    return { until, covered: asOf <= until && kmOk };
  };
  const threePack = period(p.threePackMonths, p.threePackKm, 'three_pack');
  const repairWarranty = period(p.repairWarrantyMonths, p.repairWarrantyKm, 'repair_warranty');

  const repairs = history.repairs.filter((r) => r.createdOn >= start && r.createdOn <= asOf);
  const inThreePack = repairs.filter((r) => r.createdOn <= threePack.until);
  // 第24条 (d): cumulative repair time > 30 days, or the same problem repaired > 4 times.
  const cumulativeDays = inThreePack.reduce((n, r) => n + repairDaysInHours(r, asOf), 0);
  const byProblem = new Map<string, number>();
  for (const r of inThreePack.filter((x) => x.completedOn))
    for (const c of new Set(r.faultCodes)) byProblem.set(c, (byProblem.get(c) ?? 0) + 1);
  const [worstCode, worstCount] = [...byProblem.entries()].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  const partsWaitDays = repairs.reduce((n, r) => n + r.partsWaitDays, 0);

  const swapUntil = endOfDays(start, p.swapDays);
  const safetyUntil = endOfDays(start, p.safetyDays);
  const majorUntil = endOfDays(start, p.majorPartDays);
  const within = (until: string, limitKm: number) => asOf <= until && (km === null || km <= limitKm);

  const backOrReturn = (): Verdict | null => {
    if (facts.majorPartFault && asOf <= swapUntil)
      return allow('exchange', 'auto.swap_7d', art(22), swapUntil, { days: p.swapDays });
    if (facts.safetyFault && within(safetyUntil, p.safetyKm))
      return allow('exchange', 'auto.safety_60d', art(23), safetyUntil, {
        days: p.safetyDays,
        km: p.safetyKm,
      });
    if (threePack.covered && cumulativeDays > p.cumulativeRepairDays)
      return allow('exchange', 'auto.cumulative_repair_days', art(24), threePack.until, {
        days: cumulativeDays,
        limit: p.cumulativeRepairDays,
      });
    // 第24条(一)(二)(三): repaired or replaced twice and the car is back with the same kind of fault.
    const twice = article24abc(p, inThreePack, facts);
    if (threePack.covered && twice)
      return allow('exchange', twice.rule, art(24), threePack.until, twice.params);
    if (threePack.covered && worstCount > p.sameProblemRepairs)
      return allow('exchange', 'auto.same_problem_repairs', art(24), threePack.until, {
        faultCode: worstCode,
        repairs: worstCount,
        limit: p.sameProblemRepairs,
      });
    return null;
  };
  const remedies: Verdict[] = [];
  const grant = backOrReturn();
  for (const remedy of ['exchange', 'refund'] as const) {
    if (grant) remedies.push({ ...grant, remedy });
    else if (!threePack.covered)
      remedies.push(deny(remedy, 'auto.three_pack_expired', art(18), { until: threePack.until }));
    else
      remedies.push(
        deny(remedy, 'auto.exchange_conditions_unmet', art(24), {
          days: cumulativeDays,
          limit: p.cumulativeRepairDays,
          repairs: worstCount,
          repairLimit: p.sameProblemRepairs,
        }),
      );
  }
  // 第20条: a major-part fault within 60 days / 3,000 km → free replacement of the assembly.
  if (facts.majorPartFault && within(majorUntil, p.majorPartKm))
    remedies.push(
      allow('part_replacement', 'auto.major_part_60d', art(20), majorUntil, {
        days: p.majorPartDays,
        km: p.majorPartKm,
      }),
    );
  else
    remedies.push(
      deny('part_replacement', 'auto.major_part_conditions_unmet', art(20), {
        days: p.majorPartDays,
        km: p.majorPartKm,
      }),
    );
  // 第19条: parts and labour free within the 包修期.
  if (repairWarranty.covered) {
    remedies.push(
      allow('free_repair', 'auto.repair_warranty', art(19), repairWarranty.until, {
        months: p.repairWarrantyMonths,
        km: p.repairWarrantyKm,
      }),
    );
    remedies.push(deny('paid_repair', 'warranty.free_repair_applies', art(19), {}));
  } else {
    remedies.push(
      deny('free_repair', 'auto.repair_warranty_expired', art(19), { until: repairWarranty.until }),
    );
    remedies.push(
      allow('paid_repair', 'warranty.paid_after_warranty', art(19), null, { until: repairWarranty.until }),
    );
  }

  // 第21条: a long single repair within the 包修期 gives a loaner car (or transport money) from day 6.
  remedies.push(loanerCar(p, repairs, repairWarranty, asOf, art(21)));

  return {
    // 第27条: the use had is paid for only on an exchange or return under 第24条.
    usageCompensation: grant && ARTICLE_24_RULES.has(grant.rule) ? usageFee(p, product) : null,
    coverage: {
      status: threePack.covered
        ? 'in_warranty'
        : repairWarranty.covered
          ? 'main_parts_only'
          : 'out_of_warranty',
      startsOn: start,
      unitUntil: threePack.until,
      mainPartsUntil: repairWarranty.until,
      repairDays: cumulativeDays,
      partsWaitDays,
      reasons,
    },
    remedies,
    depreciation: null,
  };
}

/**
 * 第24条(一)–(三) within the three-pack period: a serious safety fault repaired `safetyRepairs`
 * times and here again; an assembly (发动机/变速器/动力蓄电池/行驶驱动电机) replaced
 * `replacementsBeforeExchange` times and the car still faulty; or the same main component replaced
 * that often and still faulty. Assembly and component replacements are counted separately.
 */
function article24abc(
  p: Auto2021Params,
  repairs: readonly RepairRecord[],
  facts: RuleContext['facts'],
): { rule: string; params: Record<string, string | number> } | null {
  const done = repairs.filter((r) => r.completedOn);
  const safety = new Set(p.safetyFaultCodes);
  const safetyRepairs = done.filter((r) => r.faultCodes.some((c) => safety.has(c))).length;
  const safetyNow = facts.safetyFault || (facts.faultCodes ?? []).some((c) => safety.has(c));
  if (safetyNow && safetyRepairs >= p.safetyRepairs)
    return { rule: 'auto.safety_repaired_twice', params: { repairs: safetyRepairs, limit: p.safetyRepairs } };
  if (!facts.faulty && !safetyNow && !facts.majorPartFault) return null;
  const count = (classes: readonly string[]) => {
    const wanted = new Set(classes);
    const per = new Map<string, number>();
    for (const r of done)
      for (const c of new Set(r.replacedPartClasses ?? []))
        if (wanted.has(c)) per.set(c, (per.get(c) ?? 0) + 1);
    return per;
  };
  const assemblies = [...count(p.assemblyPartClasses).values()].reduce((n, x) => n + x, 0);
  if (assemblies >= p.replacementsBeforeExchange)
    return {
      rule: 'auto.assembly_replaced_twice',
      params: { replacements: assemblies, limit: p.replacementsBeforeExchange },
    };
  const [component, times] = [...count(p.mainComponentPartClasses).entries()].sort(
    (a, b) => b[1] - a[1],
  )[0] ?? ['', 0];
  if (times >= p.replacementsBeforeExchange)
    return {
      rule: 'auto.component_replaced_twice',
      params: { partClass: component, replacements: times, limit: p.replacementsBeforeExchange },
    };
  return null;
}

/**
 * 第21条: one repair within the 包修期 that takes more than `loanerAfterDays` days (parts waiting
 * included, counted as 第40条 does) gives a loaner car or reasonable transport compensation from
 * the next day. The longest such repair (an open one first) decides; no deadline while it runs.
 */
function loanerCar(
  p: Auto2021Params,
  repairs: readonly RepairRecord[],
  warranty: { until: string; covered: boolean },
  asOf: string,
  article: string,
): Verdict {
  if (!warranty.covered && !repairs.some((r) => !r.completedAt && r.createdOn <= warranty.until))
    return deny('loaner_car', 'auto.repair_warranty_expired', article, { until: warranty.until });
  const long = repairs
    .filter((r) => r.createdOn <= warranty.until)
    .map((r) => ({ r, days: repairDaysInHours(r, asOf) }))
    .filter((x) => x.days > p.loanerAfterDays)
    .sort((a, b) => Number(!!a.r.completedAt) - Number(!!b.r.completedAt) || b.days - a.days)[0];
  if (!long) return deny('loaner_car', 'auto.loaner_not_due', article, { limit: p.loanerAfterDays });
  const from = new Date(Date.parse(long.r.createdAt) + p.loanerAfterDays * 24 * HOUR_MS + SHANGHAI_OFFSET_MS);
  return allow('loaner_car', 'auto.loaner_car', article, null, {
    days: long.days,
    limit: p.loanerAfterDays,
    fromDate: from.toISOString().slice(0, 10),
    untilDate: long.r.completedOn,
  });
}

/** 第27条: price (元) × mileage (km) ÷ 1000 × n %, in fen; unknown when price or mileage is. */
function usageFee(p: Auto2021Params, product: ProductFacts): NonNullable<Evaluation['usageCompensation']> {
  const km = product.mileageKm ?? null;
  const price = product.priceFen;
  const amountFen =
    km === null || price === null ? null : Math.round((price * km * p.usageRatePercent) / 1000 / 100);
  return { ratePercent: p.usageRatePercent, mileageKm: km, priceFen: price, amountFen };
}
