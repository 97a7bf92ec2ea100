import { readFileSync } from 'node:fs';
import {
  DEFAULT_POLICY_PARAMS,
  parsePolicyParams,
  type Remedy,
  type WarrantyEvaluation,
} from '@anxin/contracts';
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar, HOLIDAY_CN } from '../../../platform/calendar/index.ts';
import { addMonths, daysBetween, endOfDays } from './dates.ts';
import { evaluate } from './engine.ts';
import type { EnginePolicy, ProductFacts, RepairRecord, ServiceHistory } from './types.ts';
import { depreciationOf } from './sanbao.ts';

const calendar = createBusinessCalendar({ data: HOLIDAY_CN });
const sanbao = (over: Partial<typeof DEFAULT_POLICY_PARAMS.sanbao_1995> = {}): EnginePolicy => ({
  id: 'p1',
  kind: 'sanbao_1995',
  version: 1,
  nameZh: '空调三包',
  nameEn: 'Air conditioner 三包',
  params: { ...DEFAULT_POLICY_PARAMS.sanbao_1995, performanceFaultCodes: ['AC-E1'], ...over },
});
const product = (over: Partial<ProductFacts> = {}): ProductFacts => ({
  categoryCode: 'aircon',
  invoiceDate: '2025-03-01',
  deliveryDate: '2025-03-02',
  priceFen: 300_000,
  ...over,
});
const none: ServiceHistory = { repairs: [], exchangedOn: null };
const repair = (over: Partial<RepairRecord> & Pick<RepairRecord, 'createdOn'>): RepairRecord => ({
  orderId: `wo-${over.createdOn}`,
  faultCodes: ['AC-E1'],
  createdAt: `${over.createdOn}T02:00:00.000Z`,
  completedOn: over.createdOn,
  completedAt: `${over.createdOn}T08:00:00.000Z`,
  repairDays: 0,
  partsWaitDays: 0,
  fixed: true,
  ...over,
});
const verdict = (e: WarrantyEvaluation, remedy: Remedy) => {
  const v = e.remedies.find((r) => r.remedy === remedy);
  if (!v) throw new Error(`no verdict for ${remedy}`);
  return v;
};
const rules = (e: WarrantyEvaluation) => e.coverage.reasons.map((r) => r.rule);

describe('Civil Code dates (民法典 第201–203条)', () => {
  it('does not count the start day: 7 days from 03-01 end on 03-08', () => {
    expect(endOfDays('2025-03-01', 7)).toBe('2025-03-08');
    expect(endOfDays('2025-02-25', 7)).toBe('2025-03-04');
  });
  it('clamps to the month end: 01-31 + 1 month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-08-31', 1)).toBe('2025-09-30');
  });
  it('handles the leap day', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
  it('ends a month-end warranty on the last day and says why', () => {
    const e = evaluate(
      sanbao({ unitWarrantyMonths: 1, holidayMove: 'none' }),
      product({ invoiceDate: '2025-01-31' }),
      none,
      '2025-02-28',
      calendar,
    );
    expect(e.coverage.unitUntil).toBe('2025-02-28');
    expect(e.coverage.status).toBe('in_warranty');
    expect(rules(e)).toContain('period.month_end');
    const after = evaluate(
      sanbao({ unitWarrantyMonths: 1, holidayMove: 'none' }),
      product({ invoiceDate: '2025-01-31' }),
      none,
      '2025-03-01',
      calendar,
    );
    expect(after.coverage.status).toBe('main_parts_only');
  });
  it('moves a last day on 国庆 to the day after the holiday ends', () => {
    // 2024-10-01 + 12 months = 2025-10-01, inside 国庆+中秋 2025-10-01..10-08.
    const e = evaluate(sanbao(), product({ invoiceDate: '2024-10-01' }), none, '2025-10-09', calendar);
    expect(e.coverage.unitUntil).toBe('2025-10-09');
    expect(e.coverage.status).toBe('in_warranty');
    const moved = e.coverage.reasons.find(
      (r) => r.rule === 'period.holiday_moved' && r.params.what === 'unit',
    );
    expect(moved?.params).toMatchObject({ from: '2025-10-01', to: '2025-10-09' });
    expect(moved?.article).toBe('《民法典》第203条');
    expect(
      evaluate(sanbao(), product({ invoiceDate: '2024-10-01' }), none, '2025-10-10', calendar).coverage
        .status,
    ).toBe('main_parts_only');
  });
  it('moves past weekends only when the policy says all rest days', () => {
    // 2026-03-07 is a Saturday, not a statutory holiday.
    const p = product({ invoiceDate: '2025-03-07' });
    expect(evaluate(sanbao(), p, none, '2026-03-07', calendar).coverage.unitUntil).toBe('2026-03-07');
    expect(
      evaluate(sanbao({ holidayMove: 'all_rest_days' }), p, none, '2026-03-07', calendar).coverage.unitUntil,
    ).toBe('2026-03-09');
  });
  it('does not move when the calendar has no data for the year, and says so', () => {
    const e = evaluate(sanbao(), product({ invoiceDate: '2026-10-01' }), none, '2027-01-10', calendar);
    expect(e.coverage.unitUntil).toBe('2027-10-01');
    const r = e.coverage.reasons.find((x) => x.rule === 'period.calendar_missing');
    expect(r?.params).toMatchObject({ year: 2027 });
  });
});

describe('sanbao_1995 (《部分商品修理更换退货责任规定》)', () => {
  const perf = { performanceFault: true };
  it('7th day in, 8th day out for a refund (第9条)', () => {
    const day7 = evaluate(sanbao(), product(), none, '2025-03-08', calendar, perf);
    expect(verdict(day7, 'refund')).toMatchObject({
      allowed: true,
      rule: 'sanbao.return_7d',
      deadline: '2025-03-08',
      article: '《部分商品修理更换退货责任规定》第9条',
    });
    expect(verdict(day7, 'exchange')).toMatchObject({ allowed: true, rule: 'sanbao.return_7d' });
    const day8 = evaluate(sanbao(), product(), none, '2025-03-09', calendar, perf);
    expect(verdict(day8, 'refund')).toMatchObject({ allowed: false, rule: 'sanbao.return_window_passed' });
    expect(verdict(day8, 'exchange')).toMatchObject({
      allowed: true,
      rule: 'sanbao.exchange_15d',
      deadline: '2025-03-16',
    });
  });
  it('15th day in, 16th day out for an exchange (第10条)', () => {
    expect(
      verdict(evaluate(sanbao(), product(), none, '2025-03-16', calendar, perf), 'exchange').allowed,
    ).toBe(true);
    const d16 = evaluate(sanbao(), product(), none, '2025-03-17', calendar, perf);
    expect(verdict(d16, 'exchange')).toMatchObject({
      allowed: false,
      rule: 'sanbao.exchange_conditions_unmet',
    });
    expect(verdict(d16, 'free_repair')).toMatchObject({
      allowed: true,
      rule: 'sanbao.unit_warranty',
      deadline: '2026-03-01',
    });
  });
  it('needs a performance fault: from the fault code list, else refused', () => {
    const byCode = evaluate(sanbao(), product(), none, '2025-03-05', calendar, { faultCodes: ['AC-E1'] });
    expect(verdict(byCode, 'refund').allowed).toBe(true);
    const other = evaluate(sanbao(), product(), none, '2025-03-05', calendar, { faultCodes: ['AC-NOISE'] });
    expect(verdict(other, 'refund')).toMatchObject({ allowed: false, rule: 'sanbao.not_performance_fault' });
  });
  it('extends the warranty by repair and parts-waiting days (第8条)', () => {
    const h: ServiceHistory = {
      repairs: [
        repair({ createdOn: '2025-06-01', completedOn: '2025-06-11', repairDays: 4, partsWaitDays: 6 }),
      ],
      exchangedOn: null,
    };
    const e = evaluate(sanbao(), product(), h, '2026-03-05', calendar);
    expect(e.coverage).toMatchObject({
      unitUntil: '2026-03-11',
      repairDays: 4,
      partsWaitDays: 6,
      status: 'in_warranty',
    });
    expect(rules(e)).toContain('sanbao.extended_by_repairs');
  });
  it('after two repairs a new fault gives exchange or refund with depreciation (第11条, 第13条)', () => {
    const h: ServiceHistory = {
      repairs: [
        repair({ createdOn: '2025-04-01', completedOn: '2025-04-04', repairDays: 3 }),
        repair({ createdOn: '2025-05-01', completedOn: '2025-05-07', repairDays: 4, partsWaitDays: 2 }),
      ],
      exchangedOn: null,
    };
    const one = evaluate(
      sanbao(),
      product(),
      { ...h, repairs: h.repairs.slice(0, 1) },
      '2025-06-10',
      calendar,
      { faulty: true },
    );
    expect(verdict(one, 'exchange').allowed).toBe(false);
    const e = evaluate(sanbao(), product(), h, '2025-06-10', calendar, { faulty: true });
    expect(verdict(e, 'exchange')).toMatchObject({
      allowed: true,
      rule: 'sanbao.repair_twice',
      params: { repairs: 2, limit: 2 },
    });
    expect(verdict(e, 'refund')).toMatchObject({ allowed: true, rule: 'sanbao.repair_twice' });
    // 03-01 → 06-10 is 101 days, minus 3 + 4 repair days and 2 waiting days = 92; 3000.00 × 0.1 % × 92 = 276.00.
    expect(e.depreciation).toEqual({ dailyRatePermille: 1, days: 92, priceFen: 300_000, amountFen: 27_600 });
  });
  it('depreciation arithmetic rounds to the fen and never exceeds the price', () => {
    expect(depreciationOf(0.5, '2025-01-01', '2025-01-31', 0, 199_999).amountFen).toBe(3_000);
    expect(depreciationOf(1, '2020-01-01', '2025-01-01', 0, 10_000).amountFen).toBe(10_000);
    expect(depreciationOf(1, '2025-01-01', '2025-01-05', 10, 10_000)).toMatchObject({
      days: 0,
      amountFen: 0,
    });
    expect(depreciationOf(1, '2025-01-01', '2025-01-11', 0, null).amountFen).toBeNull();
  });
  it('a repair over 30 days gives an exchange the outlet pays for', () => {
    const h: ServiceHistory = {
      repairs: [repair({ createdOn: '2025-05-01', completedOn: '2025-06-02', repairDays: 31 })],
      exchangedOn: null,
    };
    expect(verdict(evaluate(sanbao(), product(), h, '2025-06-05', calendar), 'exchange')).toMatchObject({
      allowed: true,
      rule: 'sanbao.repairer_delay',
      payer: 'outlet',
      params: { days: 31, limit: 30 },
    });
    const ok: ServiceHistory = {
      repairs: [repair({ createdOn: '2025-05-01', repairDays: 30 })],
      exchangedOn: null,
    };
    expect(verdict(evaluate(sanbao(), product(), ok, '2025-06-05', calendar), 'exchange').allowed).toBe(
      false,
    );
  });
  it('parts unavailable over 90 days gives an exchange the seller pays for', () => {
    const h: ServiceHistory = {
      repairs: [
        repair({
          createdOn: '2025-04-01',
          completedOn: null,
          completedAt: null,
          fixed: null,
          repairDays: 6,
          partsWaitDays: 85,
        }),
      ],
      exchangedOn: null,
    };
    expect(verdict(evaluate(sanbao(), product(), h, '2025-07-01', calendar), 'exchange')).toMatchObject({
      allowed: true,
      rule: 'sanbao.parts_unavailable',
      payer: 'seller',
    });
  });
  it('guarantees a repair for 30 days even after the warranty', () => {
    const h: ServiceHistory = {
      repairs: [repair({ createdOn: '2026-04-01', completedOn: '2026-04-02' })],
      exchangedOn: null,
    };
    const p = sanbao({ mainPartsWarrantyMonths: 12 });
    const in30 = evaluate(p, product(), h, '2026-05-02', calendar);
    expect(in30.coverage.status).toBe('out_of_warranty');
    expect(verdict(in30, 'free_repair')).toMatchObject({
      allowed: true,
      rule: 'sanbao.post_repair_guarantee',
      deadline: '2026-05-02',
    });
    expect(verdict(evaluate(p, product(), h, '2026-05-03', calendar), 'free_repair').allowed).toBe(false);
    expect(verdict(evaluate(p, product(), h, '2026-05-03', calendar), 'paid_repair').allowed).toBe(true);
  });
  it('covers main parts only between the two periods', () => {
    const e = evaluate(sanbao(), product(), none, '2026-06-01', calendar);
    expect(e.coverage).toMatchObject({ status: 'main_parts_only', mainPartsUntil: '2028-03-01' });
    expect(verdict(e, 'part_replacement')).toMatchObject({
      allowed: true,
      rule: 'sanbao.main_parts_warranty',
    });
    expect(verdict(e, 'free_repair').allowed).toBe(false);
  });
  it('restarts the warranty from the exchange date; earlier repairs stop counting', () => {
    const h: ServiceHistory = {
      repairs: [
        repair({ createdOn: '2025-04-01', repairDays: 20 }),
        repair({ createdOn: '2025-05-01', repairDays: 3 }),
      ],
      exchangedOn: '2025-06-01',
    };
    const e = evaluate(sanbao(), product(), h, '2025-07-01', calendar, { faulty: true });
    expect(e.coverage).toMatchObject({ startsOn: '2025-06-01', unitUntil: '2026-06-01', repairDays: 0 });
    expect(rules(e)).toContain('start.exchange');
    expect(verdict(e, 'exchange').allowed).toBe(false);
  });
  it('falls back to the installation date without an invoice; unknown without either', () => {
    const e = evaluate(sanbao(), product({ invoiceDate: null }), none, '2025-04-01', calendar);
    expect(e.coverage.startsOn).toBe('2025-03-02');
    expect(rules(e)).toContain('start.install_fallback');
    const u = evaluate(
      sanbao(),
      product({ invoiceDate: null, deliveryDate: null }),
      none,
      '2025-04-01',
      calendar,
    );
    expect(u.coverage.status).toBe('unknown');
    expect(verdict(u, 'paid_repair').allowed).toBe(true);
    expect(verdict(u, 'free_repair')).toMatchObject({ allowed: false, rule: 'warranty.start_unknown' });
  });
});

describe('auto_2021 (《家用汽车产品修理更换退货责任规定》)', () => {
  const auto: EnginePolicy = {
    id: 'a1',
    kind: 'auto_2021',
    version: 1,
    nameZh: '家用汽车',
    nameEn: 'Cars',
    params: DEFAULT_POLICY_PARAMS.auto_2021,
  };
  const car = (over: Partial<ProductFacts> = {}) =>
    product({
      categoryCode: 'car',
      invoiceDate: '2025-03-01',
      deliveryDate: '2025-03-01',
      priceFen: 15_000_000,
      mileageKm: 12_000,
      ...over,
    });
  /** A repair of `hours` hours starting at 09:00 Shanghai on `day`. */
  const carRepair = (day: string, hours: number, code = 'ENG-1'): RepairRecord => {
    const start = Date.parse(`${day}T09:00:00+08:00`);
    const end = new Date(start + hours * 3_600_000).toISOString();
    return repair({
      createdOn: day,
      createdAt: new Date(start).toISOString(),
      completedOn: end.slice(0, 10),
      completedAt: end,
      faultCodes: [code],
    });
  };
  it('counts cumulative repair time in hours: 3 × (10 days + 1 h) = 33 days > 30', () => {
    const h: ServiceHistory = {
      repairs: [carRepair('2025-04-01', 241), carRepair('2025-05-01', 241), carRepair('2025-06-01', 241)],
      exchangedOn: null,
    };
    const e = evaluate(auto, car(), h, '2025-07-01', calendar);
    expect(e.coverage.repairDays).toBe(33);
    expect(verdict(e, 'exchange')).toMatchObject({
      allowed: true,
      rule: 'auto.cumulative_repair_days',
      article: '《家用汽车产品修理更换退货责任规定》第24条',
    });
    expect(verdict(e, 'refund').allowed).toBe(true);
  });
  it('exactly 30 days (3 × 240 h) is not more than 30', () => {
    const h: ServiceHistory = {
      repairs: [carRepair('2025-04-01', 240), carRepair('2025-05-01', 240), carRepair('2025-06-01', 240)],
      exchangedOn: null,
    };
    const e = evaluate(auto, car(), h, '2025-07-01', calendar);
    expect(e.coverage.repairDays).toBe(30);
    expect(verdict(e, 'exchange')).toMatchObject({ allowed: false, rule: 'auto.exchange_conditions_unmet' });
  });
  it('the same problem repaired more than 4 times gives exchange or return', () => {
    const four = ['04-01', '04-10', '04-20', '05-01'].map((d) => carRepair(`2025-${d}`, 5));
    expect(
      verdict(evaluate(auto, car(), { repairs: four, exchangedOn: null }, '2025-07-01', calendar), 'exchange')
        .allowed,
    ).toBe(false);
    const five = [...four, carRepair('2025-05-10', 5)];
    expect(
      verdict(
        evaluate(auto, car(), { repairs: five, exchangedOn: null }, '2025-07-01', calendar),
        'exchange',
      ),
    ).toMatchObject({ allowed: true, rule: 'auto.same_problem_repairs', params: { repairs: 5, limit: 4 } });
  });
  it('第24条(一): a serious safety fault repaired twice and back again → exchange or return', () => {
    const safe: EnginePolicy = { ...auto, params: { ...auto.params, safetyFaultCodes: ['BRK-FAIL'] } };
    const twice: ServiceHistory = {
      repairs: [carRepair('2025-05-01', 5, 'BRK-FAIL'), carRepair('2025-06-01', 5, 'BRK-FAIL')],
      exchangedOn: null,
    };
    const back = evaluate(safe, car(), twice, '2025-07-01', calendar, { faultCodes: ['BRK-FAIL'] });
    expect(verdict(back, 'exchange')).toMatchObject({
      allowed: true,
      rule: 'auto.safety_repaired_twice',
      params: { repairs: 2, limit: 2 },
    });
    const once = { repairs: twice.repairs.slice(0, 1), exchangedOn: null };
    const early = evaluate(safe, car(), once, '2025-07-01', calendar, { faultCodes: ['BRK-FAIL'] });
    expect(verdict(early, 'exchange').allowed).toBe(false);
  });
  it('第24条(二)(三): assemblies, or the same main component, replaced twice and still faulty', () => {
    const fitted = (day: string, classes: string[]) => ({
      ...carRepair(day, 5),
      replacedPartClasses: classes,
    });
    const gearboxes = {
      repairs: [fitted('2025-05-01', ['gearbox']), fitted('2025-06-01', ['gearbox'])],
      exchangedOn: null,
    };
    expect(
      verdict(evaluate(auto, car(), gearboxes, '2025-07-01', calendar, { faulty: true }), 'refund'),
    ).toMatchObject({ allowed: true, rule: 'auto.assembly_replaced_twice' });
    // Not faulty now: nothing to exchange.
    expect(verdict(evaluate(auto, car(), gearboxes, '2025-07-01', calendar), 'refund').allowed).toBe(false);
    const brakes = {
      repairs: [fitted('2025-05-01', ['brake', 'steering']), fitted('2025-06-01', ['brake'])],
      exchangedOn: null,
    };
    expect(
      verdict(evaluate(auto, car(), brakes, '2025-07-01', calendar, { faulty: true }), 'exchange'),
    ).toMatchObject({
      allowed: true,
      rule: 'auto.component_replaced_twice',
      params: { partClass: 'brake', replacements: 2 },
    });
    // Two different components once each do not add up (counted per component).
    const mixed = {
      repairs: [fitted('2025-05-01', ['steering']), fitted('2025-06-01', ['brake'])],
      exchangedOn: null,
    };
    expect(
      verdict(evaluate(auto, car(), mixed, '2025-07-01', calendar, { faulty: true }), 'exchange').allowed,
    ).toBe(false);
  });
  it('starts from the delivery date when it differs from the invoice date (第18条)', () => {
    const e = evaluate(auto, car({ deliveryDate: '2025-03-10' }), none, '2025-04-01', calendar);
    expect(e.coverage).toMatchObject({
      startsOn: '2025-03-10',
      unitUntil: '2027-03-10',
      mainPartsUntil: '2028-03-10',
    });
  });
  it('7-day swap for a major part and 60-day safety rule', () => {
    expect(
      verdict(evaluate(auto, car(), none, '2025-03-08', calendar, { majorPartFault: true }), 'refund'),
    ).toMatchObject({ allowed: true, rule: 'auto.swap_7d' });
    expect(
      verdict(evaluate(auto, car(), none, '2025-03-09', calendar, { majorPartFault: true }), 'refund')
        .allowed,
    ).toBe(false);
    expect(
      verdict(
        evaluate(auto, car({ mileageKm: 500 }), none, '2025-03-09', calendar, { majorPartFault: true }),
        'part_replacement',
      ),
    ).toMatchObject({ allowed: true, rule: 'auto.major_part_60d' });
    expect(
      verdict(
        evaluate(auto, car({ mileageKm: 2_000 }), none, '2025-04-30', calendar, { safetyFault: true }),
        'exchange',
      ),
    ).toMatchObject({ allowed: true, rule: 'auto.safety_60d' });
    expect(
      verdict(
        evaluate(auto, car({ mileageKm: 3_001 }), none, '2025-04-30', calendar, { safetyFault: true }),
        'exchange',
      ).allowed,
    ).toBe(false);
  });
  it('ends the 三包 period at 50,000 km and the 包修期 at 60,000 km, whichever first', () => {
    const e = evaluate(auto, car({ mileageKm: 55_000 }), none, '2025-09-01', calendar);
    expect(e.coverage.status).toBe('main_parts_only');
    expect(verdict(e, 'free_repair').allowed).toBe(true);
    expect(
      verdict(evaluate(auto, car({ mileageKm: 60_001 }), none, '2025-09-01', calendar), 'free_repair')
        .allowed,
    ).toBe(false);
  });
  it('第21条: a repair of 5 days (120 h) gives no loaner car; 120 h + 1 h is day 6 and does', () => {
    const five = { repairs: [carRepair('2025-04-01', 120)], exchangedOn: null };
    expect(verdict(evaluate(auto, car(), five, '2025-04-10', calendar), 'loaner_car')).toMatchObject({
      allowed: false,
      rule: 'auto.loaner_not_due',
      article: '《家用汽车产品修理更换退货责任规定》第21条',
      params: { limit: 5 },
    });
    const six = { repairs: [carRepair('2025-04-01', 121)], exchangedOn: null };
    expect(verdict(evaluate(auto, car(), six, '2025-04-10', calendar), 'loaner_car')).toMatchObject({
      allowed: true,
      rule: 'auto.loaner_car',
      deadline: null,
      params: { days: 6, limit: 5, fromDate: '2025-04-06', untilDate: '2025-04-06' },
    });
  });
  it('第21条: an open repair counts to the end of the request day and the limit is a policy figure', () => {
    const open = repair({
      createdOn: '2025-04-01',
      createdAt: '2025-04-01T01:00:00.000Z',
      completedOn: null,
      completedAt: null,
    });
    const h = { repairs: [open], exchangedOn: null };
    expect(verdict(evaluate(auto, car(), h, '2025-04-05', calendar), 'loaner_car').allowed).toBe(false);
    expect(verdict(evaluate(auto, car(), h, '2025-04-06', calendar), 'loaner_car')).toMatchObject({
      allowed: true,
      params: { days: 6, fromDate: '2025-04-06', untilDate: null },
    });
    const three: EnginePolicy = { ...auto, params: { ...auto.params, loanerAfterDays: 3 } };
    expect(verdict(evaluate(three, car(), h, '2025-04-04', calendar), 'loaner_car')).toMatchObject({
      allowed: true,
      params: { days: 4, limit: 3, fromDate: '2025-04-04' },
    });
  });
  it('第21条: no loaner car for a repair begun after the 包修期', () => {
    const late = { repairs: [carRepair('2028-04-01', 200)], exchangedOn: null };
    expect(verdict(evaluate(auto, car(), late, '2028-04-20', calendar), 'loaner_car')).toMatchObject({
      allowed: false,
      rule: 'auto.repair_warranty_expired',
    });
  });
  it('第27条: an exchange or return under 第24条 carries the usage fee price × km ÷ 1000 × n', () => {
    const h: ServiceHistory = {
      repairs: [carRepair('2025-04-01', 241), carRepair('2025-05-01', 241), carRepair('2025-06-01', 241)],
      exchangedOn: null,
    };
    // ¥150,000 × 12,000 km ÷ 1000 × 0.5 % = ¥9,000.
    expect(evaluate(auto, car(), h, '2025-07-01', calendar).usageCompensation).toEqual({
      ratePercent: 0.5,
      mileageKm: 12_000,
      priceFen: 15_000_000,
      amountFen: 900_000,
    });
    const lower: EnginePolicy = { ...auto, params: { ...auto.params, usageRatePercent: 0.2 } };
    expect(evaluate(lower, car(), h, '2025-07-01', calendar).usageCompensation?.amountFen).toBe(360_000);
    expect(
      evaluate(auto, car({ mileageKm: null }), h, '2025-07-01', calendar).usageCompensation?.amountFen,
    ).toBeNull();
  });
  it('第27条: no usage fee under 第22/23条 or when no exchange is due', () => {
    expect(
      evaluate(auto, car({ mileageKm: 500 }), none, '2025-03-08', calendar, { majorPartFault: true })
        .usageCompensation,
    ).toBeNull();
    expect(evaluate(auto, car(), none, '2025-04-01', calendar).usageCompensation).toBeNull();
  });
  it('rejects a usage rate above the 0.5 % the rule allows', () => {
    expect(() =>
      parsePolicyParams('auto_2021', { ...DEFAULT_POLICY_PARAMS.auto_2021, usageRatePercent: 0.6 }),
    ).toThrow();
  });
});

describe('online_7day (消保法 第25条)', () => {
  const online: EnginePolicy = {
    id: 'o1',
    kind: 'online_7day',
    version: 1,
    nameZh: '网购七日',
    nameEn: 'Online 7 days',
    params: DEFAULT_POLICY_PARAMS.online_7day,
  };
  const goods = (over: Partial<ProductFacts> = {}) =>
    product({ invoiceDate: null, deliveryDate: '2025-03-01', ...over });
  it('runs 7 days from the day after signing', () => {
    expect(
      verdict(evaluate(online, goods(), none, '2025-03-08', calendar), 'no_reason_return'),
    ).toMatchObject({ allowed: true, deadline: '2025-03-08', payer: 'customer' });
    expect(
      verdict(evaluate(online, goods(), none, '2025-03-09', calendar), 'no_reason_return'),
    ).toMatchObject({ allowed: false, rule: 'online.window_passed' });
  });
  it('refuses statutory exclusions without confirmation, confirmable ones only when confirmed', () => {
    expect(
      verdict(
        evaluate(online, goods({ exclusions: ['custom_made'] }), none, '2025-03-03', calendar),
        'no_reason_return',
      ),
    ).toMatchObject({
      allowed: false,
      rule: 'online.statutory_exclusion',
      params: { exclusion: 'custom_made' },
    });
    expect(
      verdict(
        evaluate(online, goods({ exclusions: ['activation_devalues'] }), none, '2025-03-03', calendar),
        'no_reason_return',
      ).allowed,
    ).toBe(true);
    expect(
      verdict(
        evaluate(
          online,
          goods({ exclusions: ['activation_devalues'], confirmedExclusions: ['activation_devalues'] }),
          none,
          '2025-03-03',
          calendar,
        ),
        'no_reason_return',
      ),
    ).toMatchObject({ allowed: false, rule: 'online.confirmed_exclusion' });
  });
  it('needs the goods intact', () => {
    expect(
      verdict(evaluate(online, goods({ intact: false }), none, '2025-03-03', calendar), 'no_reason_return'),
    ).toMatchObject({ allowed: false, rule: 'online.not_intact' });
  });
});

describe('furniture and contract', () => {
  const furniture: EnginePolicy = {
    id: 'f1',
    kind: 'furniture',
    version: 1,
    nameZh: '家具',
    nameEn: 'Furniture',
    params: DEFAULT_POLICY_PARAMS.furniture,
  };
  const contract: EnginePolicy = {
    id: 'c1',
    kind: 'contract',
    version: 1,
    nameZh: '工业缝纫机',
    nameEn: 'Sewing',
    params: { warrantyMonths: 6, holidayMove: 'none' },
  };
  it('furniture: exchange, refund only with approval', () => {
    const e = evaluate(furniture, product(), none, '2025-06-01', calendar);
    expect(verdict(e, 'exchange')).toMatchObject({ allowed: true, needsApproval: false });
    expect(verdict(e, 'refund')).toMatchObject({
      allowed: true,
      needsApproval: true,
      rule: 'furniture.refund_with_approval',
    });
  });
  it('contract: free repair within the months, paid after', () => {
    expect(verdict(evaluate(contract, product(), none, '2025-09-01', calendar), 'free_repair').allowed).toBe(
      true,
    );
    const after = evaluate(contract, product(), none, '2025-09-02', calendar);
    expect(verdict(after, 'free_repair').allowed).toBe(false);
    expect(verdict(after, 'paid_repair').allowed).toBe(true);
  });
  it('no policy but catalogue terms: judged by the catalogue months, main parts after the unit', () => {
    const p = product({ invoiceDate: '2024-01-31', catalogueTerms: { unitMonths: 12, mainPartsMonths: 36 } });
    const inUnit = evaluate(null, p, none, '2025-01-31', calendar);
    expect(inUnit.coverage).toMatchObject({
      status: 'in_warranty',
      unitUntil: '2025-01-31',
      mainPartsUntil: '2027-01-31',
    });
    expect(rules(inUnit)[0]).toBe('warranty.catalogue_terms');
    expect(verdict(inUnit, 'free_repair')).toMatchObject({ allowed: true, deadline: '2025-01-31' });
    const mainOnly = evaluate(null, p, none, '2025-02-01', calendar);
    expect(mainOnly.coverage.status).toBe('main_parts_only');
    const out = evaluate(null, p, none, '2027-02-01', calendar);
    expect(out.coverage.status).toBe('out_of_warranty');
    expect(verdict(out, 'paid_repair').allowed).toBe(true);
    expect(verdict(out, 'free_repair').allowed).toBe(false);
  });
  it('no policy: unknown with a reason', () => {
    const e = evaluate(null, product(), none, '2025-09-02', calendar);
    expect(e.coverage.status).toBe('unknown');
    expect(rules(e)).toEqual(['warranty.no_policy']);
  });
});

describe('rule codes', () => {
  it('every code the engine emits is registered for the web to word', async () => {
    const { WARRANTY_RULE_CODES } = await import('@anxin/contracts');
    const src = ['sanbao', 'auto', 'simple', 'common', 'dates', 'engine'].map((f) =>
      readFileSync(new URL(`./${f}.ts`, import.meta.url), 'utf8'),
    );
    const used = new Set(
      src.flatMap((s) =>
        [
          ...s.matchAll(/'((?:start|period|warranty|sanbao|auto|online|furniture|contract)\.[a-z_0-9]+)'/g),
        ].map((m) => m[1]),
      ),
    );
    expect([...used].filter((c) => !(WARRANTY_RULE_CODES as readonly string[]).includes(c!))).toEqual([]);
  });
});
