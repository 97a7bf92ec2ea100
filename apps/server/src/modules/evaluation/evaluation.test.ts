import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemeDefinition } from '@anxin/contracts';
import { newId } from '../../platform/ids/index.ts';
import {
  createBody,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';

let w: World;
let refs: Refs;
let admin: Client;
let quality: Client;
let agent: Client;
let manager: Client;
// Monday 2026-11-23 10:00 Shanghai.
const NOW = '2026-11-23T02:00:00.000Z';
const E = '/api/v1/evaluation';

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  admin = await w.as(await w.user('admin'));
  quality = await w.as(await w.user('quality'));
  agent = await w.as(await w.user('agent'));
  manager = await w.as(await w.user('manager'));
});
afterAll(async () => w?.close());

const db = () => w.db.db;
const items = (def: SchemeDefinition) => def.sections.flatMap((s) => s.indicators.flatMap((i) => i.items));

async function createEvaluation(subject: string, assessedOn: string) {
  const r = await quality.send('POST', `${E}/evaluations`, {
    subject,
    period: assessedOn.slice(0, 4),
    assessedOn,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as {
    evaluation: { id: string; version: number };
    scheme: { definition: SchemeDefinition; version: number };
  };
}

/** Evidence for every item: binary conforming, sampled 10 of 10 good, unless `special` says otherwise. */
async function assessAll(
  id: string,
  def: SchemeDefinition,
  special: Record<string, Record<string, unknown>> = {},
) {
  let last: any;
  for (const it of items(def)) {
    const finding =
      special[it.code] ??
      (it.mode === 'binary' ? { conforming: true } : { sampleSize: 10, nonConforming: 0 });
    if (finding.skip) continue;
    const r = await quality.send('POST', `${E}/evaluations/${id}/evidence`, {
      itemCode: it.code,
      channel: it.mode === 'sampled' ? 'sample' : 'document',
      note: '检查记录',
      attachments: ['记录.pdf'],
      ...finding,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    last = r.body;
  }
  return last;
}

describe('scheme', () => {
  it('seeds the GB/T 27922 default (40 / 35 / 25, 15 indicators) as version 1', async () => {
    const r = await quality.get(`${E}/scheme`);
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(1);
    expect(r.body.current).toBe(true);
    expect(r.body.definition.sections.map((s: any) => [s.code, s.points, s.indicators.length])).toEqual([
      ['S1', 40, 7],
      ['S2', 35, 6],
      ['S3', 25, 2],
    ]);
  });

  it('rejects sums that do not add up with the section/indicator path; nothing is saved', async () => {
    const cur = (await admin.get(`${E}/scheme`)).body;
    const def = structuredClone(cur.definition) as SchemeDefinition;
    def.sections[1]!.indicators[0]!.items[0]!.points = 4; // 商品信息 6 → items 7
    const bad = await admin.send('PUT', `${E}/scheme`, { baseVersion: cur.version, definition: def });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('request.validation_failed');
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ path: 'definition.sections.1.indicators.0', rule: 'sum' }),
    ]);
    def.sections[1]!.indicators[0]!.points = 7; // the indicator agrees; its section's indicators add up to 36
    const bad2 = await admin.send('PUT', `${E}/scheme`, { baseVersion: cur.version, definition: def });
    expect(bad2.status).toBe(400);
    expect(bad2.body.errors.map((e: any) => e.path)).toEqual(['definition.sections.1']);
    expect(bad2.body.errors[0].message).toContain('商品服务');
    def.sections[1]!.points = 36; // the section agrees; the sections add up to 101
    const bad3 = await admin.send('PUT', `${E}/scheme`, { baseVersion: cur.version, definition: def });
    expect(bad3.status).toBe(400);
    // The section no longer carries the 35 points its version fixes, and the total is 101.
    expect(bad3.body.errors).toEqual([
      expect.objectContaining({ path: 'definition.sections.1.points', rule: 'section_points' }),
      expect.objectContaining({ path: 'definition.sections', rule: 'sum' }),
    ]);
    expect(bad3.body.errors[1].message).toContain('101');
    expect((await admin.get(`${E}/scheme`)).body.version).toBe(cur.version);
  });

  it('an edit is a new version; evaluations keep the version they started on; stale edits are 409', async () => {
    const before = await createEvaluation('版本测试', '2026-01-10');
    const cur = (await admin.get(`${E}/scheme`)).body;
    const def = structuredClone(cur.definition) as SchemeDefinition;
    def.sections[2]!.indicators[0]!.items[0]!.name = '顾客档案';
    const saved = await admin.send('PUT', `${E}/scheme`, { baseVersion: cur.version, definition: def });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.version).toBe(cur.version + 1);
    const stale = await admin.send('PUT', `${E}/scheme`, { baseVersion: cur.version, definition: def });
    expect(stale.status).toBe(409);
    const old = (await quality.get(`${E}/evaluations/${before.evaluation.id}`)).body;
    expect(old.evaluation.schemeVersion).toBe(cur.version);
    expect(old.scheme.current).toBe(false);
    const after = await createEvaluation('版本测试', '2026-01-11');
    expect(after.scheme.version).toBe(cur.version + 1);
    expect((await quality.get(`${E}/schemes`)).body.items.map((v: any) => v.version)).toEqual([2, 1]);
    // Quality staff evaluate but do not edit the scheme.
    expect((await quality.send('PUT', `${E}/scheme`, { baseVersion: 2, definition: def })).status).toBe(403);
  });
});

describe('evaluation', () => {
  it('scores end to end: binary, sampled, 删减, deduction and bonus; bad input changes nothing', async () => {
    const { evaluation, scheme } = await createEvaluation('安心电器', '2025-06-30');
    const id = evaluation.id;
    // 废弃商品回收 (S2.6, 5 points) does not apply.
    for (const code of ['S2.6.1', 'S2.6.2']) {
      const noReason = await quality.send('PUT', `${E}/evaluations/${id}/items/${code}`, {
        applicable: false,
      });
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors[0]).toMatchObject({ path: 'naReason', rule: 'required' });
      const na = await quality.send('PUT', `${E}/evaluations/${id}/items/${code}`, {
        applicable: false,
        naReason: '不经营回收业务',
      });
      expect(na.status).toBe(200);
    }
    const body = await assessAll(id, scheme.definition, {
      'S1.1.1': { conforming: false }, // −3
      'S3.2.2': { sampleSize: 10, nonConforming: 2 }, // 5 × 0.8 = 4 (−1)
      'S2.6.1': { skip: true },
      'S2.6.2': { skip: true },
    });
    // 91 of 95 applicable → 95.79.
    expect(body.result).toMatchObject({
      applicablePoints: 95,
      achievedPoints: 91,
      normalized: 95.79,
      score: 95.79,
      unassessed: 0,
    });

    const before = (await quality.get(`${E}/evaluations/${id}`)).body;
    const tooMuch = await quality.send('POST', `${E}/evaluations/${id}/evidence`, {
      itemCode: 'S1.1.2',
      channel: 'onsite',
      score: 7,
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.errors[0]).toMatchObject({ path: 'score', rule: 'range' });
    const overSample = await quality.send('POST', `${E}/evaluations/${id}/evidence`, {
      itemCode: 'S1.2.2',
      channel: 'sample',
      sampleSize: 5,
      nonConforming: 6,
    });
    expect(overSample.status).toBe(400);
    expect(overSample.body.errors[0]).toMatchObject({ path: 'nonConforming', rule: 'max' });
    const unknown = await quality.send('POST', `${E}/evaluations/${id}/evidence`, {
      itemCode: 'S9.9.9',
      channel: 'onsite',
      conforming: true,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ path: 'itemCode' });
    const after = (await quality.get(`${E}/evaluations/${id}`)).body;
    expect(after.evidence).toHaveLength(before.evidence.length);
    expect(after.evaluation.version).toBe(before.evaluation.version);

    // A deduction needs its corrective action; each takes 1 off.
    const noAction = await quality.send('POST', `${E}/evaluations/${id}/adjustments`, {
      kind: 'deduction',
      category: 'own_rules',
      description: '未按制度公示收费标准',
    });
    expect(noAction.status).toBe(400);
    const ded = await quality.send('POST', `${E}/evaluations/${id}/adjustments`, {
      kind: 'deduction',
      category: 'own_rules',
      description: '未按制度公示收费标准',
      correctiveAction: '一周内在全部网点公示',
    });
    expect(ded.status).toBe(200);
    expect(ded.body.result.score).toBe(94.79);
    const bonus = await quality.send('POST', `${E}/evaluations/${id}/adjustments`, {
      kind: 'bonus',
      description: '行业领先的以旧换新服务',
    });
    expect(bonus.body.result).toMatchObject({ score: 95.79, bonuses: 1, deductions: 1 });
    const second = await quality.send('POST', `${E}/evaluations/${id}/adjustments`, {
      kind: 'bonus',
      description: '第二项',
    });
    expect(second.status).toBe(422);
    expect(second.body.errors[0]).toMatchObject({ path: 'kind', rule: 'evaluation.bonus_limit' });
    expect((await quality.get(`${E}/evaluations/${id}`)).body.adjustments).toHaveLength(2);

    // The first evaluation at 达标: a five-star score is held at 达标.
    const fin = await quality.send('POST', `${E}/evaluations/${id}/finalize`);
    expect(fin.status, JSON.stringify(fin.body)).toBe(200);
    expect(fin.body.evaluation).toMatchObject({ status: 'final', score: 95.79, grade: 'pass' });
    expect(fin.body.result).toMatchObject({ bandGrade: 'five_star', grade: 'pass', starCapped: true });
    expect(fin.body.history).toMatchObject({ firstPassOn: '2025-06-30', starEligibleOn: null });
    const late = await quality.send('POST', `${E}/evaluations/${id}/evidence`, {
      itemCode: 'S1.1.1',
      channel: 'onsite',
      conforming: true,
    });
    expect(late.status).toBe(409);
    const events = await db()
      .selectFrom('events')
      .select('type')
      .where('stream_type', '=', 'evaluation')
      .where('stream_id', '=', id)
      .orderBy('id')
      .execute();
    expect(events.at(0)!.type).toBe('evaluation.created');
    expect(events.at(-1)!.type).toBe('evaluation.finalized');
    // Readers see it; they cannot change it.
    expect((await manager.get(`${E}/evaluations/${id}`)).status).toBe(200);
    expect((await agent.get(`${E}/evaluations/${id}`)).status).toBe(403);
    expect(
      (
        await manager.send('POST', `${E}/evaluations`, {
          subject: 'x',
          period: 'x',
          assessedOn: '2026-01-01',
        })
      ).status,
    ).toBe(403);
  });

  it('two simultaneous bonuses: exactly one is recorded', async () => {
    const { evaluation } = await createEvaluation('并发加分', '2026-04-01');
    const post = (n: number) =>
      quality.send('POST', `${E}/evaluations/${evaluation.id}/adjustments`, {
        kind: 'bonus',
        description: `加分 ${n}`,
      });
    const results = await Promise.all([post(1), post(2), post(3)]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200)) expect([409, 422]).toContain(r.status);
    const d = (await quality.get(`${E}/evaluations/${evaluation.id}`)).body;
    expect(d.adjustments.filter((a: any) => a.kind === 'bonus')).toHaveLength(1);
    expect(d.evaluation.version).toBe(2);
  });

  it('cannot finalise while applicable items lack evidence', async () => {
    const { evaluation, scheme } = await createEvaluation('未完成', '2026-02-01');
    await assessAll(evaluation.id, scheme.definition, { 'S3.2.3': { skip: true } });
    const r = await quality.send('POST', `${E}/evaluations/${evaluation.id}/finalize`);
    expect(r.status).toBe(422);
    expect(r.body.errors[0]).toMatchObject({ path: 'items', rule: 'evaluation.items_unassessed' });
    expect(r.body.detail).toContain('S3.2.3');
  });

  it('five special deductions fail a full score', async () => {
    const { evaluation, scheme } = await createEvaluation('扣分企业', '2026-03-01');
    await assessAll(evaluation.id, scheme.definition);
    let r: any;
    for (const category of ['law', 'own_rules', 'industry', 'system_running', 'law']) {
      r = await quality.send('POST', `${E}/evaluations/${evaluation.id}/adjustments`, {
        kind: 'deduction',
        category,
        description: `问题 ${category}`,
        correctiveAction: '限期整改',
      });
      expect(r.status).toBe(200);
    }
    expect(r.body.result).toMatchObject({
      score: 95,
      deductions: 5,
      failedByDeductions: true,
      grade: 'fail',
    });
  });

  it('stars only after a year at 达标, unless the outstanding override is recorded', async () => {
    // 安心电器 first reached 达标 on 2025-06-30 (the end-to-end test above).
    const early = await createEvaluation('安心电器', '2026-06-29');
    const full = await assessAll(early.evaluation.id, early.scheme.definition);
    expect(full.result).toMatchObject({
      score: 100,
      bandGrade: 'five_star',
      grade: 'pass',
      starCapped: true,
    });
    expect(full.history).toMatchObject({ firstPassOn: '2025-06-30', starEligibleOn: '2026-06-30' });
    const noReason = await quality.send('PUT', `${E}/evaluations/${early.evaluation.id}/outstanding`, {
      outstanding: true,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0]).toMatchObject({ path: 'reason', rule: 'required' });
    const over = await quality.send('PUT', `${E}/evaluations/${early.evaluation.id}/outstanding`, {
      outstanding: true,
      reason: '服务成绩特别显著，获省级表彰',
    });
    expect(over.status).toBe(200);
    expect(over.body.evaluation).toMatchObject({
      outstanding: true,
      outstandingReason: '服务成绩特别显著，获省级表彰',
    });
    expect(over.body.result).toMatchObject({ grade: 'five_star', starCapped: false });

    const onTime = await createEvaluation('安心电器', '2026-06-30');
    const r = await assessAll(onTime.evaluation.id, onTime.scheme.definition, {
      'S1.1.1': { conforming: false },
      'S1.1.2': { conforming: false },
      'S1.2.1': { conforming: false },
    });
    // 91 of 100, a year after the first 达标: 四星.
    expect(r.result).toMatchObject({ score: 91, grade: 'four_star', starCapped: false });
    const fin = await quality.send('POST', `${E}/evaluations/${onTime.evaluation.id}/finalize`);
    expect(fin.body.evaluation.grade).toBe('four_star');
    const list = await manager.get(`${E}/evaluations?subject=${encodeURIComponent('安心电器')}`);
    expect(list.body.items.map((e: any) => [e.assessedOn, e.status, e.grade])).toEqual([
      ['2026-06-30', 'final', 'four_star'],
      ['2026-06-29', 'draft', null],
      ['2025-06-30', 'final', 'pass'],
    ]);
  });
});

describe('KPI panel', () => {
  it('computes every KPI with exact numerators and denominators against the targets', async () => {
    const orders: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await agent.send('POST', '/api/v1/work-orders', createBody(refs));
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      orders.push(r.body.order.id);
    }
    const [o1, o2, o3, o4] = orders as [string, string, string, string];
    const clock = async (orderId: string, startedAt: string, stoppedAt: string | null) => {
      const r = await db()
        .updateTable('sla_clocks')
        .set({ started_at: startedAt, stopped_at: stoppedAt })
        .where('order_id', '=', orderId)
        .where('metric', '=', 'response')
        .executeTakeFirst();
      expect(Number(r.numUpdatedRows)).toBe(1);
    };
    await clock(o1, '2026-11-20T00:00:00.000Z', '2026-11-20T05:00:00.000Z'); // 5 h: met
    await clock(o2, '2026-11-20T00:00:00.000Z', '2026-11-21T06:00:00.000Z'); // 30 h: missed
    await clock(o3, '2026-11-22T20:00:00.000Z', null); // 6 h running: pending
    // o4 belongs to October: out of the period for orders and response.
    await db()
      .updateTable('work_orders')
      .set({ created_at: '2026-10-15T02:00:00.000Z' })
      .where('id', '=', o4)
      .execute();
    await clock(o4, '2026-10-15T02:00:00.000Z', '2026-10-15T03:00:00.000Z');

    const complaint = async (openedAt: string, resolvedAt: string | null) => {
      const id = newId();
      await db()
        .insertInto('complaints')
        .values({
          id,
          number: `TS-${id.slice(-12)}`,
          source: 'hotline',
          source_ref: null,
          severity: 'normal',
          status: resolvedAt ? 'resolved' : 'investigating',
          summary: '上门迟到',
          description: null,
          order_id: o1,
          customer_id: null,
          outlet_id: null,
          technician_id: null,
          region_code: null,
          root_cause: null,
          responsibility: null,
          responsible_department: null,
          responsible_outlet_id: null,
          responsible_technician_id: null,
          responsible_person: null,
          cause_is_attitude: 0,
          findings: null,
          remedy: null,
          verdict: null,
          verdict_note: null,
          reopen_count: 0,
          opened_at: openedAt,
          acknowledge_due_at: null,
          acknowledged_at: null,
          resolve_due_at: null,
          resolved_at: resolvedAt,
          closed_at: null,
          created_by: null,
          updated_at: openedAt,
          version: 1,
        } as any)
        .execute();
    };
    await complaint('2026-11-05T02:00:00.000Z', '2026-11-06T02:00:00.000Z');
    await complaint('2026-11-20T02:00:00.000Z', null);
    await complaint('2026-10-20T02:00:00.000Z', '2026-10-21T02:00:00.000Z'); // October

    const task = async (orderId: string, outcome: 'satisfied' | 'unsatisfied', closedAt: string) =>
      db()
        .insertInto('callback_tasks')
        .values({
          id: newId(),
          order_id: orderId,
          status: outcome,
          due_at: closedAt,
          next_attempt_at: null,
          attempts: 1,
          outcome,
          follow_up: outcome === 'unsatisfied' ? 'close_with_note' : null,
          answers: '{}',
          comment: null,
          note: null,
          portal_rated: 0,
          created_at: closedAt,
          updated_at: closedAt,
          closed_at: closedAt,
          closed_by: null,
          version: 1,
        })
        .execute();
    await task(o1, 'satisfied', '2026-11-10T02:00:00.000Z');
    await task(o2, 'satisfied', '2026-11-11T02:00:00.000Z');
    await task(o3, 'unsatisfied', '2026-11-12T02:00:00.000Z');
    await task(o4, 'unsatisfied', '2026-10-16T02:00:00.000Z'); // October

    const serviceOrders = Number(
      (
        await db()
          .selectFrom('work_orders')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('created_at', '>=', '2026-10-31T16:00:00.000Z')
          .where('type', '<>', 'complaint')
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(serviceOrders).toBe(3);
    const network = (await admin.get('/api/v1/network/coverage')).body;
    const r = await quality.get(`${E}/kpis?from=2026-11-01&to=2026-11-30`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-30',
      targets: { version: 0, responseWindowHours: 24 },
    });
    const k = Object.fromEntries(r.body.kpis.map((x: any) => [x.key, x]));
    expect(k.regionCoverage).toMatchObject({
      numerator: network.regionCoverage.covered,
      denominator: network.regionCoverage.total,
      target: 0.7,
    });
    expect(k.selfBuiltShare).toMatchObject({
      numerator: network.selfBuilt.selfBuilt,
      denominator: network.selfBuilt.active,
      target: 0.3,
    });
    expect(k.complaintRate).toEqual({
      key: 'complaintRate',
      value: 2 / serviceOrders,
      target: 0.1,
      direction: 'max',
      met: 2 / serviceOrders <= 0.1,
      numerator: 2,
      denominator: serviceOrders,
    });
    expect(k.complaintResolution).toEqual({
      key: 'complaintResolution',
      value: 0.5,
      target: 0.9,
      direction: 'min',
      met: false,
      numerator: 1,
      denominator: 2,
    });
    expect(k.satisfaction).toMatchObject({ value: 2 / 3, met: false, numerator: 2, denominator: 3 });
    expect(k.responseOnTime).toMatchObject({
      value: 0.5,
      target: 0.95,
      met: false,
      numerator: 1,
      denominator: 2,
    });

    // Targets are settings: change one and the verdict follows.
    const { version: _v, ...targets } = r.body.targets;
    const put = await admin.send('PUT', '/api/v1/settings/evaluation.kpi_targets', {
      value: { ...targets, satisfactionMin: 0.6 },
      version: 0,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const again = (await quality.get(`${E}/kpis?from=2026-11-01&to=2026-11-30`)).body;
    expect(again.kpis.find((x: any) => x.key === 'satisfaction')).toMatchObject({ target: 0.6, met: true });
    const badRange = await quality.get(`${E}/kpis?from=2026-12-01&to=2026-11-30`);
    expect(badRange.status).toBe(400);
    expect(badRange.body.errors[0]).toMatchObject({ path: 'from', rule: 'order' });
    const badTarget = await admin.send('PUT', '/api/v1/settings/evaluation.kpi_targets', {
      value: { ...targets, regionCoverage: 1.5 },
      version: 1,
    });
    expect(badTarget.status).toBe(400);
  });

  it('5-minute first contact and 3-working-day resolution from the SLA clocks, each drilling down to its orders', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await agent.send('POST', '/api/v1/work-orders', createBody(refs));
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      ids.push(r.body.order.id);
    }
    const [a, b, c] = ids as [string, string, string];
    // December, away from the other tests' clocks; the SLA engine's due times are taken as stored.
    const set = async (orderId: string, metric: string, dueAt: string | null, stoppedAt: string | null) => {
      const r = await db()
        .updateTable('sla_clocks')
        .set({ started_at: '2026-12-01T01:00:00.000Z', due_at: dueAt, stopped_at: stoppedAt })
        .where('order_id', '=', orderId)
        .where('metric', '=', metric as never)
        .executeTakeFirst();
      expect(Number(r.numUpdatedRows)).toBe(1);
    };
    await set(a, 'first_contact', '2026-12-01T01:05:00.000Z', '2026-12-01T01:05:00.000Z'); // at 5 min: met
    await set(b, 'first_contact', '2026-12-01T01:05:00.000Z', '2026-12-01T01:09:00.000Z'); // missed
    await set(c, 'first_contact', null, null); // no calendar data: unknown
    await set(a, 'resolution', '2026-12-04T10:00:00.000Z', '2026-12-03T10:00:00.000Z'); // met
    await set(b, 'resolution', '2026-12-04T10:00:00.000Z', '2026-12-05T10:00:00.000Z'); // missed

    const q = 'from=2026-12-01&to=2026-12-31';
    const panel = (await quality.get(`${E}/kpis?${q}`)).body;
    const k = Object.fromEntries(panel.kpis.map((x: any) => [x.key, x]));
    expect(k.firstContactOnTime).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 0.5,
      target: 0.95,
      met: false,
    });
    expect(k.resolutionOnTime).toMatchObject({ numerator: 1, denominator: 2, target: 0.9 });
    expect(k.slaUnknown).toMatchObject({ numerator: 1, denominator: 5, met: false, direction: 'max' });

    const drill = async (key: string) => {
      const r = await quality.get(`${E}/kpis/${key}/orders?${q}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.items.map((i: any) => [i.orderId, i.metric, i.verdict]);
    };
    expect(await drill('firstContactOnTime')).toEqual([
      [a, 'first_contact', 'met'],
      [b, 'first_contact', 'missed'],
      [c, 'first_contact', 'unknown'],
    ]);
    expect(await drill('resolutionOnTime')).toEqual([
      [a, 'resolution', 'met'],
      [b, 'resolution', 'missed'],
    ]);
    expect(await drill('slaUnknown')).toEqual([[c, 'first_contact', 'unknown']]);
    // The drill-down's decided rows are the panel's numerator and denominator.
    const fc = await drill('firstContactOnTime');
    expect(fc.filter((x: string[]) => x[2] === 'met')).toHaveLength(k.firstContactOnTime.numerator);
    expect(fc.filter((x: string[]) => x[2] === 'met' || x[2] === 'missed')).toHaveLength(
      k.firstContactOnTime.denominator,
    );
    expect((await quality.get(`${E}/kpis/satisfaction/orders?${q}`)).status).toBe(400);
  });
});
