import { describe, expect, it } from 'vitest';
import { isFirstTimeFix, type OrderClass } from '@anxin/contracts';
import {
  buildStatementLines,
  businessDayStart,
  exclusionKey,
  settlesAt,
  type ClassInput,
  type ClosedOrder,
  type ComplaintFinding,
  type LineInputs,
  type PartClaim,
} from './lines.ts';
import { DEFAULT_FEE_SCHEDULE } from './schedule.ts';

// October 2026 in Asia/Shanghai.
const FROM = '2026-09-30T16:00:00.000Z';
const TO = '2026-10-31T16:00:00.000Z';
const IN = '2026-10-10T02:00:00.000Z';
const BEFORE = '2026-09-20T02:00:00.000Z';
const AFTER = '2026-11-02T02:00:00.000Z';

const order = (id: string, over: Partial<ClosedOrder> = {}): ClosedOrder => ({
  id,
  number: `WO-${id}`,
  type: 'repair',
  categoryCode: 'AC',
  regionCode: null,
  lat: null,
  lng: null,
  ...over,
});
const cls = (orderId: string, c: OrderClass, over: Partial<ClassInput> = {}): ClassInput => ({
  orderId,
  orderNumber: `WO-${orderId}`,
  class: c,
  sourceEventId: `ev-${orderId}-${c}`,
  establishedAt: IN,
  closedAt: IN,
  ...over,
});
const finding = (id: string, over: Partial<ComplaintFinding> = {}): ComplaintFinding => ({
  id,
  orderId: 'o1',
  orderNumber: 'WO-o1',
  outletId: 'out',
  responsibility: 'outlet',
  responsibleOutletId: null,
  causeIsAttitude: false,
  resolvedAt: IN,
  ...over,
});
const claim = (id: string, over: Partial<PartClaim> = {}): PartClaim => ({
  id,
  orderId: 'o1',
  orderNumber: 'WO-o1',
  itemCode: 'P-1',
  itemName: '排水泵',
  qty: 1,
  inspectedAt: IN,
  ...over,
});
const inputs = (over: Partial<LineInputs> = {}): LineInputs => ({
  outlet: { id: 'out', lat: null, lng: null },
  from: FROM,
  to: TO,
  startAt: null,
  schedule: DEFAULT_FEE_SCHEDULE,
  grade: { grade: 'B', source: 'scorecard' },
  orders: [],
  classes: [],
  complaints: [],
  claims: [],
  excluded: new Set(),
  ...over,
});
const summary = (i: LineInputs) => buildStatementLines(i).map((l) => [l.kind, l.lineKey, l.amountFen]);

describe('statement lines', () => {
  it('a fee per closed order (grade coefficient applied), in integer fen', () => {
    expect(summary(inputs({ orders: [order('o1'), order('o2', { type: 'install' })] }))).toEqual([
      ['fee', 'fee:o1', 6000],
      ['fee', 'fee:o2', 8000],
    ]);
    const a = buildStatementLines(
      inputs({ orders: [order('o1')], grade: { grade: 'A', source: 'scorecard' } }),
    );
    expect(a[0]!.amountFen).toBe(6600);
    expect(Number.isInteger(a[0]!.amountFen)).toBe(true);
  });

  it('deducts each class per the schedule and pays the satisfied bonus; zero amounts make no line', () => {
    const lines = buildStatementLines(
      inputs({
        classes: [
          cls('o1', 'first_fix_failed'),
          cls('o2', 'repeat_failed'),
          cls('o3', 'attitude'),
          cls('o3', 'callback_unsatisfied'), // 0 fen by default: no line
          cls('o4', 'satisfied'),
        ],
      }),
    );
    expect(lines.map((l) => [l.kind, l.lineKey, l.amountFen, l.rule.setting])).toEqual([
      ['deduction', 'class:o1:first_fix_failed', -3000, 'classDeductionFen.first_fix_failed'],
      ['deduction', 'class:o2:repeat_failed', -5000, 'classDeductionFen.repeat_failed'],
      ['deduction', 'class:o3:attitude', -2000, 'classDeductionFen.attitude'],
      ['bonus', 'bonus:o4', 500, 'satisfiedBonusFen'],
    ]);
  });

  it('a class settles in the month it is established or its order closes, whichever is later', () => {
    expect(settlesAt({ establishedAt: IN, closedAt: BEFORE })).toBe(IN);
    expect(settlesAt({ establishedAt: BEFORE, closedAt: IN })).toBe(IN);
    expect(settlesAt({ establishedAt: IN, closedAt: null })).toBeNull();
    const keys = (c: ClassInput) => summary(inputs({ classes: [c] })).map((l) => l[1]);
    expect(keys(cls('o1', 'attitude', { establishedAt: BEFORE, closedAt: IN }))).toEqual([
      'class:o1:attitude',
    ]);
    // A same-fault repair found this month against an order closed last month: settles now.
    expect(keys(cls('o1', 'first_fix_failed', { establishedAt: IN, closedAt: BEFORE }))).toEqual([
      'class:o1:first_fix_failed',
    ]);
    // History (both before the month), the future and open orders are not this month's.
    expect(keys(cls('o1', 'attitude', { establishedAt: BEFORE, closedAt: BEFORE }))).toEqual([]);
    expect(keys(cls('o1', 'attitude', { establishedAt: AFTER, closedAt: IN }))).toEqual([]);
    expect(keys(cls('o1', 'attitude', { closedAt: null }))).toEqual([]);
    // Month bounds: from inclusive, to exclusive.
    expect(keys(cls('o1', 'attitude', { establishedAt: FROM, closedAt: FROM }))).toEqual([
      'class:o1:attitude',
    ]);
    expect(keys(cls('o1', 'attitude', { establishedAt: TO, closedAt: TO }))).toEqual([]);
  });

  it('nothing before the settlement start date settles (first statements do not sweep history)', () => {
    const start = businessDayStart('2026-10-15');
    expect(start).toBe('2026-10-14T16:00:00.000Z');
    const i = inputs({
      startAt: start,
      orders: [order('o1')],
      classes: [cls('o1', 'attitude'), cls('o2', 'attitude', { establishedAt: start, closedAt: start })],
      complaints: [finding('c1'), finding('c2', { resolvedAt: start })],
    });
    // Fees are for work done in the month and are always paid.
    expect(summary(i)).toEqual([
      ['fee', 'fee:o1', 6000],
      ['deduction', 'complaint:c2', -10000],
      ['deduction', 'class:o2:attitude', -2000],
    ]);
  });

  it('complaint findings: the outlet responsible and resolved in the month', () => {
    const i = inputs({
      complaints: [
        finding('c1'),
        finding('c2', { responsibility: 'technician' }),
        finding('c3', { responsibility: 'product_quality' }),
        finding('c4', { outletId: 'other' }),
        finding('c5', { outletId: 'other', responsibleOutletId: 'out' }),
        finding('c6', { resolvedAt: null }),
        finding('c7', { resolvedAt: BEFORE }),
      ],
    });
    expect(summary(i).map((l) => l[1])).toEqual(['complaint:c1', 'complaint:c5']);
  });

  it('leaves out what upheld appeals excluded', () => {
    const i = inputs({
      classes: [cls('o1', 'attitude'), cls('o2', 'attitude')],
      complaints: [finding('c1'), finding('c2')],
      excluded: new Set([exclusionKey('o1', 'attitude', null), exclusionKey('o1', 'complaint', 'c2')]),
    });
    expect(summary(i).map((l) => l[1])).toEqual(['complaint:c1', 'class:o2:attitude']);
  });

  it('never deducts 一次维修不到位 from an order fixed first time (one definition)', () => {
    const classesOf = (cs: OrderClass[]) => cs.map((c) => cls('o1', c));
    for (const cs of [
      ['attitude'],
      ['satisfied'],
      ['first_fix_failed'],
      ['repeat_failed'],
    ] as OrderClass[][]) {
      const deducted = buildStatementLines(inputs({ classes: classesOf(cs) })).some(
        (l) => l.classification === 'first_fix_failed' || l.classification === 'repeat_failed',
      );
      expect(deducted).toBe(!isFirstTimeFix(cs));
    }
  });

  it('parts: a fee line per claim that passed in the month, qty × partsPerLineFen, no coefficient', () => {
    const per = DEFAULT_FEE_SCHEDULE.partsPerLineFen;
    const i = inputs({
      grade: { grade: 'A', source: 'scorecard' },
      orders: [order('o1')],
      claims: [
        claim('r2', { qty: 3 }),
        // An order of an earlier month: its claim settles in the month it passed.
        claim('r1', { orderId: 'o0', orderNumber: 'WO-o0' }),
        claim('r3', { inspectedAt: BEFORE }),
        claim('r4', { inspectedAt: AFTER }),
        claim('r5', { inspectedAt: TO }),
      ],
    });
    expect(summary(i)).toEqual([
      ['fee', 'fee:o1', 6600],
      ['fee', 'part_claim:r1', per],
      ['fee', 'part_claim:r2', 3 * per],
    ]);
    const line = buildStatementLines(i).find((l) => l.lineKey === 'part_claim:r2')!;
    expect(line).toMatchObject({ orderId: 'o1', orderNumber: 'WO-o1', classification: null });
    expect(line.rule).toMatchObject({
      partClaim: { returnId: 'r2', itemCode: 'P-1', qty: 3, inspectedAt: IN },
      perUnitFen: per,
      amountFen: 3 * per,
      setting: 'partsPerLineFen',
    });
  });

  it('parts: nothing before the settlement start, nothing when the rate is 0', () => {
    const startAt = businessDayStart('2026-10-15');
    expect(
      summary(
        inputs({
          startAt,
          claims: [claim('r1'), claim('r2', { inspectedAt: TO.replace('31T16', '20T16') })],
        }),
      ),
    ).toEqual([['fee', 'part_claim:r2', DEFAULT_FEE_SCHEDULE.partsPerLineFen]]);
    const free = { ...DEFAULT_FEE_SCHEDULE, partsPerLineFen: 0 };
    expect(summary(inputs({ schedule: free, claims: [claim('r1')] }))).toEqual([]);
  });

  it('RMA: a deduction per outlet charge-back of a case closed in the month, the amount it bears', () => {
    const cb = (caseId: string, closedAt: string, amountFen = 12_000) => ({
      caseId,
      caseNumber: `RM-${caseId}`,
      lineNo: 1,
      amountFen,
      note: '安装不当',
      closedAt,
    });
    const i = inputs({
      chargebacks: [cb('c1', IN), cb('c2', BEFORE), cb('c3', AFTER), cb('c4', IN, 0)],
    });
    expect(summary(i)).toEqual([['deduction', 'rma:c1:1', -12_000]]);
    const line = buildStatementLines(i)[0]!;
    expect(line.description).toBe('退换货扣款：RM-c1（安装不当）');
    expect(line.rule).toMatchObject({ rmaChargeback: { caseNumber: 'RM-c1' }, amountFen: 12_000 });
  });
});
