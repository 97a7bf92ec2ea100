import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  forceState,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';
import { makeCustomer, makeProduct } from '../../../test/factories/customers.ts';
import { newId } from '../../platform/ids/index.ts';

let w: World;
let refs: Refs;
let quality: Client;
let agent: Client;
let tech: Client;
let dispatcher: Client;
let modelId: string;
let otherModelId: string;
const P = '/api/v1/recalls';

const settle = async () => {
  await w.runtime.outbox.idle();
  await w.runtime.outbox.drain();
  await w.runtime.outbox.idle();
};

/** One owner per product, so each SMS goes to its own number. */
async function product(serial: string, opts: { model?: string; batch?: string } = {}) {
  const at = w.clock.now().toISOString();
  const customerId = await makeCustomer(w.db, {
    name: `客户${serial}`,
    phone: `139${String(Math.abs(hash(serial)))
      .padStart(8, '0')
      .slice(0, 8)}`,
    at,
  });
  return makeProduct(w.db, {
    customerId,
    modelId: opts.model ?? modelId,
    categoryCode: refs.categoryCode,
    serial,
    at,
    ...(opts.batch ? { productionBatch: opts.batch } : {}),
  });
}
const hash = (s: string) => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7);

const body = (criteria: Record<string, unknown>, over: Record<string, unknown> = {}) => ({
  title: '压缩机电容召回',
  reason: '批次电容可能过热',
  orderType: 'repair',
  criteria,
  ...over,
});

async function draft(criteria: Record<string, unknown>) {
  const r = await quality.send('POST', P, body(criteria));
  expect(r.status).toBe(201);
  return r.body as { id: string; version: number };
}
async function launch(id: string) {
  const cur = (await quality.get(`${P}/${id}`)).body;
  const r = await quality.send('POST', `${P}/${id}/launch`, { version: cur.version });
  expect(r.status).toBe(200);
  return r.body;
}
const serialsOf = async (id: string, q = '') =>
  ((await quality.get(`${P}/${id}/products${q}`)).body.items as { serial: string }[])
    .map((p) => p.serial)
    .sort();

beforeAll(async () => {
  w = await startWorld('2026-06-20T04:00:00.000Z');
  refs = await seedRefs(w);
  quality = await w.as(await w.user('quality'));
  agent = await w.as(await w.user('agent'));
  tech = await w.as(refs.techA.user);
  dispatcher = await w.as(await w.user('dispatcher'));
  modelId = (await w.db.db.selectFrom('installed_products').select('model_id').executeTakeFirstOrThrow())
    .model_id;
  otherModelId = newId();
  await w.db.db
    .insertInto('product_models')
    .values({
      id: otherModelId,
      brand: 'Anxin',
      category_code: refs.categoryCode,
      model_code: 'WM-2',
      name: 'WM 2',
      active: 1,
    })
    .execute();
  // The range SN00100..SN00199 and its neighbours on every side.
  for (const s of [
    'SN00099',
    'SN00100',
    'SN00150',
    'SN00199',
    'SN00200',
    'SN0150',
    'SN000150',
    'XN00150',
    'SN00150A',
  ])
    await product(s);
  await product('SN00160', { model: otherModelId });
  await product('ZZ1', { batch: 'B2026-07' });
  await product('ZZ2', { batch: 'B2026-08' });
});
afterAll(async () => {
  await w?.runtime.outbox.idle();
  await w?.close();
});

describe('recalls', () => {
  it('refuses bad criteria naming the field, and stores nothing; 403 without the permission', async () => {
    expect((await dispatcher.get(P)).status).toBe(403);
    expect((await agent.send('POST', P, body({ modelIds: [modelId] }))).status).toBe(403);
    const empty = await quality.send('POST', P, body({}));
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('recall.empty_criteria');
    const back = await quality.send('POST', P, body({ serialRanges: [{ from: 'SN00199', to: 'SN00100' }] }));
    expect(back.status).toBe(400);
    expect(back.body.code).toBe('recall.invalid_range');
    const width = await quality.send('POST', P, body({ serialRanges: [{ from: 'SN0100', to: 'SN00199' }] }));
    expect(width.body.code).toBe('recall.invalid_range');
    const model = await quality.send('POST', P, body({ modelIds: ['nope'] }));
    expect(model.status).toBe(400);
    expect(model.body.errors[0].path).toBe('criteria.modelIds.0');
    expect((await quality.get(P)).body.items).toEqual([]);
  });

  it('is a head-office desk: readers with an outlet or region scope are refused (403) even with the permission', async () => {
    const outletQuality = await w.as(await w.user('quality', { scope: 'outlet', outletId: refs.outletA }));
    const regionAgent = await w.as(await w.user('agent', { scope: 'region', regions: ['44'] }));
    expect((await outletQuality.get(P)).status).toBe(403);
    expect((await regionAgent.get(P)).status).toBe(403);
    expect((await outletQuality.send('POST', P, body({ modelIds: [modelId] }))).status).toBe(403);
    expect((await quality.get(P)).status).toBe(200);
  });

  it('finds exactly the products in its serial ranges, of its model, and by batch', async () => {
    const criteria = { modelIds: [modelId], serialRanges: [{ from: 'sn00100', to: 'SN00199' }] };
    const preview = await quality.send('POST', `${P}/preview`, criteria);
    expect(preview.status).toBe(200);
    expect(preview.body.count).toBe(3);
    const r = await draft(criteria);
    const launched = await launch(r.id);
    expect(launched.status).toBe('active');
    expect(launched.figures).toMatchObject({ affected: 3, contacted: 0, completed: 0, completionPct: 0 });
    expect(await serialsOf(r.id)).toEqual(['SN00100', 'SN00150', 'SN00199']);
    // Without the model, the other model's SN00160 is in too; a batch adds its products.
    const any = await quality.send('POST', `${P}/preview`, {
      serialRanges: [{ from: 'SN00100', to: 'SN00199' }],
      batches: ['b2026-07'],
    });
    expect(any.body.count).toBe(5);
    expect(any.body.sample.map((s: { serial: string }) => s.serial).sort()).toEqual([
      'SN00100',
      'SN00150',
      'SN00160',
      'SN00199',
      'ZZ1',
    ]);
  });

  it('launches once, refreshes newcomers without duplicates, closes, and refuses other steps', async () => {
    const r = await draft({ serialRanges: [{ from: 'RF001', to: 'RF009' }] });
    await product('RF001');
    const launched = await launch(r.id);
    expect(launched.figures.affected).toBe(1);
    const again = await quality.send('POST', `${P}/${r.id}/launch`, { version: launched.version });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('recall.invalid_transition');
    const edit = await quality.send('PUT', `${P}/${r.id}`, {
      ...body({ modelIds: [modelId] }),
      version: launched.version,
    });
    expect(edit.body.code).toBe('recall.not_editable');
    await product('RF002');
    await product('RF010');
    const refreshed = await quality.send('POST', `${P}/${r.id}/refresh`);
    expect(refreshed.body.count).toBe(1);
    expect((await quality.send('POST', `${P}/${r.id}/refresh`)).body.count).toBe(0);
    expect(await serialsOf(r.id)).toEqual(['RF001', 'RF002']);
    const closed = await quality.send('POST', `${P}/${r.id}/close`, { version: launched.version });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect((await quality.send('POST', `${P}/${r.id}/refresh`)).body.code).toBe('recall.not_active');
    const events = await w.db.db
      .selectFrom('events')
      .select('type')
      .where('stream_id', '=', r.id)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual([
      'recall.created',
      'recall.launched',
      'recall.refreshed',
      'recall.closed',
    ]);
  });

  it('texts each owner once, records calls with attempts, creates one order per product, counts completion', async () => {
    const r = await draft({ batches: ['B2026-08'], serialRanges: [{ from: 'CP01', to: 'CP03' }] });
    await product('CP01');
    await product('CP02');
    await launch(r.id);
    const sent = await quality.send('POST', `${P}/${r.id}/notify`);
    expect(sent.body.count).toBe(3);
    expect((await quality.send('POST', `${P}/${r.id}/notify`)).body.count).toBe(0);
    const sms = await w.db.db
      .selectFrom('outbox')
      .select(['payload'])
      .where('dedupe_key', 'like', 'recall-sms:%')
      .execute();
    expect(sms.length).toBe(3);
    expect(String(sms[0]!.payload)).toContain('压缩机电容召回');

    const items = (await agent.get(`${P}/${r.id}/products`)).body.items as {
      id: string;
      serial: string;
      version: number;
    }[];
    const bySerial = new Map(items.map((i) => [i.serial, i]));
    const call = (serial: string, outcome: string, version: number) =>
      agent.send('POST', `${P}/${r.id}/products/${bySerial.get(serial)!.id}/calls`, {
        outcome,
        note: '',
        version,
      });
    const first = await call('CP01', 'no_answer', bySerial.get('CP01')!.version);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ contactStatus: 'no_answer', callAttempts: 1 });
    const stale = await call('CP01', 'booked', bySerial.get('CP01')!.version);
    expect(stale.status).toBe(409);
    const booked = await call('CP01', 'booked', first.body.version);
    expect(booked.body).toMatchObject({ contactStatus: 'booked', callAttempts: 2 });
    await call('CP02', 'refused', bySerial.get('CP02')!.version);
    expect(await serialsOf(r.id, '?contactStatus=booked')).toEqual(['CP01']);
    const calls = await w.db.db
      .selectFrom('recall_calls')
      .select('attempt')
      .where('recall_id', '=', r.id)
      .execute();
    expect(calls.map((c) => c.attempt).sort()).toEqual([1, 1, 2]);

    // Booked only, then everyone not refused; a second run creates nothing.
    const a = await quality.send('POST', `${P}/${r.id}/orders`, { scope: 'booked' });
    expect(a.body.count).toBe(1);
    const b = await quality.send('POST', `${P}/${r.id}/orders`, { scope: 'all' });
    expect(b.body.count).toBe(1);
    const c = await quality.send('POST', `${P}/${r.id}/orders`, { scope: 'all' });
    expect(c.body.count).toBe(0);
    const rows = (await quality.get(`${P}/${r.id}/products`)).body.items as {
      serial: string;
      workOrderId: string | null;
    }[];
    expect(
      rows
        .filter((x) => x.workOrderId)
        .map((x) => x.serial)
        .sort(),
    ).toEqual(['CP01', 'ZZ2']);
    const orders = await w.db.db
      .selectFrom('work_orders')
      .select(['id', 'type', 'product_id'])
      .where(
        'id',
        'in',
        rows.flatMap((x) => (x.workOrderId ? [x.workOrderId] : [])),
      )
      .execute();
    expect(orders.map((o) => o.type)).toEqual(['repair', 'repair']);

    // Completing one order (twice through the hooks: completed, then closed) counts it once.
    const cp01 = rows.find((x) => x.serial === 'CP01')!.workOrderId!;
    const version = await forceState(w, cp01, {
      status: 'in_progress',
      outlet_id: refs.outletA,
      technician_id: refs.techA.id,
      technician_user_id: refs.techA.user.id,
    });
    const done = await tech.send('POST', `/api/v1/work-orders/${cp01}/transitions`, {
      to: 'completed',
      version,
    });
    expect(done.status).toBe(200);
    await settle();
    const recall = (await quality.get(`${P}/${r.id}`)).body;
    expect(recall.figures).toEqual({
      affected: 3,
      contacted: 3,
      reached: 2,
      ordersCreated: 2,
      completed: 1,
      completionPct: 33.3,
    });
    const completed = await w.db.db
      .selectFrom('events')
      .select('type')
      .where('stream_id', '=', r.id)
      .where('type', '=', 'recall.product_completed')
      .execute();
    expect(completed.length).toBe(1);
  });

  it('stops recording calls after the policy attempts', async () => {
    const r = await draft({ serialRanges: [{ from: 'AT1', to: 'AT1' }] });
    await product('AT1');
    await launch(r.id);
    const put = await w.as(await w.user('admin'));
    const setting = await put.get('/api/v1/settings/recalls.policy');
    expect(setting.status).toBe(200);
    const saved = await put.send('PUT', '/api/v1/settings/recalls.policy', {
      value: { ...setting.body.value, maxCallAttempts: 1 },
      version: setting.body.version,
    });
    expect(saved.status).toBe(200);
    const [item] = (await agent.get(`${P}/${r.id}/products`)).body.items;
    const one = await agent.send('POST', `${P}/${r.id}/products/${item.id}/calls`, {
      outcome: 'no_answer',
      version: item.version,
    });
    expect(one.status).toBe(200);
    const two = await agent.send('POST', `${P}/${r.id}/products/${item.id}/calls`, {
      outcome: 'no_answer',
      version: one.body.version,
    });
    expect(two.status).toBe(409);
    expect(two.body.code).toBe('recall.attempts_exhausted');
  });
});
