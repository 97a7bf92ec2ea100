/**
 * The multi-brand outlet inbox (issue #21 item 6) against a second Anxin: instance B is the brand
 * (it creates an order and offers it to its outlet, whose manager makes a token); instance A is
 * the outlet's own Anxin, connected to B over real HTTP through a gate the test can shut. A pulls
 * the order, accepts and books it from its inbox; B sees the answers. With B down the answer
 * waits and is sent once B is back; sending an answer again never applies it twice at B.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBody, seedRefs, startWorld, type Refs, type World } from '../factories/workorders.ts';
import type { Client } from '../factories/world.ts';

const NOW = '2026-11-23T02:00:00.000Z';
const WINDOW = { start: '2026-11-23T06:00:00.000Z', end: '2026-11-23T08:00:00.000Z' };

/** A front door to B on 127.0.0.1 that can be shut (connections dropped) and opened again. */
class Gate {
  open = true;
  base = '';
  private server!: http.Server;
  async start(targetPort: number): Promise<void> {
    this.server = http.createServer((req, res) => {
      if (!this.open) return void req.socket.destroy();
      const fwd = http.request(
        { host: '127.0.0.1', port: targetPort, path: req.url, method: req.method, headers: req.headers },
        (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        },
      );
      fwd.on('error', () => res.destroy());
      req.pipe(fwd);
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}

let A: World;
let B: World;
let refsA: Refs;
let refsB: Refs;
const gate = new Gate();
let managerA: Client;
let otherManagerA: Client;
let adminB: Client;
let connectionId = '';
let brandOrderId = '';
let token = '';

const inbox = (c: Client) => c.get('/api/v1/brand-inbox/orders');
const bOrder = async (id: string) => (await adminB.get(`/api/v1/work-orders/${id}`)).body;
const brandModule = (w: World) => w.built.modules.brandInbox;

beforeAll(async () => {
  B = await startWorld(NOW);
  refsB = await seedRefs(B);
  await B.built.app.listen({ port: 0, host: '127.0.0.1' });
  await gate.start((B.built.app.server.address() as AddressInfo).port);
  adminB = await B.as(await B.user('admin'));
  // The outlet's manager at the brand makes the token the outlet's own Anxin connects with.
  const managerB = await B.as(await B.user('outlet_manager', { outletId: refsB.outletA }));
  const t = await managerB.send('POST', '/api/v1/auth/tokens', {
    name: 'our own Anxin',
    permissions: [
      'workorder:read',
      'workorder:transition',
      'dispatch:read',
      'dispatch:assign',
      'technician:read',
      'customer:phone_unmasked',
    ],
    expiresAt: '2027-11-23T00:00:00.000Z',
  });
  expect(t.status, JSON.stringify(t.body)).toBe(201);
  token = t.body.token as string;

  A = await startWorld(NOW);
  refsA = await seedRefs(A);
  // The brand's fake front door is on 127.0.0.1: an on-premise allow-list lets A reach it.
  const adminA = await A.as(await A.user('admin'));
  const net = await adminA.send('PUT', '/api/v1/settings/net.outbound', {
    value: { allowedHosts: ['127.0.0.1'] },
    version: 0,
  });
  expect(net.status, JSON.stringify(net.body)).toBe(200);
  managerA = await A.as(await A.user('outlet_manager', { outletId: refsA.outletA }));
  otherManagerA = await A.as(await A.user('outlet_manager', { outletId: refsA.outletB }));
}, 90_000);

afterAll(async () => {
  await gate.stop();
  await A?.close();
  await B?.close();
});

/** B creates an order and offers it to its outlet A. */
async function offerAtB(): Promise<string> {
  const created = await adminB.send(
    'POST',
    '/api/v1/work-orders',
    { ...createBody(refsB), handoff: 'dispatch' },
    { 'idempotency-key': `b-${Math.random()}` },
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.order.id as string;
  const d = await adminB.send('POST', `/api/v1/dispatch/orders/${id}/dispatch`, {
    outletId: refsB.outletA,
    version: (await bOrder(id)).version,
  });
  expect(d.status, JSON.stringify(d.body)).toBe(200);
  return id;
}

let firstRemoteId = '';
const remoteId = () => firstRemoteId;

describe('brand inbox: an outlet answers another brand from its own Anxin', () => {
  let remoteId = '';

  it('refuses a base URL on an internal address not in the allow-list (SSRF), changing nothing', async () => {
    for (const baseUrl of ['http://169.254.169.254/latest', 'http://10.0.0.5', 'file:///etc/passwd']) {
      const r = await managerA.send('POST', '/api/v1/brand-inbox/connections', {
        name: 'x',
        baseUrl,
        token,
        outletId: refsA.outletA,
      });
      expect(r.status, baseUrl).toBe(r.body.code === 'request.validation_failed' ? 400 : 422);
      if (r.status === 422) expect(r.body.code).toBe('net.destination_not_allowed');
    }
    expect((await managerA.get('/api/v1/brand-inbox/connections')).body.items).toEqual([]);
  });

  it('connects to the brand with a token it never shows again, and tests the connection', async () => {
    const c = await managerA.send('POST', '/api/v1/brand-inbox/connections', {
      name: '乙品牌',
      baseUrl: gate.base,
      token,
      outletId: refsA.outletA,
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    connectionId = c.body.id;
    expect(JSON.stringify(c.body)).not.toContain(token);
    expect(c.body.tokenMasked).toBe(`••••${token.slice(-4)}`);
    const stored = await A.db.db.selectFrom('brand_connections').selectAll().executeTakeFirstOrThrow();
    expect(stored.token_sealed).not.toContain(token);

    const ok = await managerA.send('POST', `/api/v1/brand-inbox/connections/${connectionId}/test`);
    expect(ok.body, JSON.stringify(ok.body)).toMatchObject({ ok: true, problem: null });

    // Another outlet's manager sees no such connection, and may not add one for this outlet.
    expect((await otherManagerA.get('/api/v1/brand-inbox/connections')).body.items).toEqual([]);
    expect(
      (await otherManagerA.send('POST', `/api/v1/brand-inbox/connections/${connectionId}/test`)).status,
    ).toBe(404);
    const foreign = await otherManagerA.send('POST', '/api/v1/brand-inbox/connections', {
      name: 'x',
      baseUrl: gate.base,
      token,
      outletId: refsA.outletA,
    });
    expect(foreign.status).toBe(404);
  });

  it('reports a wrong token in words, not as a crash', async () => {
    const bad = await managerA.send('POST', '/api/v1/brand-inbox/connections', {
      name: '错令牌',
      baseUrl: gate.base,
      token: 'anx_wrong_token_123456',
      outletId: refsA.outletA,
      enabled: false,
    });
    const r = await managerA.send('POST', `/api/v1/brand-inbox/connections/${bad.body.id}/test`);
    expect(r.body.ok).toBe(false);
    expect(r.body.problem.code).toBe('brandinbox.remote_unauthorized');
  });

  it('pulls the order offered at the brand into the inbox, once however often it pulls', async () => {
    remoteId = await offerAtB();
    firstRemoteId = remoteId;
    await brandModule(A).syncAll();
    await brandModule(A).syncAll();
    const items = (await inbox(managerA)).body.items as any[];
    const mine = items.filter((o) => o.remoteId === remoteId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      brand: '乙品牌',
      status: 'dispatched_outlet',
      customerName: '王小明',
      customerPhone: '13812345678',
    });
    expect(mine[0].offerId).toBeTruthy();
    brandOrderId = mine[0].id;
    expect((await inbox(otherManagerA)).body.items).toEqual([]);
    expect((await otherManagerA.get(`/api/v1/brand-inbox/orders/${brandOrderId}`)).status).toBe(404);
  });

  it('accepts from the inbox: recorded first, forwarded with an Idempotency-Key, seen at the brand', async () => {
    const r = await managerA.send('POST', `/api/v1/brand-inbox/orders/${brandOrderId}/accept`);
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    expect(r.body.status).toBe('pending');
    await brandModule(A).idle();
    const actions = (await managerA.get(`/api/v1/brand-inbox/orders/${brandOrderId}/actions`)).body.items;
    expect(actions.map((a: { status: string }) => a.status)).toEqual(['sent']);
    expect((await bOrder(remoteId)).status).toBe('outlet_accepted');
    const mirrored = (await managerA.get(`/api/v1/brand-inbox/orders/${brandOrderId}`)).body;
    expect(mirrored).toMatchObject({ status: 'outlet_accepted', offerId: null });
  });

  it('keeps a booking while the brand is down and sends it when the brand is back', async () => {
    const techs = (await managerA.get(`/api/v1/brand-inbox/connections/${connectionId}/technicians`)).body
      .items;
    expect(techs.map((t: { id: string }) => t.id)).toContain(refsB.techA.id);
    gate.open = false;
    const r = await managerA.send('POST', `/api/v1/brand-inbox/orders/${brandOrderId}/schedule`, {
      technicianId: refsB.techA.id,
      appointment: WINDOW,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    await brandModule(A).idle();
    let action = (await managerA.get(`/api/v1/brand-inbox/orders/${brandOrderId}/actions`)).body.items[1];
    expect(action).toMatchObject({ kind: 'schedule', status: 'pending', attempts: 1 });
    expect(action.problem.code).toBe('brandinbox.remote_unreachable');
    expect((await bOrder(remoteId)).status).toBe('outlet_accepted');

    gate.open = true;
    // Not before its retry time…
    expect((await brandModule(A).sendDue()).sent).toBe(0);
    A.clock.advance(10 * 60_000);
    expect((await brandModule(A).sendDue()).sent).toBe(1);
    action = (await managerA.get(`/api/v1/brand-inbox/orders/${brandOrderId}/actions`)).body.items[1];
    expect(action).toMatchObject({ status: 'sent', problem: null });
    const atB = await bOrder(remoteId);
    expect(atB).toMatchObject({ status: 'scheduled', technicianId: refsB.techA.id, appointment: WINDOW });
    const mirrored = (await managerA.get(`/api/v1/brand-inbox/orders/${brandOrderId}`)).body;
    expect(mirrored).toMatchObject({ status: 'scheduled', window: WINDOW });
  });

  it('never applies an answer twice when it is sent again (a lost acknowledgement)', async () => {
    const before = await bOrder(remoteId);
    await A.db.db
      .updateTable('brand_actions')
      .set({ status: 'pending', next_attempt_at: A.clock.now().toISOString() })
      .where('order_id', '=', brandOrderId)
      .execute();
    expect((await brandModule(A).sendDue()).sent).toBe(2);
    const after = await bOrder(remoteId);
    expect(after.version).toBe(before.version);
    const booked = after.timeline.filter((e: { to: string | null }) => e.to === 'scheduled');
    expect(booked).toHaveLength(1);
  });

  it('refuses to accept an order with no offer, in a registered code', async () => {
    const r = await managerA.send('POST', `/api/v1/brand-inbox/orders/${brandOrderId}/accept`);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('brandinbox.no_offer');
  });

  it('declines a second offer with a reason; the brand puts it back to 待派单', async () => {
    const id = await offerAtB();
    await brandModule(A).syncAll();
    const mine = ((await inbox(managerA)).body.items as any[]).find((o) => o.remoteId === id);
    const bad = await managerA.send('POST', `/api/v1/brand-inbox/orders/${mine.id}/reject`, {
      reasonCode: 'nope',
    });
    expect(bad.status).toBe(400);
    const r = await managerA.send('POST', `/api/v1/brand-inbox/orders/${mine.id}/reject`, {
      reasonCode: 'no_capacity',
      note: '本周已排满',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    await brandModule(A).idle();
    // The brand's own follow-up (出单 back to 待派单) runs from its outbox.
    await B.runtime.outbox.idle();
    await B.runtime.outbox.drain();
    expect((await bOrder(id)).status).toBe('awaiting_dispatch');
    await brandModule(A).syncAll();
    const after = (await managerA.get(`/api/v1/brand-inbox/orders/${mine.id}`)).body;
    expect(after.status).toBe('released');
  });
});

const SECRET = `whsec_${Buffer.from('brand-inbox-test-secret-32-bytes!').toString('base64')}`;

/** Posts a webhook to A's receiver for the connection, signed (or not) as the test says. */
async function postHook(
  aBase: string,
  body: string,
  h: { id?: string; ts?: number; sig?: string; secret?: string },
): Promise<{ status: number; type: string | null; body: any }> {
  const { signHook } = await import('../../src/modules/brandinbox/index.ts');
  const id = h.id ?? `msg_${Math.random().toString(36).slice(2)}`;
  const ts = String(h.ts ?? Math.floor(A.clock.now().getTime() / 1000));
  const res = await fetch(`${aBase}/api/v1/brand-inbox/hooks/${connectionId}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': ts,
      'webhook-signature': h.sig ?? signHook(h.secret ?? SECRET, id, ts, body),
    },
    body,
  });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
}

describe('brand inbox: webhooks from the brand and the visit forwarded step by step', () => {
  let aBase = '';
  beforeAll(async () => {
    await A.built.app.listen({ port: 0, host: '127.0.0.1' });
    // The two instances' clocks agree (a webhook's timestamp is checked against the receiver's).
    B.clock.set(A.clock.now());
    aBase = `http://127.0.0.1:${(A.built.app.server.address() as AddressInfo).port}`;
  });

  it('refuses unsigned, badly signed and stale webhooks with problem+json, changing nothing', async () => {
    const before = (await inbox(managerA)).body.items;
    const body = JSON.stringify({ type: 'workorder.transitioned', data: {} });
    // No secret set yet: refused whatever it carries.
    let r = await postHook(aBase, body, {});
    expect(r.status).toBe(401);
    expect(r.type).toContain('application/problem+json');
    expect(r.body.code).toBe('brandinbox.webhook_refused');
    const set = await managerA.send('PUT', `/api/v1/brand-inbox/connections/${connectionId}/webhook`, {
      secret: SECRET,
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(JSON.stringify(set.body)).not.toContain(SECRET);
    expect(set.body.secretMasked).toBe(`••••${SECRET.slice(-4)}`);
    const bad = await managerA.send('PUT', `/api/v1/brand-inbox/connections/${connectionId}/webhook`, {
      secret: 'not-a-secret',
    });
    expect(bad.status).toBe(400);
    r = await postHook(aBase, body, {
      secret: `whsec_${Buffer.from('another-secret-entirely!').toString('base64')}`,
    });
    expect(r.status).toBe(401);
    r = await postHook(aBase, body, { ts: Math.floor(A.clock.now().getTime() / 1000) - 3600 });
    expect(r.status).toBe(401);
    r = await postHook(aBase, body, { sig: 'v1,' });
    expect(r.status).toBe(401);
    await brandModule(A).idle();
    expect((await inbox(managerA)).body.items).toEqual(before);
    const hook = (await managerA.get(`/api/v1/brand-inbox/connections/${connectionId}/webhook`)).body;
    expect(hook).toMatchObject({ lastRefusal: 'signature', lastReceivedAt: null });
    // Another outlet's manager cannot read or set it.
    expect((await otherManagerA.get(`/api/v1/brand-inbox/connections/${connectionId}/webhook`)).status).toBe(
      404,
    );
  });

  it("pulls a new offer at once when the brand's own webhook arrives (no poll, no manual sync)", async () => {
    // The brand's admin points a webhook endpoint at the outlet's receiver, for this outlet only.
    const s = await adminB.get('/api/v1/settings/webhooks.delivery');
    const put = await adminB.send('PUT', '/api/v1/settings/webhooks.delivery', {
      version: s.body.version,
      value: { ...s.body.value, allowedPrivateHosts: ['127.0.0.1'] },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const ep = await adminB.send('POST', '/api/v1/webhooks/endpoints', {
      url: `${aBase}/api/v1/brand-inbox/hooks/${connectionId}`,
      eventTypes: ['workorder.transitioned'],
      outletId: refsB.outletA,
    });
    expect(ep.status, JSON.stringify(ep.body)).toBe(201);
    const set = await managerA.send('PUT', `/api/v1/brand-inbox/connections/${connectionId}/webhook`, {
      secret: ep.body.secret,
    });
    expect(set.status).toBe(200);

    const id = await offerAtB();
    await B.runtime.outbox.idle();
    await B.runtime.outbox.drain();
    await brandModule(A).idle();
    const mine = ((await inbox(managerA)).body.items as any[]).find((o) => o.remoteId === id);
    expect(mine).toMatchObject({ status: 'dispatched_outlet' });
    expect(mine.offerId).toBeTruthy();
    const hook = (await managerA.get(`/api/v1/brand-inbox/connections/${connectionId}/webhook`)).body;
    expect(hook.lastReceivedAt).toBeTruthy();
  });

  it('forwards the visit steps; a step sent while the brand is down is retried and lands once', async () => {
    // A small outlet: its manager at the brand is also the technician booked on the order, so
    // the token may take the technician's steps there.
    const managerB = {
      id: (await B.db.db.selectFrom('api_tokens').select('user_id').executeTakeFirstOrThrow()).user_id,
    };
    await B.db.db.insertInto('user_roles').values({ user_id: managerB.id, role: 'technician' }).execute();
    await B.db.db
      .updateTable('technicians')
      .set({ user_id: managerB.id })
      .where('id', '=', refsB.techA.id)
      .execute();

    const before = (await managerA.get(`/api/v1/brand-inbox/orders/${brandOrderId}`)).body;
    expect(before.status).toBe('scheduled');
    const early = await managerA.send(
      'POST',
      `/api/v1/brand-inbox/orders/${brandOrderId}/steps/complete`,
      {},
    );
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('brandinbox.step_not_allowed');

    gate.open = false;
    const r = await managerA.send('POST', `/api/v1/brand-inbox/orders/${brandOrderId}/steps/depart`, {});
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    await brandModule(A).idle();
    const last = (await managerA.get(`/api/v1/brand-inbox/orders/${brandOrderId}`)).body.lastAction;
    expect(last).toMatchObject({ kind: 'depart', status: 'pending', attempts: 1 });
    expect(last.problem.code).toBe('brandinbox.remote_unreachable');
    // Check-in is recorded behind it and waits its turn.
    expect(
      (await managerA.send('POST', `/api/v1/brand-inbox/orders/${brandOrderId}/steps/arrive`, {})).status,
    ).toBe(202);
    gate.open = true;
    A.clock.advance(10 * 60_000);
    await brandModule(A).sendDue();
    await brandModule(A).idle();
    // Back up, the step reached the brand: taken (departed), or refused there and shown in the
    // brand's own words (a registered code), never still "unreachable".
    const depart = (await managerA.get(`/api/v1/brand-inbox/orders/${brandOrderId}/actions`)).body.items.find(
      (a: any) => a.kind === 'depart',
    );
    const atB = await bOrder(remoteId());
    if (depart.status === 'sent') expect(atB.status).toBe('departed');
    else {
      expect(depart.status).toBe('failed');
      expect(depart.problem.code).not.toBe('brandinbox.remote_unreachable');
      expect(atB.status).toBe('scheduled');
      // The check-in behind a failed step waits; nothing is applied out of order at the brand.
      expect(atB.timeline.filter((e: { to: string | null }) => e.to === 'arrived')).toHaveLength(0);
    }
  });
});
