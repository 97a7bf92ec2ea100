/**
 * The partner API contract (issue #21 item 1): what a brand's system and an outlet's own system
 * do through API tokens, Idempotency-Keys and signed webhooks, end to end against a fake partner.
 * The fake partner is a real HTTP server: it verifies each webhook's Standard Webhooks signature
 * and acts on the dispatch it announces with its own token, as a partner system would.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { partItem, stockIn } from '../factories/parts.ts';
import {
  createBody,
  forceState,
  seedRefs,
  startWorld,
  type Refs,
  type World,
} from '../factories/workorders.ts';
import { makeOutlet } from '../factories/network.ts';
import type { TestUser } from '../factories/world.ts';

// Monday 2026-11-23 10:00 in Shanghai; the visit is this afternoon.
const NOW = '2026-11-23T02:00:00.000Z';
const WINDOW = { start: '2026-11-23T06:00:00.000Z', end: '2026-11-23T08:00:00.000Z' };

interface Delivery {
  path: string;
  headers: Record<string, string>;
  body: string;
  verified: boolean;
}

/**
 * The partners' webhook receiver: the brand's system at /brand, the outlet's at /outlet. Keeps
 * every delivery with whether its signature verified with the secret of the path's endpoint.
 */
class FakePartner {
  readonly got: Delivery[] = [];
  readonly secrets = new Map<string, string>();
  base = '';
  private server!: http.Server;

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        const headers = {
          'webhook-id': String(req.headers['webhook-id']),
          'webhook-timestamp': String(req.headers['webhook-timestamp']),
          'webhook-signature': String(req.headers['webhook-signature']),
        };
        const path = req.url ?? '';
        this.got.push({ path, headers, body, verified: this.verify(path, body, headers) });
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The signature carries the app's (manual) clock: verify with Date set to it. */
  private verify(path: string, body: string, headers: Record<string, string>): boolean {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Number(headers['webhook-timestamp']) * 1000));
    try {
      new Webhook(this.secrets.get(path) ?? 'whsec_AAAA').verify(body, headers);
      return true;
    } catch {
      return false;
    } finally {
      vi.useRealTimers();
    }
  }

  /** Deliveries to `path` about one order, as `{ verified, type, data }`. */
  about(path: string, orderId: string) {
    return this.got
      .filter((d) => d.path === path)
      .map((d) => ({ verified: d.verified, ...(JSON.parse(d.body) as { type: string; data: any }) }))
      .filter((d) => d.data.streamId === orderId);
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

let w: World;
let refs: Refs;
const partner = new FakePartner();

interface Answer {
  status: number;
  body: any;
  headers: Record<string, unknown>;
}

/** A partner system: calls with its API token, an Idempotency-Key on every write. */
class TokenClient {
  private seq = 0;
  readonly token: string;
  private readonly name: string;
  constructor(token: string, name: string) {
    this.token = token;
    this.name = name;
  }

  async call(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, key?: string): Promise<Answer> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (method !== 'GET') headers['idempotency-key'] = key ?? `${this.name}-${++this.seq}-${Date.now()}`;
    const r = await w.built.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    return { status: r.statusCode, body: r.body ? JSON.parse(r.body) : null, headers: r.headers };
  }
}

/** Each partner user makes his own token, limited to what the integration needs. */
async function tokenOf(user: TestUser, permissions: string[]): Promise<TokenClient> {
  const session = await w.as(user);
  const r = await session.send('POST', '/api/v1/auth/tokens', {
    name: `partner ${user.username}`,
    permissions,
    expiresAt: '2027-11-23T00:00:00.000Z',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return new TokenClient(r.body.token as string, user.username);
}

const settle = async () => {
  await w.runtime.outbox.idle();
  await w.runtime.outbox.drain();
};

let brand: TokenClient;
let outletSystem: TokenClient;
let techPhone: TokenClient;

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  await partner.start();
  const admin = await w.as(await w.user('admin'));
  const hooks = (await admin.get('/api/v1/settings/webhooks.delivery')).body;
  const set = await admin.send('PUT', '/api/v1/settings/webhooks.delivery', {
    value: { ...hooks.value, allowedPrivateHosts: ['127.0.0.1'] },
    version: hooks.version,
  });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
  for (const [path, outletId] of [
    ['/brand', null],
    ['/outlet', refs.outletA],
  ] as const) {
    const ep = await admin.send('POST', '/api/v1/webhooks/endpoints', {
      url: `${partner.base}${path}`,
      description: path === '/brand' ? '品牌 ERP' : '网点自有系统',
      eventTypes: ['workorder.created', 'workorder.transitioned'],
      outletId,
    });
    expect(ep.status, JSON.stringify(ep.body)).toBe(201);
    partner.secrets.set(path, ep.body.secret as string);
  }

  brand = await tokenOf(await w.user('admin'), ['workorder:create', 'workorder:read']);
  const manager = await w.user('outlet_manager', { outletId: refs.outletA });
  outletSystem = await tokenOf(manager, [
    'workorder:read',
    'dispatch:read',
    'workorder:transition',
    'dispatch:assign',
  ]);
  // The outlet runs its own field app: the brand lets technicians make tokens (not a default).
  const roles = (await admin.get('/api/v1/roles')).body.items as { role: string; permissions: string[] }[];
  const techPerms = roles.find((r) => r.role === 'technician')!.permissions;
  const granted = await admin.send('PUT', '/api/v1/roles/technician/permissions', {
    permissions: [...techPerms, 'token:manage'],
  });
  expect(granted.status, JSON.stringify(granted.body)).toBe(200);
  techPhone = await tokenOf(refs.techA.user, [
    'workorder:read',
    'workorder:transition',
    'parts:read',
    'parts:request',
  ]);
}, 60_000);
afterAll(async () => {
  await partner.stop();
  await w?.close();
});

describe('partner API: an order from a brand system to the outlet system and back', () => {
  let orderId = '';

  it('creates an order once however often the brand retries, and refuses a write with no key', async () => {
    const body = { ...createBody(refs), channel: 'api', handoff: 'dispatch' };
    const noKey = await w.built.app.inject({
      method: 'POST',
      url: '/api/v1/work-orders',
      headers: { authorization: `Bearer ${brand.token}` },
      payload: body,
    });
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().errors[0]).toMatchObject({ path: 'headers.idempotency-key' });

    const first = await brand.call('POST', '/api/v1/work-orders', body, 'erp-order-20261123-0001');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const retry = await brand.call('POST', '/api/v1/work-orders', body, 'erp-order-20261123-0001');
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.order.id).toBe(first.body.order.id);
    orderId = first.body.order.id;
    const mine = await brand.call('GET', `/api/v1/work-orders?q=${first.body.order.number}`);
    expect(mine.body.items.map((o: { id: string }) => o.id)).toEqual([orderId]);

    const reused = await brand.call(
      'POST',
      '/api/v1/work-orders',
      { ...body, faultDescription: '另一台' },
      'erp-order-20261123-0001',
    );
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency.key_reused');
  });

  it('announces the dispatch to the outlet system with a signed webhook', async () => {
    const dispatcher = await w.as(await w.user('dispatcher'));
    const o = (await dispatcher.get(`/api/v1/work-orders/${orderId}`)).body;
    expect(o.status).toBe('awaiting_dispatch');
    const d = await dispatcher.send('POST', `/api/v1/dispatch/orders/${orderId}/dispatch`, {
      outletId: refs.outletA,
      version: o.version,
    });
    expect(d.status, JSON.stringify(d.body)).toBe(200);
    await settle();
    const brandSaw = partner.about('/brand', orderId);
    const outletSaw = partner.about('/outlet', orderId);
    expect([...brandSaw, ...outletSaw].every((s) => s.verified)).toBe(true);
    expect(brandSaw.map((s) => s.type)).toContain('workorder.created');
    // The outlet's system hears of the order from the moment it is offered to its outlet.
    expect(outletSaw.map((s) => s.type)).not.toContain('workorder.created');
    expect(outletSaw.find((s) => s.data.to === 'dispatched_outlet')).toBeDefined();
  });

  it('lets the outlet system accept the offer and book the technician and window in one write', async () => {
    const offers = await outletSystem.call('GET', '/api/v1/dispatch/offers');
    const offer = offers.body.items.find((x: { orderId: string }) => x.orderId === orderId);
    expect(offer, JSON.stringify(offers.body)).toBeDefined();
    const key = `outlet-accept-${offer.id}`;
    const accepted = await outletSystem.call('POST', `/api/v1/dispatch/offers/${offer.id}/accept`, {}, key);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    // A retry after a lost answer is the same answer, not a second acceptance or an error.
    const again = await outletSystem.call('POST', `/api/v1/dispatch/offers/${offer.id}/accept`, {}, key);
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');

    const order = (await outletSystem.call('GET', `/api/v1/work-orders/${orderId}`)).body;
    expect(order.status).toBe('outlet_accepted');
    const booked = await outletSystem.call('POST', `/api/v1/work-orders/${orderId}/transitions`, {
      to: 'scheduled',
      version: order.version,
      data: { technicianId: refs.techA.id, appointment: WINDOW },
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(200);
    expect(booked.body).toMatchObject({ status: 'scheduled', technicianId: refs.techA.id });
  });

  it('takes the visit from the technician phone: depart, check in, start, complete', async () => {
    const job = `/api/v1/field/jobs/${orderId}`;
    for (const step of ['depart', 'arrive', 'start'])
      expect((await techPhone.call('POST', `${job}/${step}`, {})).status, step).toBe(200);
    const png = `data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='}`;
    expect((await techPhone.call('POST', `${job}/signature`, { png })).status).toBe(201);
    const done = await techPhone.call('POST', `${job}/complete`, { method: 'signature' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    await settle();
    const order = (await outletSystem.call('GET', `/api/v1/work-orders/${orderId}`)).body;
    expect(order.status).toBe('awaiting_callback');
    const tos = partner.about('/outlet', orderId).map((s) => s.data.to);
    expect(tos).toEqual(expect.arrayContaining(['scheduled', 'completed', 'awaiting_callback']));
  });

  it('reports the callback result to the brand system', async () => {
    const quality = await w.as(await w.user('quality'));
    const task = (await quality.get(`/api/v1/callbacks?orderId=${orderId}`)).body.items[0];
    expect(task, 'an open callback task').toBeDefined();
    const r = await quality.send('POST', `/api/v1/callbacks/${task.id}/outcomes`, {
      version: task.version,
      outcome: 'satisfied',
      answers: { timeliness: 5, attitude: 5, workmanship: 5, overall: 5, resolved: true },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    await settle();
    expect((await brand.call('GET', `/api/v1/work-orders/${orderId}`)).body.status).toBe('closed');
    expect(partner.about('/brand', orderId).map((s) => s.data.to)).toContain('closed');
  });

  it('lets the field app ask for a part once, however often it retries', async () => {
    const created = await brand.call('POST', '/api/v1/work-orders', createBody(refs));
    const id = created.body.order.id as string;
    await forceState(w, id, {
      status: 'in_progress',
      outlet_id: refs.outletA,
      technician_id: refs.techA.id,
      technician_user_id: refs.techA.user.id,
    });
    const item = await partItem(w.db.db, { universal: true });
    await stockIn(w.db.db, 'loc-hq', item.id, 5);
    const ask = () =>
      techPhone.call(
        'POST',
        '/api/v1/parts/requests',
        { orderId: id, lines: [{ itemId: item.id, qty: 1, paidBy: 'warranty' }] },
        `fieldapp-parts-${id}`,
      );
    const first = await ask();
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const retry = await ask();
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    const mine = await techPhone.call('GET', `/api/v1/parts/requests?orderId=${id}`);
    expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([first.body.id]);
    expect((await brand.call('GET', `/api/v1/work-orders/${id}`)).body.status).toBe('awaiting_parts');
  });

  it('lets the outlet system reject an offer with a reason, which returns the order to 待派单', async () => {
    const created = await brand.call('POST', '/api/v1/work-orders', {
      ...createBody(refs),
      channel: 'api',
      handoff: 'dispatch',
    });
    const id = created.body.order.id as string;
    const dispatcher = await w.as(await w.user('dispatcher'));
    const version = (await dispatcher.get(`/api/v1/work-orders/${id}`)).body.version;
    await dispatcher.send('POST', `/api/v1/dispatch/orders/${id}/dispatch`, {
      outletId: refs.outletA,
      version,
    });
    await settle();
    const offer = (await outletSystem.call('GET', '/api/v1/dispatch/offers')).body.items.find(
      (x: { orderId: string; status: string }) => x.orderId === id && x.status === 'pending',
    );
    const rejected = await outletSystem.call('POST', `/api/v1/dispatch/offers/${offer.id}/reject`, {
      reasonCode: 'no_capacity',
      note: '本周技师已排满',
    });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    await settle();
    expect((await brand.call('GET', `/api/v1/work-orders/${id}`)).body.status).toBe('awaiting_dispatch');
    expect(partner.about('/outlet', id).map((s) => s.data.to)).toEqual(
      expect.arrayContaining(['dispatched_outlet', 'outlet_rejected']),
    );
  });

  it('keeps each token to its permissions and its outlet', async () => {
    // The brand's token may not dispatch; the technician's may not create orders.
    expect((await brand.call('POST', `/api/v1/dispatch/orders/${orderId}/dispatch`, {})).status).toBe(403);
    expect((await techPhone.call('POST', '/api/v1/work-orders', createBody(refs))).status).toBe(403);
    // The outlet's token keeps the manager's outlet scope: another outlet's order is not found.
    const elsewhere = await brand.call('POST', '/api/v1/work-orders', {
      ...createBody(refs),
      handoff: 'dispatch',
    });
    const dispatcher = await w.as(await w.user('dispatcher'));
    const id = elsewhere.body.order.id as string;
    const neighbour = await makeOutlet(w, { code: 'N', areas: ['440106'], categories: [refs.categoryCode] });
    await dispatcher.send('POST', `/api/v1/dispatch/orders/${id}/dispatch`, {
      outletId: neighbour,
      version: (await dispatcher.get(`/api/v1/work-orders/${id}`)).body.version,
    });
    expect((await outletSystem.call('GET', `/api/v1/work-orders/${id}`)).status).toBe(404);
    await settle();
    // …and its endpoint never hears of it, while the brand's does.
    expect(partner.about('/outlet', id)).toEqual([]);
    expect(partner.about('/brand', id).map((s) => s.data.to)).toContain('dispatched_outlet');
  });
});
