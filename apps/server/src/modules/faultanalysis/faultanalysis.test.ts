import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProduct } from '../../../test/factories/customers.ts';
import { partItem } from '../../../test/factories/parts.ts';
import {
  createBody,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';
import { readPdf } from '../../../test/pdf.ts';
import { newId } from '../../platform/ids/index.ts';
import { HQ_LOCATION_ID } from '../parts/index.ts';

let w: World;
let refs: Refs;
let quality: Client;
let agent: Client;
let otherFault: string;
let otherModel: string;
let otherProduct: string;
let pump: { id: string };
let belt: { id: string };

const P = '/api/v1/fault-analysis';
const H1 = 'from=2026-01-01&to=2026-06-30';

/** A repair registered at `at` (a Beijing wall-clock time), with a fault code and product. */
async function repair(at: string, o: { fault?: string; product?: string; parts?: { id: string }[] } = {}) {
  w.clock.set(new Date(`${at}+08:00`));
  const fault = o.fault ?? refs.faultId;
  const r = await agent.send(
    'POST',
    '/api/v1/work-orders',
    createBody(refs, {
      faultCodeId: fault,
      symptomCodes: [fault === refs.faultId ? refs.symptomId : refs.otherSymptomId],
      productId: o.product ?? refs.productId,
    }),
  );
  expect(r.status).toBe(201);
  const id = r.body.order.id as string;
  for (const p of o.parts ?? [])
    await w.db.db
      .insertInto('part_usages')
      .values({
        id: newId(),
        order_id: id,
        item_id: p.id,
        location_id: HQ_LOCATION_ID,
        qty: 1,
        paid_by: 'warranty',
        unit_price_fen: 0,
        status: 'consumed',
        new_serial: null,
        old_serial: null,
        request_line_id: null,
        technician_id: null,
        reserved_at: w.clock.now().toISOString(),
        consumed_at: w.clock.now().toISOString(),
        released_at: null,
        release_reason: null,
      })
      .execute();
  return id;
}

beforeAll(async () => {
  w = await startWorld('2025-07-01T02:00:00.000Z');
  refs = await seedRefs(w);
  quality = await w.as(await w.user('quality'));
  agent = await w.as(await w.user('agent'));
  otherFault = (
    await w.db.db.selectFrom('fault_codes').select('id').where('code', '=', 'F02').executeTakeFirstOrThrow()
  ).id;
  otherModel = newId();
  await w.db.db
    .insertInto('product_models')
    .values({
      id: otherModel,
      brand: 'Anxin',
      category_code: refs.categoryCode,
      model_code: 'WM-9',
      name: '滚筒 WM-9',
      active: 1,
    })
    .execute();
  otherProduct = await makeProduct(w.db, {
    customerId: refs.customerId,
    modelId: otherModel,
    categoryCode: refs.categoryCode,
    serial: 'SN-FA-9',
    at: w.clock.now().toISOString(),
  });
  pump = await partItem(w.db.db, { name: '排水泵' });
  belt = await partItem(w.db.db, { name: '皮带' });
  // Baseline (2nd half of 2025): F01 three times.
  for (const d of ['2025-08-03', '2025-09-10', '2025-12-31T23:59'])
    await repair(d.includes('T') ? d : `${d}T10:00`, { parts: [belt] });
  // The period (1st half of 2026): F01 three times again (stable), F02 four times (new), on two models.
  await repair('2026-01-01T00:00', { parts: [belt, pump] });
  await repair('2026-02-14T09:00', { parts: [belt] });
  await repair('2026-03-01T09:00');
  for (const d of ['2026-03-02', '2026-04-05', '2026-06-01', '2026-06-30T23:59'])
    await repair(d.includes('T') ? d : `${d}T10:00`, {
      fault: otherFault,
      product: otherProduct,
      parts: [pump],
    });
  // After the period: not counted.
  await repair('2026-07-01T00:00', { fault: otherFault });
  w.clock.set('2026-07-02T02:00:00.000Z');
});
afterAll(async () => {
  await w?.runtime.outbox.idle();
  await w?.close();
});

describe('fault analysis', () => {
  it('counts repair orders of the period by fault code, with names, shares and the vital few', async () => {
    const r = await quality.get(`${P}?${H1}&dimension=fault_code`);
    expect(r.status).toBe(200);
    expect(r.body.orders).toBe(7);
    expect(r.body.baselineFrom).toBe('2025-07-01');
    expect(
      r.body.pareto.map((x: { key: string; count: number; vital: boolean }) => [x.key, x.count, x.vital]),
    ).toEqual([
      [otherFault, 4, true],
      [refs.faultId, 3, false],
    ]);
    expect(r.body.pareto[0].nameZh).not.toBe(otherFault);
    expect(r.body.pareto[1].cumulative).toBe(1);
    expect(r.body.trend.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(r.body.trend.series[0].counts).toEqual([0, 0, 1, 1, 0, 2]);
    // F02 is new (absent before, ≥ 3); F01 is stable (3 vs 3).
    expect(r.body.alerts.map((a: { key: string; reason: string }) => [a.key, a.reason])).toEqual([
      [otherFault, 'new'],
    ]);
  });

  it('counts by model and by the parts consumed on the repairs', async () => {
    const m = await quality.get(`${P}?${H1}&dimension=model`);
    expect(
      m.body.pareto.map((x: { key: string; count: number; nameZh: string }) => [x.key, x.count]),
    ).toEqual([
      [otherModel, 4],
      [expect.any(String), 3],
    ]);
    expect(m.body.pareto[0].nameZh).toBe('滚筒 WM-9');
    const p = await quality.get(`${P}?${H1}&dimension=part`);
    expect(p.body.orders).toBe(7);
    expect(p.body.pareto.map((x: { nameZh: string; count: number }) => [x.nameZh, x.count])).toEqual([
      ['排水泵', 5],
      ['皮带', 2],
    ]);
    // 皮带 fell from 3 to 2, 排水泵 is new.
    expect(p.body.alerts.map((a: { nameZh: string }) => a.nameZh)).toEqual(['排水泵']);
  });

  it('filters by category, refuses bad periods, and is for quality and management only', async () => {
    const none = await quality.get(`${P}?${H1}&category=NOPE`);
    expect(none.body.orders).toBe(0);
    expect(none.body.pareto).toEqual([]);
    const bad = await quality.get(`${P}?from=2026-06-30&to=2026-01-01`);
    expect(bad.status).toBe(400);
    expect((await agent.get(`${P}?${H1}`)).status).toBe(403);
    expect((await (await w.as(await w.user('manager'))).get(`${P}?${H1}`)).status).toBe(200);
  });

  it('exports the figures to Excel with headers in the requester’s language', async () => {
    const x = await quality.get(`${P}/export.xlsx?${H1}`);
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.raw as unknown as ArrayBuffer);
    const codes = wb.getWorksheet('按故障代码')!;
    expect(codes.getRow(2).values).toEqual([
      undefined,
      '排名',
      '故障代码',
      '故障次数',
      '占比%',
      '累计占比%',
      '关键少数',
    ]);
    expect((codes.getRow(3).values as unknown[]).slice(3, 6)).toEqual([4, 57.1, 57.1]);
    expect(wb.getWorksheet('按备件')!.getRow(3).values).toEqual([
      undefined,
      1,
      '排水泵',
      5,
      71.4,
      71.4,
      '是',
    ]);
    expect(wb.getWorksheet('新发故障预警')!.rowCount).toBe(4);
    const en = await quality.get(`${P}/export.xlsx?${H1}&locale=en-US`);
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.raw as unknown as ArrayBuffer);
    expect(wbEn.getWorksheet('By part')!.getRow(2).values).toContain('Failures');
  });

  it('prints the report as PDF with the Chinese text', async () => {
    const r = await quality.get(`${P}/report.pdf?${H1}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const text = (await readPdf(r.raw)).text.join('\n');
    for (const s of [
      '故障分析报告',
      '2026-01-01 ~ 2026-06-30',
      '按型号',
      '按故障代码',
      '按备件',
      '排水泵',
      '滚筒 WM-9',
      '新发故障预警',
      '新出现',
    ])
      expect(text).toContain(s);
    const en = (await readPdf((await quality.get(`${P}/report.pdf?${H1}&locale=en-US`)).raw)).text.join('\n');
    expect(en).toContain('Fault analysis report');
  });

  it('runs the half-yearly report exactly once per period and notifies the roles', async () => {
    const fa = w.built.modules.faultAnalysis;
    // Two overlapping runs: one makes the run, the other finds the period taken.
    const [a, b] = await Promise.all([fa.runReport(), fa.runReport()]);
    const made = [a, b].filter((x) => x !== null);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({
      periodFrom: '2026-01-01',
      periodTo: '2026-06-30',
      orders: 7,
      notified: 2,
    });
    expect(await fa.runReport()).toBeNull();
    w.clock.set('2026-12-31T15:59:00.000Z'); // 23:59 on 31 Dec in Beijing: still the same period.
    expect(await fa.runReport()).toBeNull();
    w.clock.set('2026-12-31T16:00:00.000Z'); // 1 Jan 2027 in Beijing: the second half year is due.
    expect(await fa.runReport()).toMatchObject({
      periodFrom: '2026-07-01',
      periodTo: '2026-12-31',
      orders: 1,
    });
    await w.runtime.outbox.idle();
    await w.runtime.outbox.drain();
    const notes = await w.db.db
      .selectFrom('notifications')
      .select(['title', 'body'])
      .where('user_id', '=', quality.userId)
      .where('ref', 'like', 'fault_analysis_run:%')
      .orderBy('id')
      .execute();
    expect(notes.map((n) => n.title)).toEqual([
      '故障分析报告 2026-01-01 ~ 2026-06-30',
      '故障分析报告 2026-07-01 ~ 2026-12-31',
    ]);
    expect(notes[0]!.body).toContain('/fault-analysis?from=2026-01-01&to=2026-06-30');
    const runs = await quality.get(`${P}/runs`);
    expect(runs.body.items.map((r: { periodFrom: string }) => r.periodFrom)).toEqual([
      '2026-07-01',
      '2026-01-01',
    ]);
  });
});
