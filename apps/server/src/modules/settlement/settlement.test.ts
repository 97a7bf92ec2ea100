import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderClass } from '@anxin/contracts';
import { newId } from '../../platform/ids/index.ts';
import {
  createBody,
  forceState,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';
import { oldPart, partItem } from '../../../test/factories/parts.ts';

let w: World;
let refs: Refs;
let agent: Client;
let finance: Client;
let quality: Client;
let managerA: Client;
let managerB: Client;
let techA: Client;
// Tuesday 2026-11-03 10:00 Shanghai: October is settled.
const NOW = '2026-11-03T02:00:00.000Z';
const MONTH = '2026-10';
const OUTLET_A = { lat: 23.1291, lng: 113.2644 };
const P = '/api/v1/settlement';

const db = () => w.db.db;
const o: Record<string, { id: string; number: string }> = {};
/** 旧件 returns of outlet A's orders, by what should happen to them on October's statement. */
const claims: Record<string, string> = {};

const SCHEDULE = {
  baseFees: [
    { orderType: 'repair', categoryCode: 'WM', feeFen: 6000 },
    { orderType: 'repair', categoryCode: '*', feeFen: 5000 },
    { orderType: 'install', categoryCode: '*', feeFen: 8000 },
  ],
  distanceBands: [
    { upToKm: 10, surchargeFen: 0 },
    { upToKm: 30, surchargeFen: 2000 },
    { upToKm: null, surchargeFen: 5000 },
  ],
  remoteRegionCodes: ['440111'],
  remoteSurchargeFen: 3000,
  partsPerLineFen: 1000,
  gradeCoefficients: { A: 1.1, B: 1.0, C: 0.9, D: 0.8 },
  classDeductionFen: {
    callback_unsatisfied: 0,
    complaint_call: 0,
    first_fix_failed: 3000,
    repeat_failed: 5000,
    attitude: 2000,
  },
  complaintDeductionFen: 10000,
  satisfiedBonusFen: 500,
};

/** A work order created through the API, then put straight into its settled state. */
async function order(key: string, patch: Parameters<typeof forceState>[2], tech = refs.techA) {
  const r = await agent.send('POST', '/api/v1/work-orders', createBody(refs));
  expect(r.status).toBe(201);
  o[key] = { id: r.body.order.id, number: r.body.order.number };
  await forceState(w, o[key]!.id, {
    status: 'closed',
    outlet_id: refs.outletA,
    technician_id: tech.id,
    technician_user_id: tech.user.id,
    category_code: 'WM',
    district_code: '440106',
    lat: OUTLET_A.lat,
    lng: OUTLET_A.lng,
    completed_at: '2026-10-10T02:00:00.000Z',
    closed_at: '2026-10-12T02:00:00.000Z',
    ...patch,
  });
  return o[key]!.id;
}

/** A class established on the day the order closed (it settles in the month it is established). */
const classify = (orderId: string, cls: OrderClass, at = '2026-10-12T02:00:00.000Z') =>
  db()
    .insertInto('order_classifications')
    .values({ order_id: orderId, class: cls, source_event_id: null, computed_at: at })
    .execute();

async function complaint(p: {
  orderId: string;
  outletId: string;
  responsibility: 'outlet' | 'product_quality';
  resolvedAt: string;
}) {
  const id = newId();
  await db()
    .insertInto('complaints')
    .values({
      id,
      number: `TS-${id.slice(-8)}`,
      source: 'hotline',
      source_ref: null,
      severity: 'normal',
      status: 'resolved',
      summary: 'x',
      description: null,
      order_id: p.orderId,
      customer_id: refs.customerId,
      outlet_id: p.outletId,
      technician_id: null,
      region_code: '440106',
      root_cause: null,
      responsibility: p.responsibility,
      responsible_department: null,
      responsible_outlet_id: p.responsibility === 'outlet' ? p.outletId : null,
      responsible_technician_id: null,
      responsible_person: null,
      cause_is_attitude: 0,
      findings: null,
      remedy: null,
      verdict: null,
      verdict_note: null,
      reopen_count: 0,
      opened_at: '2026-10-15T02:00:00.000Z',
      acknowledge_due_at: null,
      acknowledged_at: null,
      resolve_due_at: null,
      resolved_at: p.resolvedAt,
      closed_at: null,
      created_by: null,
      updated_at: NOW,
      version: 1,
    } as never)
    .execute();
  return id;
}

const statementOf = async (who: Client, outletId: string, month = MONTH) => {
  const list = await who.get(`${P}/statements?month=${month}&outletId=${outletId}`);
  expect(list.status).toBe(200);
  expect(list.body.items).toHaveLength(1);
  const d = await who.get(`${P}/statements/${list.body.items[0].id}`);
  expect(d.status).toBe(200);
  return d.body;
};
const lineOf = (s: any, key: string) => s.lines.find((l: any) => l.lineKey === key);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

const complaints: Record<string, string> = {};

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  finance = await w.as(await w.user('finance'));
  quality = await w.as(await w.user('quality'));
  managerA = await w.as(await w.user('outlet_manager', { outletId: refs.outletA }));
  managerB = await w.as(await w.user('outlet_manager', { outletId: refs.outletB }));
  techA = await w.as(refs.techA.user);
  await db().updateTable('outlets').set(OUTLET_A).where('id', '=', refs.outletA).execute();
  // The grading module's October scorecard grades outlet A 'A'; B has none (its current grade B applies).
  await db()
    .insertInto('outlet_scorecards')
    .values({
      id: newId(),
      outlet_id: refs.outletA,
      month: MONTH,
      status: 'final',
      score_tenths: 925,
      score_grade: 'A',
      grade: 'A',
      previous_grade: 'B',
      low_volume: 0,
      order_count: 4,
      metrics: '[]',
      policy: '{}',
      computed_at: NOW,
      computed_by: null,
      finalised_at: NOW,
      finalised_by: null,
      version: 1,
    } as never)
    .execute();

  const put = await finance.send('PUT', '/api/v1/settings/settlement.fee_schedule', {
    value: SCHEDULE,
    version: 0,
  });
  expect(put.status).toBe(200);

  // Outlet A, October (Shanghai): 4 closed orders.
  await order('o1', { lat: OUTLET_A.lat + 0.045 }); // ~5 km, band 0
  await order('o2', { lat: OUTLET_A.lat + 0.18, district_code: '440111' }); // ~20 km, band 1, remote
  await order('o3', { type: 'install', lat: null, lng: null }); // no coordinates
  // Category without a rule of its own (repair/* applies); closed at Oct 1 00:00 Shanghai.
  await order('o4', { category_code: null, closed_at: '2026-09-30T16:00:00.000Z' });
  // Not in October: closed at Nov 1 00:00 Shanghai; still open; another outlet's.
  await order('o5', { closed_at: '2026-10-31T16:00:00.000Z' });
  await order('o6', { status: 'completed', closed_at: null });
  await order('b1', { outlet_id: refs.outletB, lat: null, lng: null }, refs.techB);
  const visit = {
    order_id: o.o2!.id,
    technician_user_id: refs.techA.user.id,
    departed_at: '2026-10-10T01:00:00.000Z',
    arrived_at: null,
    arrival_lat: null,
    arrival_lng: null,
    arrival_accuracy_m: null,
    arrival_distance_m: null,
    started_at: null,
    fault_code_id: null,
    symptom_codes: '[]',
    findings: null,
    diagnosed_at: null,
    work_done: null,
    parts: JSON.stringify([
      { name: '排水泵', quantity: 1, note: null },
      { name: '密封圈', quantity: 2, note: null },
    ]),
    worked_at: null,
    outcome: null,
    outcome_note: null,
    outcome_at: null,
    completed_at: null,
    completion_method: null,
    created_at: NOW,
    updated_at: NOW,
  };
  await db()
    .insertInto('field_visits')
    .values({ ...visit, id: newId() })
    .execute();

  await classify(o.o3!.id, 'first_fix_failed');
  await classify(o.o3!.id, 'attitude');
  await classify(o.o4!.id, 'satisfied');
  await classify(o.o6!.id, 'attitude'); // not closed yet: settled later
  await classify(o.b1!.id, 'first_fix_failed');
  complaints.c1 = await complaint({
    orderId: o.o1!.id,
    outletId: refs.outletA,
    responsibility: 'outlet',
    resolvedAt: '2026-10-20T02:00:00.000Z',
  });
  complaints.c2 = await complaint({
    orderId: o.o2!.id,
    outletId: refs.outletA,
    responsibility: 'product_quality',
    resolvedAt: '2026-10-20T02:00:00.000Z',
  });
  // Resolved in November: on November's statement, not October's.
  complaints.c3 = await complaint({
    orderId: o.o4!.id,
    outletId: refs.outletA,
    responsibility: 'outlet',
    resolvedAt: '2026-11-02T02:00:00.000Z',
  });
  // Parts are paid only through passed 旧件 claims: the free-text parts of o2's visit pay nothing,
  // its two pumps that came back and passed in October pay 2 × 10.00.
  const pump = await partItem(db(), { code: 'PUMP-1', name: '排水泵' });
  const part = (
    orderId: string,
    status: Parameters<typeof oldPart>[1]['status'],
    inspectedAt?: string,
    qty = 1,
  ) =>
    oldPart(db(), {
      orderId,
      outletId: refs.outletA,
      itemId: pump.id,
      status,
      qty,
      ...(inspectedAt ? { inspectedAt } : {}),
    });
  claims.passed = await part(o.o2!.id, 'passed', '2026-10-20T02:00:00.000Z', 2);
  // Rejected at inspection, received but not yet inspected, still on its way: none pays.
  claims.rejected = await part(o.o1!.id, 'rejected', '2026-10-20T02:00:00.000Z');
  claims.received = await part(o.o1!.id, 'received');
  claims.inTransit = await part(o.o3!.id, 'in_transit');
  // Passed in November (Nov 1 00:00 Shanghai): November's statement, not October's.
  claims.november = await part(o.o4!.id, 'passed', '2026-10-31T16:00:00.000Z');
});
afterAll(async () => w?.close());

describe('fee schedule', () => {
  it('bad input names the field and rule; nothing changes', async () => {
    const r = await finance.send('PUT', '/api/v1/settings/settlement.fee_schedule', {
      value: {
        ...SCHEDULE,
        distanceBands: [
          { upToKm: 30, surchargeFen: 0 },
          { upToKm: 10, surchargeFen: 1 },
        ],
      },
      version: 1,
    });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].path).toBe('value.distanceBands.1.upToKm');
    const cur = await finance.get('/api/v1/settings/settlement.fee_schedule');
    expect(cur.body).toMatchObject({ value: SCHEDULE, version: 1 });
    expect(
      (
        await managerA.send('PUT', '/api/v1/settings/settlement.fee_schedule', {
          value: SCHEDULE,
          version: 1,
        })
      ).status,
    ).toBe(403);
  });
});

describe('monthly statement', () => {
  it('reconciles line by line with the closed orders of the month', async () => {
    const gen = await finance.send('POST', `${P}/statements`, { month: MONTH });
    expect(gen.status).toBe(200);
    expect(gen.body.generated.map((s: any) => s.outlet.id).sort()).toEqual(
      [refs.outletA, refs.outletB].sort(),
    );
    const s = await statementOf(finance, refs.outletA);
    expect(s).toMatchObject({ status: 'draft', grade: 'A', coefficient: 1.1, number: 'JS-A-202610' });

    // Every order of outlet A closed in October (Shanghai) has exactly one fee line, and no other does.
    const closed = await db()
      .selectFrom('work_orders')
      .select(['id', 'number'])
      .where('outlet_id', '=', refs.outletA)
      .where('status', '=', 'closed')
      .where('closed_at', '>=', '2026-09-30T16:00:00.000Z')
      .where('closed_at', '<', '2026-10-31T16:00:00.000Z')
      .execute();
    const fees = s.lines.filter((l: any) => l.kind === 'fee' && l.lineKey.startsWith('fee:'));
    expect(fees.map((l: any) => l.orderId).sort()).toEqual(closed.map((c) => c.id).sort());
    expect(new Set(fees.map((l: any) => l.orderId)).size).toBe(fees.length);
    for (const l of fees) expect(l.orderNumber).toBe(closed.find((c) => c.id === l.orderId)!.number);

    const fee = (k: string) => lineOf(s, `fee:${o[k]!.id}`);
    expect(fee('o1').amountFen).toBe(6600); // 6000 × 1.1
    expect(fee('o1').rule).toMatchObject({ distance: { band: 0 }, gradeSource: 'scorecard' });
    // (6000 + 2000 band + 3000 remote) × 1.1; the free-text parts of its visit are not paid.
    expect(fee('o2').amountFen).toBe(12100);
    expect(fee('o2').rule).toMatchObject({
      base: { feeFen: 6000, matched: 'repair/WM' },
      distance: { band: 1, surchargeFen: 2000 },
      remote: { regionCode: '440111', surchargeFen: 3000 },
      coefficient: 1.1,
    });
    expect(fee('o2').rule).not.toHaveProperty('parts');
    // The passed claim is a fee line of its own (no coefficient); the others are not on it.
    const claimLines = s.lines.filter((l: any) => String(l.lineKey).startsWith('part_claim:'));
    expect(claimLines.map((l: any) => [l.lineKey, l.orderNumber, l.amountFen])).toEqual([
      [`part_claim:${claims.passed}`, o.o2!.number, 2000],
    ]);
    expect(claimLines[0].kind).toBe('fee');
    expect(claimLines[0].rule).toMatchObject({
      partClaim: { returnId: claims.passed, itemCode: 'PUMP-1', qty: 2 },
      perUnitFen: 1000,
      setting: 'partsPerLineFen',
    });
    expect(fee('o3').amountFen).toBe(8800);
    expect(fee('o3').rule.distance.km).toBeNull();
    expect(fee('o4').amountFen).toBe(5500);
    expect(fee('o4').rule.base.matched).toBe('repair/*');

    // Deductions trace to their order and class or complaint; the bonus to its class.
    const others = s.lines.filter((l: any) => l.kind !== 'fee');
    expect(
      others.map((l: any) => [l.kind, l.orderNumber, l.classification, l.complaintId, l.amountFen]).sort(),
    ).toEqual(
      [
        ['deduction', o.o3!.number, 'first_fix_failed', null, -3000],
        ['deduction', o.o3!.number, 'attitude', null, -2000],
        ['deduction', o.o1!.number, 'complaint', complaints.c1, -10000],
        ['bonus', o.o4!.number, 'satisfied', null, 500],
      ].sort(),
    );
    expect(lineOf(s, `complaint:${complaints.c1}`).rule).toMatchObject({
      responsibility: 'outlet',
      amountFen: 10000,
    });

    // Totals are the sums of the lines, all integer fen.
    for (const l of s.lines) expect(Number.isInteger(l.amountFen)).toBe(true);
    expect(s.totalFen).toBe(sum(s.lines.map((l: any) => l.amountFen)));
    expect(s).toMatchObject({
      feeFen: 35000,
      deductionFen: -15000,
      bonusFen: 500,
      totalFen: 20500,
      orderCount: 4,
    });

    // Outlet B: its current grade B (no scorecard), coefficient 1.0.
    const b = await statementOf(finance, refs.outletB);
    expect(b).toMatchObject({ grade: 'B', coefficient: 1, totalFen: 3000 });
  });

  it('regenerating a draft is idempotent', async () => {
    const before = await statementOf(finance, refs.outletA);
    const again = await finance.send('POST', `${P}/statements`, { month: MONTH, outletId: refs.outletA });
    expect(again.status).toBe(200);
    const after = await statementOf(finance, refs.outletA);
    const shape = (s: any) => s.lines.map((l: any) => [l.seq, l.kind, l.lineKey, l.amountFen, l.rule]);
    expect(shape(after)).toEqual(shape(before));
    expect(after.totalFen).toBe(before.totalFen);
    expect(after.version).toBe(before.version + 1);
    expect(after.history.filter((e: any) => e.type === 'settlement.statement_generated')).toHaveLength(2);
  });

  it('the Excel export lists every line with its order number and the amount in yuan', async () => {
    const s = await statementOf(finance, refs.outletA);
    const r = await finance.get(`${P}/statements/${s.id}/export.xlsx`);
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.raw as never);
    const rows: any[][] = [];
    wb.worksheets[0]!.eachRow((row) => rows.push((row.values as any[]).slice(1)));
    const o2 = rows.find((row) => row[2] === o.o2!.number && row[1] === '服务费')!;
    expect(o2[5]).toBe(121);
    const claim = rows.find((row) => row[2] === o.o2!.number && String(row[3]).startsWith('备件索赔'))!;
    expect(claim[5]).toBe(20);
    expect(claim[4]).toContain('PUMP-1 × 2');
    expect(o2[4]).toContain('1.1');
    expect(rows.find((row) => row[0] === '合计（元）')![1]).toBe(205);
    expect(rows.filter((row) => typeof row[0] === 'number')).toHaveLength(s.lines.length);
    // Watermarked and audited (PIPL): who exported which statement, and how many lines.
    const info = wb.getWorksheet('导出信息')!;
    const exportId = String(info.getRow(3).getCell(2).value);
    const audit = await w.db.db
      .selectFrom('events')
      .select(['actor_id', 'data'])
      .where('stream_type', '=', 'export')
      .where('stream_id', '=', exportId)
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(finance.userId);
    expect(JSON.parse(audit.data)).toMatchObject({ kind: 'settlement_statement', rows: s.lines.length });
  });
});

describe('outlet scope', () => {
  it('outlet B manager can neither see nor answer outlet A statements', async () => {
    const s = await statementOf(finance, refs.outletA);
    expect((await managerB.get(`${P}/statements/${s.id}`)).status).toBe(404);
    expect((await managerB.get(`${P}/statements/${s.id}/export.xlsx`)).status).toBe(404);
    const list = await managerB.get(`${P}/statements?month=${MONTH}`);
    expect(list.body.items.map((x: any) => x.outlet.id)).toEqual([refs.outletB]);
    const r = await managerB.send('POST', `${P}/statements/${s.id}/respond`, {
      action: 'confirm',
      version: s.version,
    });
    expect(r.status).toBe(404);
    expect((await statementOf(finance, refs.outletA)).status).toBe('draft');
  });
});

describe('dispute → adjust → approve → pay', () => {
  it('runs the flow with its guards, each step an event', async () => {
    let s = await statementOf(managerA, refs.outletA);
    expect(s.allowed).toEqual(['confirmed', 'disputed']);
    const line = lineOf(s, `fee:${o.o2!.id}`);
    // A comment per disputed line is required.
    const noComment = await managerA.send('POST', `${P}/statements/${s.id}/respond`, {
      action: 'dispute',
      version: s.version,
      lines: [{ lineId: line.id, comment: ' ' }],
    });
    expect(noComment.status).toBe(400);
    const disputed = await managerA.send('POST', `${P}/statements/${s.id}/respond`, {
      action: 'dispute',
      version: s.version,
      lines: [{ lineId: line.id, comment: '实际距离 35 公里' }],
    });
    expect(disputed.status).toBe(200);
    expect(disputed.body).toMatchObject({ status: 'disputed', disputedCount: 1 });
    expect(lineOf(disputed.body, line.lineKey)).toMatchObject({
      disputed: true,
      disputeComment: '实际距离 35 公里',
    });
    s = disputed.body;

    // The outlet cannot adjust; finance cannot approve with the dispute unanswered.
    expect(
      (
        await managerA.send('POST', `${P}/statements/${s.id}/adjustments`, {
          version: s.version,
          lineId: line.id,
          newAmountFen: 20000,
          reason: 'x',
        })
      ).status,
    ).toBe(403);
    const early = await finance.send('POST', `${P}/statements/${s.id}/transitions`, {
      to: 'approved',
      version: s.version,
    });
    expect(early.status).toBe(422);
    expect(early.body.errors[0]).toMatchObject({ path: 'reason', rule: 'settlement.disputes_open' });

    const adjusted = await finance.send('POST', `${P}/statements/${s.id}/adjustments`, {
      version: s.version,
      lineId: line.id,
      newAmountFen: 13000,
      reason: '按导航距离核定为第三档',
    });
    expect(adjusted.status).toBe(200);
    s = adjusted.body;
    const adj = s.lines.find((l: any) => l.kind === 'adjustment');
    expect(adj).toMatchObject({ targetKey: line.lineKey, amountFen: 900, reason: '按导航距离核定为第三档' });
    expect(adj.rule).toMatchObject({ fromFen: 12100, toFen: 13000 });
    expect(s).toMatchObject({ status: 'disputed', disputedCount: 0, totalFen: 21400, adjustmentFen: 900 });
    expect(s.totalFen).toBe(sum(s.lines.map((l: any) => l.amountFen)));

    // A stale version is a conflict.
    expect(
      (
        await finance.send('POST', `${P}/statements/${s.id}/transitions`, {
          to: 'approved',
          version: s.version - 1,
        })
      ).status,
    ).toBe(409);
    const approved = await finance.send('POST', `${P}/statements/${s.id}/transitions`, {
      to: 'approved',
      version: s.version,
    });
    expect(approved.status).toBe(200);
    s = approved.body;
    expect(s.status).toBe('approved');

    // Edited after approval: 409, nothing changed.
    const tries = [
      finance.send('POST', `${P}/statements/${s.id}/adjustments`, {
        version: s.version,
        lineId: line.id,
        newAmountFen: 1,
        reason: 'late',
      }),
      finance.send('POST', `${P}/statements`, { month: MONTH, outletId: refs.outletA }),
      managerA.send('POST', `${P}/statements/${s.id}/respond`, { action: 'confirm', version: s.version }),
      finance.send('POST', `${P}/statements/${s.id}/transitions`, {
        to: 'draft',
        version: s.version,
        reason: 'x',
      }),
    ];
    for (const r of await Promise.all(tries)) {
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('settlement.statement_locked');
    }
    const unchanged = await statementOf(finance, refs.outletA);
    expect(unchanged.version).toBe(s.version);
    expect(unchanged.lines).toEqual(s.lines);

    const noRef = await finance.send('POST', `${P}/statements/${s.id}/transitions`, {
      to: 'paid',
      version: s.version,
    });
    expect(noRef.status).toBe(400);
    expect(noRef.body.errors[0].path).toBe('paymentReference');
    const paid = await finance.send('POST', `${P}/statements/${s.id}/transitions`, {
      to: 'paid',
      version: s.version,
      paymentReference: 'BANK-20261105-001',
    });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', paymentReference: 'BANK-20261105-001' });
    expect(paid.body.history.map((e: any) => e.type)).toEqual([
      'settlement.statement_generated',
      'settlement.statement_generated',
      'settlement.lines_disputed',
      'settlement.line_adjusted',
      'settlement.statement_transitioned',
      'settlement.statement_transitioned',
    ]);
  });
});

describe('appeals', () => {
  it('bad input is refused with the field named; nothing is filed', async () => {
    const both = await techA.send('POST', `${P}/appeals`, {
      orderId: o.o3!.id,
      class: 'attitude',
      lineId: o.o3!.id,
      reason: 'x',
    });
    expect(both.status).toBe(400);
    const notClassified = await techA.send('POST', `${P}/appeals`, {
      orderId: o.o1!.id,
      class: 'repeat_failed',
      reason: '没有返修',
    });
    expect(notClassified.status).toBe(400);
    expect(notClassified.body.errors[0]).toMatchObject({ path: 'class', rule: 'not_classified' });
    // Another outlet's order is not found.
    expect(
      (await managerB.send('POST', `${P}/appeals`, { orderId: o.o3!.id, class: 'attitude', reason: 'x' }))
        .status,
    ).toBe(404);
    expect((await finance.get(`${P}/appeals?status=all`)).body.items).toHaveLength(0);
  });

  it('upheld on an approved statement: a credit on the next statement, and the grade input excluded', async () => {
    const filed = await techA.send('POST', `${P}/appeals`, {
      orderId: o.o3!.id,
      class: 'attitude',
      reason: '客户误会，已道歉并获谅解',
      evidenceText: '客户短信截图说明',
    });
    expect(filed.status).toBe(201);
    const dup = await managerA.send('POST', `${P}/appeals`, {
      orderId: o.o3!.id,
      class: 'attitude',
      reason: 'again',
    });
    expect(dup.status).toBe(409);
    expect(
      (
        await techA.send('POST', `${P}/appeals/${filed.body.id}/decision`, {
          version: 1,
          decision: 'upheld',
          reason: 'x',
        })
      ).status,
    ).toBe(403);

    const decided = await quality.send('POST', `${P}/appeals/${filed.body.id}/decision`, {
      version: filed.body.version,
      decision: 'upheld',
      reason: '录音证实态度无问题',
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      status: 'upheld',
      decisionReason: '录音证实态度无问题',
      restoredFen: 2000,
    });
    const excl = await db()
      .selectFrom('grading_exclusions')
      .selectAll()
      .where('order_id', '=', o.o3!.id)
      .execute();
    expect(excl).toEqual([
      expect.objectContaining({ class: 'attitude', complaint_id: '', appeal_id: filed.body.id }),
    ]);
    // October is paid and untouched; November carries the credit.
    const oct = await statementOf(finance, refs.outletA);
    expect(oct.totalFen).toBe(21400);
    await finance.send('POST', `${P}/statements`, { month: '2026-11', outletId: refs.outletA });
    const nov = await statementOf(finance, refs.outletA, '2026-11');
    expect(nov.lines.map((l: any) => [l.kind, l.orderNumber, l.amountFen, l.appealId ?? null])).toEqual([
      // No November scorecard: the outlet's current grade (B, 1.0) sets the coefficient.
      ['fee', o.o5!.number, 6000, null],
      // The old part of an October order that passed in November is paid on November's statement.
      ['fee', o.o4!.number, 1000, null],
      ['deduction', o.o4!.number, -10000, null],
      ['credit', o.o3!.number, 2000, filed.body.id],
    ]);
    // The rejected or re-filed appeal cannot be decided twice.
    const twice = await quality.send('POST', `${P}/appeals/${filed.body.id}/decision`, {
      version: decided.body.version,
      decision: 'rejected',
      reason: 'x',
    });
    expect(twice.status).toBe(409);
  });

  it('upheld on a draft: the deduction is reversed there and stays out on regeneration', async () => {
    let b = await statementOf(managerB, refs.outletB);
    const ded = b.lines.find((l: any) => l.kind === 'deduction');
    const filed = await managerB.send('POST', `${P}/appeals`, {
      orderId: o.b1!.id,
      lineId: ded.id,
      reason: '返修原因为配件批次质量问题',
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ subject: 'line', class: 'first_fix_failed' });
    const decided = await finance.send('POST', `${P}/appeals/${filed.body.id}/decision`, {
      version: 1,
      decision: 'upheld',
      reason: '质量部确认配件批次问题',
    });
    expect(decided.status).toBe(200);
    b = await statementOf(managerB, refs.outletB);
    expect(b.lines.find((l: any) => l.kind === 'reversal')).toMatchObject({
      amountFen: 3000,
      targetKey: ded.lineKey,
    });
    expect(b.totalFen).toBe(6000);
    await finance.send('POST', `${P}/statements`, { month: MONTH, outletId: refs.outletB });
    b = await statementOf(managerB, refs.outletB);
    expect(b.lines.map((l: any) => l.kind)).toEqual(['fee']);
    expect(b.totalFen).toBe(6000);
  });

  it('rejected: the reason is recorded and the money stays', async () => {
    const filed = await managerA.send('POST', `${P}/appeals`, {
      orderId: o.o3!.id,
      class: 'first_fix_failed',
      reason: '第二次是新故障',
    });
    expect(filed.status).toBe(201);
    const r = await finance.send('POST', `${P}/appeals/${filed.body.id}/decision`, {
      version: 1,
      decision: 'rejected',
      reason: '同一故障代码',
    });
    expect(r.body).toMatchObject({ status: 'rejected', decisionReason: '同一故障代码', restoredFen: 0 });
    const mine = await managerA.get(`${P}/appeals?status=all`);
    expect(mine.body.items.map((a: any) => a.status).sort()).toEqual(['rejected', 'upheld']);
    expect((await managerB.get(`${P}/appeals?status=all`)).body.items).toHaveLength(1);
  });
});
