import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import {
  createTestApp,
  createUser,
  login,
  ManualClock,
  type Session,
  type TestApp,
} from '../../../test/app.ts';
import type { DevSmsSender } from '../../platform/notify/index.ts';
import { newId } from '../../platform/ids/index.ts';

const NOW = '2026-11-22T02:00:00.000Z';
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

let ta: TestApp;
let clock: ManualClock;
let agent: Session;
let modelId: string;
let dataDir: string;

/** A customer's cookie session from the portal sign-in, echoing the CSRF token on writes. */
interface Portal extends Session {
  customerId: string;
}

const hours = (h: number) => new Date(clock.now().getTime() + h * 3_600_000).toISOString();
const window = (fromH: number, toH: number) => ({ start: hours(fromH), end: hours(toH) });

async function sendOtp(phone: string, remoteAddress = '127.0.0.1') {
  return ta.app.inject({ method: 'POST', url: '/api/v1/portal/otp', payload: { phone }, remoteAddress });
}

/** The code as the SMS gateway would receive it: from the outbox row queued with the code. */
async function lastCode(phone: string): Promise<string> {
  const rows = await ta.t.db
    .selectFrom('outbox')
    .select(['payload'])
    .where('topic', '=', 'notify.sms')
    .orderBy('id', 'desc')
    .execute();
  const row = rows
    .map((r) => JSON.parse(r.payload) as { to: string; text: string })
    .find((p) => p.to === phone);
  if (!row) throw new Error(`no SMS to ${phone}`);
  return /\d{6}/.exec(row.text)![0];
}

async function signIn(phone: string): Promise<Portal> {
  clock.advance(61_000); // past the resend interval of earlier sends to the same phone
  const sent = await sendOtp(phone);
  expect(sent.statusCode).toBe(202);
  const res = await ta.app.inject({
    method: 'POST',
    url: '/api/v1/portal/session',
    payload: { phone, code: await lastCode(phone) },
  });
  expect(res.statusCode, res.body).toBe(200);
  const me = res.json() as { id: string; csrfToken: string; kind: string };
  expect(me.kind).toBe('customer');
  const cookie = `anxin_sid=${res.cookies.find((c) => c.name === 'anxin_sid')!.value}`;
  const user = await ta.t.db
    .selectFrom('users')
    .select('customer_id')
    .where('id', '=', me.id)
    .executeTakeFirstOrThrow();
  return {
    userId: me.id,
    cookie,
    csrf: me.csrfToken,
    customerId: user.customer_id!,
    req: (o) =>
      ta.app.inject({
        ...o,
        headers: {
          cookie,
          ...(o.method && o.method !== 'GET' ? { 'x-csrf-token': me.csrfToken } : {}),
          ...(o.headers ?? {}),
        },
      }),
  };
}

function multipart(request: unknown, photos: { name: string; type: string; data: Buffer }[]) {
  const boundary = `----anxin${newId()}`;
  const parts: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="request"\r\n\r\n${JSON.stringify(request)}\r\n`,
    ),
  ];
  for (const p of photos) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="${p.name}"\r\nContent-Type: ${p.type}\r\n\r\n`,
      ),
      p.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function registerProduct(p: Portal, serial: string) {
  const res = await p.req({
    method: 'POST',
    url: '/api/v1/portal/products',
    payload: { modelId, serial, purchaseDate: '2026-05-01', invoiceNo: 'INV-1' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

async function submit(
  p: Portal,
  productId: string,
  photos: { name: string; type: string; data: Buffer }[] = [],
): Promise<LightMyRequestResponse> {
  const body = multipart(
    { type: 'repair', productId, faultDescription: '不制冷，有异响', preferredWindows: [window(24, 26)] },
    photos,
  );
  return p.req({ method: 'POST', url: '/api/v1/portal/orders', ...body });
}

beforeAll(async () => {
  clock = new ManualClock(NOW);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-portal-'));
  ta = await createTestApp({ clock, config: { dataDir, uploadLimitBytes: 4096 } });
  await createUser(ta.t, { username: 'admin1', roles: ['admin'] });
  await createUser(ta.t, { username: 'agent1', roles: ['agent'] });
  const admin = await login(ta.app, 'admin1');
  agent = await login(ta.app, 'agent1');
  const cat = await admin.req({
    method: 'POST',
    url: '/api/v1/catalog/categories',
    payload: {
      code: 'AC',
      nameZh: '空调',
      nameEn: 'Air conditioner',
      unitWarrantyMonths: 12,
      mainPartsWarrantyMonths: 36,
    },
  });
  expect(cat.statusCode, cat.body).toBe(201);
  const model = await admin.req({
    method: 'POST',
    url: '/api/v1/catalog/models',
    payload: { brand: 'Anxin', categoryCode: 'AC', modelCode: 'AC-100', name: '安心 AC 100' },
  });
  expect(model.statusCode, model.body).toBe(201);
  modelId = model.json().id;
});

afterAll(async () => {
  await ta?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('portal one-time code sign-in', () => {
  it('sends a code (202, masked), stores only its hash and delivers it through the outbox to the SMS sender', async () => {
    const res = await sendOtp('13900000001');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ sentTo: '139****0001', resendAfterSeconds: 60, expiresInSeconds: 300 });
    const code = await lastCode('13900000001');
    const row = await ta.t.db
      .selectFrom('otp_codes')
      .selectAll()
      .where('subject', '=', '13900000001')
      .executeTakeFirstOrThrow();
    expect(row.code_hash).not.toContain(code);
    expect(row.expires_at).toBe('2026-11-22T02:05:00.000Z');
    await ta.runtime.outbox.idle();
    await ta.runtime.outbox.drain();
    const sms = ta.runtime.sms as DevSmsSender;
    expect(sms.messages().some((m) => m.to === '13900000001' && m.text.includes(code))).toBe(true);
  });

  it('answers the same for unknown numbers and rejects malformed ones', async () => {
    expect((await sendOtp('13900000999')).statusCode).toBe(202);
    const bad = await sendOtp('12345');
    expect(bad.statusCode).toBe(400);
  });

  it('creates the customer and a customer user on first sign-in, with no staff permissions', async () => {
    const p = await signIn('13900000002');
    const me = await p.req({ method: 'GET', url: '/api/v1/me' });
    expect(me.json()).toMatchObject({ kind: 'customer', roles: [], permissions: [] });
    const customer = await agent.req({ method: 'GET', url: `/api/v1/customers/${p.customerId}` });
    expect(customer.statusCode).toBe(200);
    expect(customer.json().name).toBe('客户0002');
    expect((await p.req({ method: 'GET', url: '/api/v1/work-orders' })).statusCode).toBe(403);
    // Signing in again finds the same customer and user.
    const again = await signIn('13900000002');
    expect(again.customerId).toBe(p.customerId);
    expect(again.userId).toBe(p.userId);
  });

  it('refuses a wrong, an expired and a reused code with 401 auth.otp_invalid, changing nothing', async () => {
    clock.advance(61_000);
    await sendOtp('13900000003');
    const code = await lastCode('13900000003');
    const wrong = code === '000000' ? '111111' : '000000';
    const users = async () => (await ta.t.db.selectFrom('users').select('id').execute()).length;
    const before = await users();
    const r1 = await ta.app.inject({
      method: 'POST',
      url: '/api/v1/portal/session',
      payload: { phone: '13900000003', code: wrong },
    });
    expect(r1.statusCode).toBe(401);
    expect(r1.json().code).toBe('auth.otp_invalid');
    expect(r1.cookies).toHaveLength(0);
    clock.advance(301_000);
    const expired = await ta.app.inject({
      method: 'POST',
      url: '/api/v1/portal/session',
      payload: { phone: '13900000003', code },
    });
    expect(expired.json().code).toBe('auth.otp_invalid');
    expect(await users()).toBe(before);

    await sendOtp('13900000003');
    const fresh = await lastCode('13900000003');
    const ok = await ta.app.inject({
      method: 'POST',
      url: '/api/v1/portal/session',
      payload: { phone: '13900000003', code: fresh },
    });
    expect(ok.statusCode).toBe(200);
    const reused = await ta.app.inject({
      method: 'POST',
      url: '/api/v1/portal/session',
      payload: { phone: '13900000003', code: fresh },
    });
    expect(reused.statusCode).toBe(401);
    expect(reused.json().code).toBe('auth.otp_invalid');
  });

  it('spends a code after five wrong attempts, even if the sixth is right', async () => {
    clock.advance(61_000);
    await sendOtp('13900000004');
    const code = await lastCode('13900000004');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await ta.app.inject({
            method: 'POST',
            url: '/api/v1/portal/session',
            payload: { phone: '13900000004', code: wrong },
          })
        ).statusCode,
      ).toBe(401);
    }
    const right = await ta.app.inject({
      method: 'POST',
      url: '/api/v1/portal/session',
      payload: { phone: '13900000004', code },
    });
    expect(right.statusCode).toBe(401);
  });

  it('only the latest code works', async () => {
    clock.advance(61_000);
    await sendOtp('13900000005');
    const first = await lastCode('13900000005');
    clock.advance(61_000);
    await sendOtp('13900000005');
    const second = await lastCode('13900000005');
    if (first !== second) {
      const old = await ta.app.inject({
        method: 'POST',
        url: '/api/v1/portal/session',
        payload: { phone: '13900000005', code: first },
      });
      expect(old.statusCode).toBe(401);
    }
    const ok = await ta.app.inject({
      method: 'POST',
      url: '/api/v1/portal/session',
      payload: { phone: '13900000005', code: second },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('limits per phone (resend interval, hourly cap) and per IP', async () => {
    clock.advance(3_600_000);
    expect((await sendOtp('13900000006')).statusCode).toBe(202);
    const soon = await sendOtp('13900000006');
    expect(soon.statusCode).toBe(429);
    expect(soon.json()).toMatchObject({
      code: 'portal.otp_resend_too_soon',
      params: { retryAfterSeconds: 60 },
      retryAfterSeconds: 60,
    });
    for (let i = 0; i < 4; i++) {
      clock.advance(61_000);
      expect((await sendOtp('13900000006')).statusCode).toBe(202);
    }
    clock.advance(61_000);
    const sixth = await sendOtp('13900000006');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().code).toBe('portal.otp_phone_limit');

    const ip = '10.9.8.7';
    const codes: number[] = [];
    for (let i = 0; i < 21; i++)
      codes.push((await sendOtp(`1370000${String(i).padStart(4, '0')}`, ip)).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 202)).toBe(true);
    expect(codes[20]).toBe(429);
  });
});

describe('portal products and requests', () => {
  let alice: Portal;
  let bob: Portal;
  let productId: string;

  beforeAll(async () => {
    alice = await signIn('13800000011');
    bob = await signIn('13800000022');
    productId = (await registerProduct(alice, 'SN-ALICE-1')).id;
  });

  it('lists my products with warranty; a serial registered by someone else is a 409 naming serial', async () => {
    const list = await alice.req({ method: 'GET', url: '/api/v1/portal/products' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        serial: 'SN-ALICE-1',
        modelName: '安心 AC 100',
        warranty: expect.objectContaining({ status: 'in_warranty' }),
      }),
    ]);
    const taken = await bob.req({
      method: 'POST',
      url: '/api/v1/portal/products',
      payload: { modelId, serial: 'sn-alice-1' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0].path).toBe('serial');
    expect((await bob.req({ method: 'GET', url: '/api/v1/portal/products' })).json().items).toEqual([]);
    const models = await bob.req({ method: 'GET', url: '/api/v1/portal/models' });
    expect(models.json().items.map((m: { id: string }) => m.id)).toContain(modelId);
  });

  it('submits a request with photos: a new portal order the desk sees in its list', async () => {
    const res = await submit(alice, productId, [
      { name: 'a.png', type: 'image/png', data: PNG },
      { name: 'b.exe', type: 'application/x-msdownload', data: Buffer.from('MZ') },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const { order, photos } = res.json();
    expect(order).toMatchObject({
      status: 'new',
      type: 'repair',
      photoCount: 1,
      actions: { cancel: true, confirm: false, reschedule: false },
    });
    expect(photos).toEqual([
      { filename: 'a.png', ok: true, code: null },
      { filename: 'b.exe', ok: false, code: 'request.unsupported_media_type' },
    ]);
    const staff = await agent.req({ method: 'GET', url: '/api/v1/work-orders?channel=portal' });
    expect(staff.json().items.map((o: { id: string; status: string }) => [o.id, o.status])).toContainEqual([
      order.id,
      'new',
    ]);
    const mine = await alice.req({ method: 'GET', url: '/api/v1/portal/orders' });
    expect(mine.json().items.map((o: { id: string }) => o.id)).toContain(order.id);
  });

  it('refuses a product of another customer and windows in the past', async () => {
    const other = await submit(bob, productId);
    expect(other.statusCode).toBe(400);
    expect(other.json().errors.map((e: { path: string }) => e.path)).toContain('productId');
    const body = multipart(
      { type: 'install', productId, faultDescription: '安装', preferredWindows: [window(-3, -1)] },
      [],
    );
    const past = await alice.req({ method: 'POST', url: '/api/v1/portal/orders', ...body });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0].path).toBe('preferredWindows.0.start');
  });

  it('a customer cannot read or act on another customer’s order (404), staff cannot use the portal (403)', async () => {
    const { order } = (await submit(alice, productId)).json();
    expect((await bob.req({ method: 'GET', url: `/api/v1/portal/orders/${order.id}` })).statusCode).toBe(404);
    expect(
      (
        await bob.req({
          method: 'POST',
          url: `/api/v1/portal/orders/${order.id}/cancel`,
          payload: { version: order.version, reason: 'x' },
        })
      ).statusCode,
    ).toBe(404);
    expect((await bob.req({ method: 'GET', url: '/api/v1/portal/orders' })).json().items).toEqual([]);
    expect((await agent.req({ method: 'GET', url: '/api/v1/portal/orders' })).statusCode).toBe(403);
    expect((await ta.app.inject({ method: 'GET', url: '/api/v1/portal/orders' })).statusCode).toBe(401);
  });

  it('confirms and reschedules an agreed appointment through the work-order rules', async () => {
    const { order } = (await submit(alice, productId)).json();
    const appt = await agent.req({
      method: 'POST',
      url: `/api/v1/work-orders/${order.id}/appointment`,
      payload: { ...window(26, 28), version: order.version },
    });
    expect(appt.statusCode, appt.body).toBe(200);
    let detail = (await alice.req({ method: 'GET', url: `/api/v1/portal/orders/${order.id}` })).json();
    expect(detail.actions).toEqual({ confirm: true, reschedule: true, cancel: true });

    const confirmed = await alice.req({
      method: 'POST',
      url: `/api/v1/portal/orders/${order.id}/confirm`,
      payload: { version: detail.version },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ appointmentConfirmed: true, actions: { confirm: false } });

    const past = await alice.req({
      method: 'POST',
      url: `/api/v1/portal/orders/${order.id}/reschedule`,
      payload: { ...window(-2, 1), version: detail.version, reason: '临时有事' },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0]).toMatchObject({ path: 'start', rule: 'not_in_past' });
    const noReason = await alice.req({
      method: 'POST',
      url: `/api/v1/portal/orders/${order.id}/reschedule`,
      payload: { ...window(30, 32), version: detail.version },
    });
    expect(noReason.statusCode).toBe(400);
    const stale = await alice.req({
      method: 'POST',
      url: `/api/v1/portal/orders/${order.id}/reschedule`,
      payload: { ...window(30, 32), version: detail.version - 1, reason: '临时有事' },
    });
    expect(stale.statusCode).toBe(409);

    const moved = await alice.req({
      method: 'POST',
      url: `/api/v1/portal/orders/${order.id}/reschedule`,
      payload: { ...window(30, 32), version: detail.version, reason: '临时有事' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    detail = moved.json();
    expect(detail).toMatchObject({ appointment: window(30, 32), appointmentConfirmed: false });
    expect(detail.timeline.map((t: { kind: string }) => t.kind)).toEqual([
      'created',
      'appointment_set',
      'appointment_confirmed',
      'rescheduled',
    ]);
    expect(detail.timeline.at(-1)).toMatchObject({ byCustomer: true, reason: '临时有事' });

    // The desk's timeline records the customer as the actor.
    const staff = (await agent.req({ method: 'GET', url: `/api/v1/work-orders/${order.id}` })).json();
    expect(staff.timeline.at(-1)).toMatchObject({
      type: 'workorder.rescheduled',
      actorKind: 'customer',
      actorId: alice.userId,
    });
  });

  it('cancels only from early states, with a reason', async () => {
    const { order } = (await submit(alice, productId)).json();
    const noReason = await alice.req({
      method: 'POST',
      url: `/api/v1/portal/orders/${order.id}/cancel`,
      payload: { version: order.version },
    });
    expect(noReason.statusCode).toBe(400);
    const ok = await alice.req({
      method: 'POST',
      url: `/api/v1/portal/orders/${order.id}/cancel`,
      payload: { version: order.version, reason: '已自行修好' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'cancelled',
      cancelReason: '已自行修好',
      actions: { cancel: false },
    });

    // A technician is already assigned: the customer must call the desk instead.
    const { order: late } = (await submit(alice, productId)).json();
    await ta.t.db
      .updateTable('work_orders')
      .set({ status: 'assigned', version: late.version + 1 })
      .where('id', '=', late.id)
      .execute();
    const refused = await alice.req({
      method: 'POST',
      url: `/api/v1/portal/orders/${late.id}/cancel`,
      payload: { version: late.version + 1, reason: '不需要了' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({ path: 'status', rule: 'portal.cancel_not_allowed' });
    expect(refused.json()).toMatchObject({
      code: 'portal.cancel_not_allowed',
      params: { status: expect.any(String) },
    });
  });

  it('keeps the timeline customer-safe: no staff reasons or notes', async () => {
    const { order } = (await submit(alice, productId)).json();
    const acc = await agent.req({
      method: 'POST',
      url: `/api/v1/work-orders/${order.id}/transitions`,
      payload: { to: 'accepted', version: order.version, data: { note: '内部备注：客户难缠 13912345678' } },
    });
    expect(acc.statusCode, acc.body).toBe(200);
    const res = await alice.req({ method: 'GET', url: `/api/v1/portal/orders/${order.id}` });
    expect(res.body).not.toContain('内部备注');
    expect(res.body).not.toContain('13912345678');
    expect(res.json().timeline.map((t: { kind: string; to: string | null }) => [t.kind, t.to])).toEqual([
      ['created', 'new'],
      ['status', 'accepted'],
    ]);
  });
});
