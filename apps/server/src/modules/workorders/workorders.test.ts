import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBody,
  forceState,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';

let w: World;
let refs: Refs;
let agent: Client;
let dispatcher: Client;
let managerA: Client;
let managerB: Client;
let warehouse: Client;

beforeAll(async () => {
  // 2026-11-22 10:00 in Shanghai (02:00 UTC).
  w = await startWorld('2026-11-22T02:00:00Z', { uploadLimitBytes: 2048 });
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  dispatcher = await w.as(await w.user('dispatcher'));
  managerA = await w.as(await w.user('outlet_manager', { outletId: refs.outletA }));
  managerB = await w.as(await w.user('outlet_manager', { outletId: refs.outletB }));
  warehouse = await w.as(await w.user('warehouse'));
});
afterAll(async () => w?.close());

const create = (over: Record<string, unknown> = {}, who = agent) =>
  who.send('POST', '/api/v1/work-orders', createBody(refs, over));

describe('create', () => {
  it('numbers orders per type and Shanghai business date from an atomic counter', async () => {
    const a = await create();
    expect(a.status).toBe(201);
    expect(a.body.order).toMatchObject({
      number: 'WX20261122-0001',
      status: 'new',
      type: 'repair',
      version: 1,
      customer: { name: '王小明' },
      product: { serial: 'SN-0001' },
    });
    expect(
      (await create({ productId: undefined, faultCodeId: undefined, symptomCodes: [] })).body.order.number,
    ).toBe('WX20261122-0002');
    expect(
      (await create({ type: 'install', productId: undefined, faultCodeId: undefined, symptomCodes: [] })).body
        .order.number,
    ).toBe('AZ20261122-0001');
    // 16:00 UTC is already the next day in Shanghai.
    w.clock.set('2026-11-22T16:00:00Z');
    expect(
      (await create({ productId: undefined, faultCodeId: undefined, symptomCodes: [] })).body.order.number,
    ).toBe('WX20261123-0001');
    w.clock.set('2026-11-22T02:00:00Z');
  });

  it('hands out distinct numbers to concurrent creates', async () => {
    const body = { type: 'maintenance', productId: undefined, faultCodeId: undefined, symptomCodes: [] };
    const res = await Promise.all([create(body), create(body), create(body), create(body)]);
    const numbers = res.map((r) => r.body.order.number).sort();
    expect(numbers).toEqual(['BY20261122-0001', 'BY20261122-0002', 'BY20261122-0003', 'BY20261122-0004']);
  });

  it('warns about an open order for the same product instead of failing', async () => {
    const res = await create();
    expect(res.status).toBe(201);
    expect(res.body.warnings).toEqual([
      expect.objectContaining({ code: 'open_order_for_product', number: 'WX20261122-0001' }),
    ]);
    const open = await agent.get(`/api/v1/work-orders/open-for-product/${refs.productId}`);
    expect(open.body.items.map((i: { number: string }) => i.number)).toContain('WX20261122-0001');
  });

  it('rejects a preferred window that ends before it starts or in the past, naming the field', async () => {
    const windows = [
      { start: '2026-11-23T01:00:00Z', end: '2026-11-23T03:00:00Z' },
      { start: '2026-11-23T05:00:00Z', end: '2026-11-23T04:00:00Z' },
    ];
    const bad = await create({ preferredWindows: windows });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ path: 'preferredWindows.1.end', rule: 'after_start' }),
    ]);
    const past = await create({
      preferredWindows: [{ start: '2026-11-20T01:00:00Z', end: '2026-11-20T03:00:00Z' }],
    });
    expect(past.body.errors).toEqual([
      expect.objectContaining({ path: 'preferredWindows.0.end', rule: 'not_in_past' }),
    ]);
  });

  it('validates references and the fault-code tree, changing nothing', async () => {
    const before = await w.db.db
      .selectFrom('work_orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const noCustomer = await create({ customerId: 'nope' });
    expect(noCustomer.body.errors[0]).toMatchObject({ path: 'customerId', rule: 'not_found' });
    const foreign = await create({ customerId: refs.vipCustomerId });
    expect(foreign.body.errors[0]).toMatchObject({ path: 'productId', rule: 'belongs_to_customer' });
    const wrongSymptom = await create({ symptomCodes: [refs.otherSymptomId] });
    expect(wrongSymptom.status).toBe(400);
    expect(wrongSymptom.body.errors[0].path).toBe('symptomCodes.0');
    const unknownField = await create({ colour: 'red' });
    expect(unknownField.body.code).toBe('request.unknown_field');
    const linked = await create({ linkedRef: 'X-1' });
    expect(linked.body.errors[0]).toMatchObject({ path: 'linkedRef' });
    const after = await w.db.db
      .selectFrom('work_orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('keeps type and linked_ref for complaint and return orders', async () => {
    const res = await create({ type: 'complaint', linkedRef: 'CMP-42' });
    expect(res.body.order).toMatchObject({
      number: expect.stringMatching(/^TS20261122-\d{4}$/),
      linkedRef: 'CMP-42',
    });
  });

  it('needs workorder:create', async () => {
    expect((await create({}, warehouse)).status).toBe(403);
  });
});

describe('detail', () => {
  it('returns summaries, SLA clocks, the timeline and the allowed next states', async () => {
    const id = (await create()).body.order.id;
    const res = await agent.get(`/api/v1/work-orders/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.sla.map((c: { metric: string }) => c.metric).sort()).toEqual([
      'arrival',
      'first_contact',
      'resolution',
      'response',
    ]);
    expect(res.body.timeline).toEqual([expect.objectContaining({ type: 'workorder.created', to: 'new' })]);
    // Who acted is named: the creating agent's display name, on create and on every later read.
    const creator = (await create()).body.order.timeline[0];
    expect(creator.actorName).toEqual(expect.any(String));
    expect(res.body.timeline[0].actorName).toBe(creator.actorName);
    expect((await dispatcher.get(`/api/v1/work-orders/${id}`)).body.timeline[0].actorName).toBe(
      creator.actorName,
    );
    expect(res.body.allowedTransitions.sort()).toEqual(['accepted', 'cancelled']);
    expect(res.body.contactPhone).toBe('13812345678');
    // Dispatchers lack customer:phone_unmasked.
    expect((await dispatcher.get(`/api/v1/work-orders/${id}`)).body.contactPhone).toBe('*******5678');
  });
});

describe('data scope', () => {
  it('hides outlet A orders from the outlet B manager: 404 on read and write, absent from lists', async () => {
    const id = (await create()).body.order.id;
    const version = await forceState(w, id, { status: 'dispatched_outlet', outlet_id: refs.outletA });
    expect((await managerA.get(`/api/v1/work-orders/${id}`)).status).toBe(200);
    expect((await managerB.get(`/api/v1/work-orders/${id}`)).status).toBe(404);
    const res = await managerB.send('POST', `/api/v1/work-orders/${id}/transitions`, {
      to: 'outlet_accepted',
      version,
    });
    expect(res.status).toBe(404);
    const unchanged = await managerA.get(`/api/v1/work-orders/${id}`);
    expect(unchanged.body).toMatchObject({ status: 'dispatched_outlet', version });
    expect(
      (await managerB.get('/api/v1/work-orders?limit=200')).body.items.map((i: { id: string }) => i.id),
    ).not.toContain(id);
    expect(
      (await managerA.get('/api/v1/work-orders?limit=200')).body.items.map((i: { id: string }) => i.id),
    ).toContain(id);
    const exportB = await managerB.get('/api/v1/work-orders/export.xlsx');
    expect(exportB.status).toBe(403); // outlet managers hold no workorder:export
  });
});

describe('list', () => {
  it('filters and pages by keyset without gaps or repeats', async () => {
    w.clock.set('2026-11-25T02:00:00Z');
    const made: string[] = [];
    for (let i = 0; i < 7; i++) {
      w.clock.advance(60_000);
      made.push(
        (
          await create({
            channel: 'web',
            type: 'maintenance',
            productId: undefined,
            faultCodeId: undefined,
            symptomCodes: [],
          })
        ).body.order.id,
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `/api/v1/work-orders?channel=web&createdFrom=2026-11-25&createdTo=2026-11-25&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await agent.get(q);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.items.map((i: { id: string }) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());

    const asc = await agent.get('/api/v1/work-orders?channel=web&sort=created_at&limit=200');
    expect(asc.body.items.map((i: { id: string }) => i.id)).toEqual(made);
    const none = await agent.get('/api/v1/work-orders?channel=web&createdTo=2026-11-24&limit=200');
    expect(none.body.items).toEqual([]);
    const multi = await agent.get('/api/v1/work-orders?status=new,cancelled&type=maintenance&limit=200');
    expect(multi.body.items.length).toBeGreaterThanOrEqual(7);
    const region = await agent.get('/api/v1/work-orders?regionCode=4401&channel=web&limit=200');
    expect(region.body.items).toHaveLength(7);
    expect((await agent.get('/api/v1/work-orders?regionCode=31&channel=web')).body.items).toHaveLength(0);
    const byNumber = await agent.get('/api/v1/work-orders?q=WX20261122-0001');
    expect(byNumber.body.items.map((i: { number: string }) => i.number)).toEqual(['WX20261122-0001']);
    w.clock.set('2026-11-22T02:00:00Z');
  });

  it('sorts by SLA due time, orders without a running deadline last, across pages', async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string; slaDueAt: string | null }[]; nextCursor: string | null } } =
        await agent.get(`/api/v1/work-orders?sort=sla_due_at&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      all.push(...page.body.items.map((i) => `${i.slaDueAt ?? '~'}|${i.id}`));
      cursor = page.body.nextCursor;
    } while (cursor);
    const total = (
      await w.db.db
        .selectFrom('work_orders')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    expect(all).toHaveLength(Number(total));
    expect(all).toEqual([...all].sort());
  });

  it('rejects bad filters and foreign cursors with problem+json', async () => {
    const bad = await agent.get('/api/v1/work-orders?status=flying');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toContain('status');
    expect((await agent.get('/api/v1/work-orders?limit=201')).status).toBe(400);
    const cursor = Buffer.from(JSON.stringify({ s: 'created_at', k: 'x', i: 'y' })).toString('base64url');
    const wrong = await agent.get(`/api/v1/work-orders?sort=-created_at&cursor=${cursor}`);
    expect(wrong.body.errors[0]).toMatchObject({ path: 'cursor', rule: 'invalid' });
  });
});

describe('export', () => {
  it('streams the filtered list as xlsx with Chinese headers', async () => {
    const res = await agent.get('/api/v1/work-orders/export.xlsx?channel=web');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('工单')!;
    expect(ws.getRow(1).values).toEqual(
      expect.arrayContaining(['工单号', '类型', '状态', '客户', 'SLA 状态', '创建时间']),
    );
    expect(ws.rowCount).toBe(1 + 7);
    expect(ws.getRow(2).getCell(2).value).toBe('保养');
    expect(ws.getRow(2).getCell(3).value).toBe('新建');
    expect(ws.getRow(2).getCell(6).value).toBe('王小明');
  });

  it('honours the row cap setting', async () => {
    await w.db.db
      .insertInto('settings')
      .values({
        key: 'workorders.policy',
        value: JSON.stringify({ reopenWindowDays: 30, exportMaxRows: 2 }),
        version: 1,
        updated_at: '2026-11-22T00:00:00Z',
        updated_by: null,
      })
      .execute();
    const res = await agent.get('/api/v1/work-orders/export.xlsx?channel=web');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    expect(wb.getWorksheet('工单')!.rowCount).toBe(3);
    await w.db.db.deleteFrom('settings').where('key', '=', 'workorders.policy').execute();
  });
});

describe('appointment', () => {
  it('agrees a window, then needs a reason to move it; never in the past', async () => {
    const o = (await create()).body.order;
    const win = { start: '2026-11-23T01:00:00Z', end: '2026-11-23T03:00:00Z' };
    const set = await agent.send('POST', `/api/v1/work-orders/${o.id}/appointment`, {
      ...win,
      version: o.version,
    });
    expect(set.status).toBe(200);
    expect(set.body.appointment).toEqual({
      start: '2026-11-23T01:00:00.000Z',
      end: '2026-11-23T03:00:00.000Z',
    });
    const noReason = await agent.send('POST', `/api/v1/work-orders/${o.id}/appointment`, {
      start: '2026-11-24T01:00:00Z',
      end: '2026-11-24T03:00:00Z',
      version: set.body.version,
    });
    expect(noReason.body.errors[0]).toMatchObject({ path: 'reason', rule: 'required' });
    const past = await agent.send('POST', `/api/v1/work-orders/${o.id}/appointment`, {
      start: '2026-11-21T01:00:00Z',
      end: '2026-11-21T03:00:00Z',
      version: set.body.version,
      reason: 'x',
    });
    expect(past.body.errors[0]).toMatchObject({ path: 'end', rule: 'not_in_past' });
    const moved = await agent.send('POST', `/api/v1/work-orders/${o.id}/appointment`, {
      start: '2026-11-24T01:00:00Z',
      end: '2026-11-24T03:00:00Z',
      version: set.body.version,
      reason: '客户改期',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.timeline.map((e: { type: string }) => e.type)).toEqual([
      'workorder.created',
      'workorder.appointment_set',
      'workorder.rescheduled',
    ]);
    const stale = await agent.send('POST', `/api/v1/work-orders/${o.id}/appointment`, {
      ...win,
      version: set.body.version,
      reason: 'x',
    });
    expect(stale.body.code).toBe('resource.version_conflict');
  });
});

describe('attachments', () => {
  const upload = (id: string, body: Buffer, type: string, filename = 'a.jpg') => {
    const boundary = '----anxin';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      body,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return agent.send('POST', `/api/v1/work-orders/${id}/attachments`, payload, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
  };
  const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7)]);

  it('stores an allowed file with its sha256 and lists it on the order', async () => {
    const id = (await create()).body.order.id;
    const res = await upload(id, jpeg, 'image/jpeg');
    expect(res.status).toBe(201);
    const { createHash } = await import('node:crypto');
    expect(res.body).toMatchObject({
      contentType: 'image/jpeg',
      sizeBytes: jpeg.length,
      sha256: createHash('sha256').update(jpeg).digest('hex'),
    });
    const detail = await agent.get(`/api/v1/work-orders/${id}`);
    expect(detail.body.attachments).toHaveLength(1);
    const dl = await agent.get(`/api/v1/work-orders/${id}/attachments/${res.body.id}`);
    expect(dl.status).toBe(200);
    expect(Buffer.compare(dl.raw, jpeg)).toBe(0);
  });

  it('rejects disallowed types, content that lies about its type and files over the limit', async () => {
    const id = (await create()).body.order.id;
    const exe = await upload(id, Buffer.from('MZ....................'), 'application/x-msdownload', 'a.exe');
    expect(exe.status).toBe(415);
    expect(exe.body.errors[0]).toMatchObject({ path: 'file', rule: 'media_type' });
    const fake = await upload(id, Buffer.from('this is not a png at all'), 'image/png', 'a.png');
    expect(fake.status).toBe(415);
    expect(fake.body.errors[0].rule).toBe('content_mismatch');
    const big = await upload(id, Buffer.concat([jpeg, Buffer.alloc(4096)]), 'image/jpeg');
    expect(big.status).toBe(413);
    expect(big.body.errors[0]).toMatchObject({ path: 'file', rule: 'max_size' });
    expect((await agent.get(`/api/v1/work-orders/${id}`)).body.attachments).toEqual([]);
    const fs = await import('node:fs');
    const dir = `${w.dataDir}/files/work-orders/${id}`;
    expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
  });
});

describe('hand-off to dispatch at registration', () => {
  it('takes a desk order needing a visit straight to 待派单 through 受理, with both events and the first-contact clock met', async () => {
    const r = await create({ handoff: 'dispatch' });
    expect(r.status).toBe(201);
    expect(r.body.order.status).toBe('awaiting_dispatch');
    const detail = (await dispatcher.get(`/api/v1/work-orders/${r.body.order.id}`)).body;
    const steps = detail.timeline.map((e: { from: string | null; to: string | null }) => [e.from, e.to]);
    expect(steps).toEqual(
      expect.arrayContaining([
        [null, 'new'],
        ['new', 'accepted'],
        ['accepted', 'awaiting_dispatch'],
      ]),
    );
    const first = detail.sla.find((c: { metric: string }) => c.metric === 'first_contact');
    if (first) expect(first.stoppedAt).not.toBeNull();
    const queue = await dispatcher.get('/api/v1/work-orders?status=awaiting_dispatch&limit=100');
    expect(queue.body.items.map((o: { id: string }) => o.id)).toContain(r.body.order.id);
  });

  it('refuses the hand-off to a role that may not queue orders, creating nothing', async () => {
    const customerUser = await w.as(await w.user('outlet_manager', { outletId: refs.outletA }));
    const before = (await dispatcher.get('/api/v1/work-orders?limit=100')).body.items.length;
    const r = await customerUser.send(
      'POST',
      '/api/v1/work-orders',
      createBody(refs, { handoff: 'dispatch' }),
    );
    expect([400, 403]).toContain(r.status);
    expect((await dispatcher.get('/api/v1/work-orders?limit=100')).body.items.length).toBe(before);
    const bad = await create({ handoff: 'outlet' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'handoff' });
  });
});
