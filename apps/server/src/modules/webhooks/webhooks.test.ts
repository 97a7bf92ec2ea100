import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/factories/http.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, SYSTEM } from '../../platform/events/append.ts';
import type { EventType } from '../../platform/events/catalogue.ts';
import { listByRef } from '../../platform/notify/index.ts';
import type { Runtime } from '../../platform/runtime.ts';
import { signatureHeader } from './deliver.ts';
import { isPrivateAddress, nextAttemptAt, signingSecrets, urlProblem } from './domain/policy.ts';

// Monday 2026-06-15 12:00 Shanghai.
const NOW = '2026-06-15T04:00:00.000Z';
const P = '/api/v1/webhooks';
const SCHEDULE = [5, 300, 1800];
const NO_OUTLET = '01a2508d-0000-7000-8000-000000000000';

interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  status: number;
}

/**
 * A real receiver on 127.0.0.1: answers each request with the next status of `plan` (then 200)
 * and keeps what it saw. `verify` checks a request with a secret through the standardwebhooks
 * class, with Date set to the app's clock (the header carries the injected clock's time).
 */
class Receiver {
  readonly seen: Received[] = [];
  plan: number[] = [];
  always: number | null = null;
  private server!: http.Server;
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        const status = this.always ?? this.plan.shift() ?? 200;
        this.seen.push({
          id: String(req.headers['webhook-id']),
          timestamp: String(req.headers['webhook-timestamp']),
          signature: String(req.headers['webhook-signature']),
          body,
          status,
        });
        res.statusCode = status;
        res.end();
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

function verifies(r: Received, secret: string, at: Date): boolean {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
  try {
    new Webhook(secret).verify(r.body, {
      'webhook-id': r.id,
      'webhook-timestamp': r.timestamp,
      'webhook-signature': r.signature,
    });
    return true;
  } catch {
    return false;
  } finally {
    vi.useRealTimers();
  }
}

let ta: TestApp;
let admin: Client;
let agent: Client;
const rx = new Receiver();

// startTestApp builds on createTestApp, whose app carries the runtime (typed as BuiltApp there).
const outbox = () => (ta.built as unknown as { runtime: Runtime }).runtime.outbox;
/** Moves the clock to a new day; sessions expire across the jump, so both users sign in again. */
async function dayAt(iso: string) {
  ta.clock.set(iso);
  admin = await ta.as('admin');
  agent = await ta.as('agent');
}
async function drain() {
  await outbox().idle();
  await outbox().drain();
  await outbox().idle();
}
async function emit(type: string, streamId: string) {
  await withTransaction(ta.db.db, ta.db.dialect, async ({ trx }) => {
    await appendEvent(trx, {
      streamType: 'customer',
      streamId,
      type: type as EventType,
      actor: SYSTEM,
      at: ta.clock.now(),
      data: { name: 'test' } as never,
    });
  });
}
const count = async (t: 'webhook_endpoints' | 'webhook_deliveries') =>
  Number(
    (
      await ta.db.db
        .selectFrom(t)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
async function setSettings(patch: Record<string, unknown>) {
  const cur = await admin.get('/api/v1/settings/webhooks.delivery');
  expect(cur.status).toBe(200);
  const r = await admin.send('PUT', '/api/v1/settings/webhooks.delivery', {
    value: { ...cur.body.value, ...patch },
    version: cur.body.version,
  });
  expect(r.status).toBe(200);
}
async function createEndpoint(eventTypes: string[]) {
  const r = await admin.send('POST', `${P}/endpoints`, { url: rx.url, description: '测试', eventTypes });
  expect(r.status).toBe(201);
  return r.body as { id: string; secret: string; version: number };
}
const deliveriesOf = async (endpointId: string) =>
  (await admin.get(`${P}/deliveries?endpointId=${endpointId}`)).body.items as Array<{
    id: string;
    status: string;
    attempts: number;
    lastStatusCode: number | null;
    nextAttemptAt: string | null;
  }>;

beforeAll(async () => {
  ta = await startTestApp(['admin', 'agent'], NOW);
  admin = await ta.as('admin');
  agent = await ta.as('agent');
  await rx.start();
  await setSettings({
    retryScheduleSeconds: SCHEDULE,
    pauseAfterFailures: 3,
    rotationOverlapHours: 24,
    allowedPrivateHosts: ['127.0.0.1'],
  });
});
afterAll(async () => {
  await rx.stop();
  await ta?.close();
});

describe('webhooks: policy', () => {
  it('schedules retries from the settings and gives up after the last', () => {
    const t0 = new Date(NOW);
    expect(nextAttemptAt(SCHEDULE, 1, t0)?.toISOString()).toBe('2026-06-15T04:00:05.000Z');
    expect(nextAttemptAt(SCHEDULE, 3, t0)?.toISOString()).toBe('2026-06-15T04:30:00.000Z');
    expect(nextAttemptAt(SCHEDULE, 4, t0)).toBeNull();
  });
  it('knows private addresses and bad URLs', () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      '::ffff:10.0.0.1',
      'fd00::1',
    ])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ['8.8.8.8', '172.32.0.1', '2001:db8::1']) expect(isPrivateAddress(ip), ip).toBe(false);
    expect(urlProblem('ftp://x.example/')).toBe('scheme');
    expect(urlProblem('not a url')).toBe('invalid');
    expect(urlProblem('https://u:p@x.example/')).toBe('credentials');
    expect(urlProblem('https://x.example/hook')).toBeNull();
  });
  it('signs like the Standard Webhooks example (spec test vector)', () => {
    // From the Standard Webhooks specification's signature example.
    const sig = signatureHeader(
      ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      new Date(1614265330 * 1000),
      '{"test": 2432232314}',
    );
    expect(sig).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });
  it('signs with the previous secret only during the overlap', () => {
    const e = { secret: 'a', previousSecret: 'b', previousSecretExpiresAt: '2026-06-16T04:00:00.000Z' };
    expect(signingSecrets(e, new Date(NOW))).toEqual(['a', 'b']);
    expect(signingSecrets(e, new Date('2026-06-16T04:00:00.000Z'))).toEqual(['a']);
  });
});

describe('webhooks: delivery', () => {
  it('lists catalogued event types without its own', async () => {
    const r = await admin.get(`${P}/event-types`);
    expect(r.status).toBe(200);
    const types = (r.body.items as Array<{ type: string }>).map((i) => i.type);
    expect(types).toContain('workorder.created');
    expect(types.some((t) => t.startsWith('webhook.'))).toBe(false);
  });

  it('signs, retries on the schedule after two failures and succeeds with the same webhook-id', async () => {
    ta.clock.set(NOW);
    const ep = await createEndpoint(['customer.created']);
    expect(ep.secret).toMatch(/^whsec_/);
    const listed = await admin.get(`${P}/endpoints`);
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
    expect(JSON.stringify(listed.body)).not.toContain(ep.secret);

    rx.plan = [500, 503];
    rx.seen.length = 0;
    await emit('customer.created', 'c-1');
    await emit('customer.updated', 'c-1'); // not subscribed
    await drain();
    expect(rx.seen).toHaveLength(1);
    let [d] = await deliveriesOf(ep.id);
    expect(d).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 500 });
    expect(d!.nextAttemptAt).toBe('2026-06-15T04:00:05.000Z');

    // Not due yet: nothing is sent.
    ta.clock.advance(4_000);
    await drain();
    expect(rx.seen).toHaveLength(1);
    ta.clock.advance(1_000);
    await drain();
    expect(rx.seen).toHaveLength(2);
    [d] = await deliveriesOf(ep.id);
    expect(d).toMatchObject({ status: 'failed', attempts: 2, lastStatusCode: 503 });
    expect(d!.nextAttemptAt).toBe('2026-06-15T04:05:05.000Z');

    ta.clock.advance(300_000);
    await drain();
    await drain(); // a second run is a no-op
    expect(rx.seen).toHaveLength(3);
    [d] = await deliveriesOf(ep.id);
    expect(d).toMatchObject({ status: 'succeeded', attempts: 3, lastStatusCode: 200, nextAttemptAt: null });

    expect(new Set(rx.seen.map((s) => s.id))).toEqual(new Set([d!.id]));
    for (const s of rx.seen) expect(verifies(s, ep.secret, new Date(Number(s.timestamp) * 1000))).toBe(true);
    expect(rx.seen.map((s) => s.timestamp)).toEqual(['1781496000', '1781496005', '1781496305']);
    const body = JSON.parse(rx.seen[2]!.body);
    expect(body).toMatchObject({ type: 'customer.created', timestamp: NOW, data: { streamId: 'c-1' } });
    // A tampered body fails verification.
    expect(
      verifies({ ...rx.seen[2]!, body: rx.seen[2]!.body.replace('c-1', 'c-2') }, ep.secret, ta.clock.now()),
    ).toBe(false);
    expect((await admin.get(`${P}/endpoints/${ep.id}`)).body.consecutiveFailures).toBe(0);
    await admin.send('DELETE', `${P}/endpoints/${ep.id}`);
  });

  it('pauses a failing endpoint after N failures, alerts admins, and resumes the waiting deliveries', async () => {
    await dayAt('2026-06-16T04:00:00.000Z');
    const ep = await createEndpoint(['customer.updated']);
    rx.seen.length = 0;
    rx.always = 500;
    await emit('customer.updated', 'c-2');
    await drain();
    ta.clock.advance(5_000);
    await drain();
    ta.clock.advance(300_000);
    await drain();
    expect(rx.seen).toHaveLength(3);
    let endpoint = (await admin.get(`${P}/endpoints/${ep.id}`)).body;
    expect(endpoint).toMatchObject({ status: 'paused', pausedReason: 'failures', consecutiveFailures: 3 });
    await drain(); // the alert goes out through the outbox
    const alerts = await listByRef(ta.db.db, `webhook_endpoint:${ep.id}`);
    expect(alerts.length).toBe(1);
    expect(alerts[0]!.role).toBe('admin');

    // While paused, the due retry and new events wait.
    ta.clock.advance(1_800_000);
    admin = await ta.as('admin');
    await emit('customer.updated', 'c-3');
    await drain();
    expect(rx.seen).toHaveLength(3);
    const waiting = await deliveriesOf(ep.id);
    expect(waiting.map((w) => w.status).sort()).toEqual(['failed', 'pending']);

    rx.always = null;
    const resumed = await admin.send('POST', `${P}/endpoints/${ep.id}/resume`, { version: endpoint.version });
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ status: 'active', consecutiveFailures: 0 });
    await drain();
    expect(rx.seen).toHaveLength(5);
    expect((await deliveriesOf(ep.id)).every((d) => d.status === 'succeeded')).toBe(true);
    endpoint = (await admin.get(`${P}/endpoints/${ep.id}`)).body;
    expect(endpoint.status).toBe('active');
    await admin.send('DELETE', `${P}/endpoints/${ep.id}`);
  });

  it('a delivery whose schedule is spent is dead; replay sends it again with the same webhook-id', async () => {
    await dayAt('2026-06-17T04:00:00.000Z');
    await setSettings({ pauseAfterFailures: 100 });
    const ep = await createEndpoint(['customer.merged']);
    rx.seen.length = 0;
    rx.always = 410;
    await emit('customer.merged', 'c-4');
    await drain();
    for (const s of SCHEDULE) {
      ta.clock.advance(s * 1000);
      await drain();
    }
    const [dead] = await deliveriesOf(ep.id);
    expect(dead).toMatchObject({ status: 'dead', attempts: 4, lastStatusCode: 410, nextAttemptAt: null });
    rx.always = null;
    const r = await admin.send('POST', `${P}/deliveries/${dead!.id}/replay`);
    expect(r.status).toBe(200);
    await drain();
    const [done] = await deliveriesOf(ep.id);
    expect(done).toMatchObject({ id: dead!.id, status: 'succeeded', attempts: 5 });
    expect(rx.seen.at(-1)!.id).toBe(dead!.id);
    expect(new Set(rx.seen.map((s) => s.id)).size).toBe(1);
    // A succeeded delivery can be replayed too.
    expect((await admin.send('POST', `${P}/deliveries/${dead!.id}/replay`)).status).toBe(200);
    await drain();
    expect(rx.seen).toHaveLength(6);
    await setSettings({ pauseAfterFailures: 3 });
    await admin.send('DELETE', `${P}/endpoints/${ep.id}`);
  });

  it('a hand-paused endpoint holds its deliveries until resumed', async () => {
    await dayAt('2026-06-17T12:00:00.000Z');
    const ep = await createEndpoint(['customer.erased']);
    const paused = await admin.send('POST', `${P}/endpoints/${ep.id}/pause`, { version: ep.version });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ status: 'paused', pausedReason: 'manual' });
    rx.seen.length = 0;
    await emit('customer.erased', 'c-7');
    await drain();
    expect(rx.seen).toHaveLength(0);
    expect((await deliveriesOf(ep.id))[0]).toMatchObject({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: null,
    });
    const stale = await admin.send('POST', `${P}/endpoints/${ep.id}/resume`, { version: ep.version });
    expect(stale.status).toBe(409);
    const resumed = await admin.send('POST', `${P}/endpoints/${ep.id}/resume`, {
      version: paused.body.version,
    });
    expect(resumed.status).toBe(200);
    await drain();
    expect(rx.seen).toHaveLength(1);
    expect((await deliveriesOf(ep.id))[0]).toMatchObject({ status: 'succeeded', attempts: 1 });
    await admin.send('DELETE', `${P}/endpoints/${ep.id}`);
  });

  it('rotation: old and new secrets both verify during the overlap, only the new one after', async () => {
    await dayAt('2026-06-18T04:00:00.000Z');
    const ep = await createEndpoint(['customer.created']);
    const rotated = await admin.send('POST', `${P}/endpoints/${ep.id}/rotate-secret`, {
      version: ep.version,
    });
    expect(rotated.status).toBe(200);
    const fresh = rotated.body.secret as string;
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(ep.secret);
    expect(rotated.body.previousSecretExpiresAt).toBe('2026-06-19T04:00:00.000Z');
    rx.seen.length = 0;
    const t = await admin.send('POST', `${P}/endpoints/${ep.id}/test`);
    expect(t.status).toBe(201);
    expect(t.body.eventType).toBe('webhook.test');
    await drain();
    const during = rx.seen.at(-1)!;
    expect(during.signature.split(' ')).toHaveLength(2);
    expect(verifies(during, ep.secret, ta.clock.now())).toBe(true);
    expect(verifies(during, fresh, ta.clock.now())).toBe(true);

    await dayAt('2026-06-19T04:00:01.000Z');
    await emit('customer.created', 'c-5');
    await drain();
    const after = rx.seen.at(-1)!;
    expect(after.signature.split(' ')).toHaveLength(1);
    expect(verifies(after, fresh, ta.clock.now())).toBe(true);
    expect(verifies(after, ep.secret, ta.clock.now())).toBe(false);
    await admin.send('DELETE', `${P}/endpoints/${ep.id}`);
  });
});

describe('webhooks: events from the modules', () => {
  it('an event a module appends through its API is delivered; a rolled-back one never is', async () => {
    await dayAt('2026-06-20T04:00:00.000Z');
    const ep = await createEndpoint(['product_category.created']);
    rx.seen.length = 0;
    const made = await admin.send('POST', '/api/v1/catalog/categories', {
      code: 'AC',
      nameZh: '空调',
      nameEn: 'Air conditioner',
      unitWarrantyMonths: 12,
      mainPartsWarrantyMonths: 36,
    });
    expect(made.status).toBe(201);
    await expect(
      withTransaction(ta.db.db, ta.db.dialect, async ({ trx }) => {
        await appendEvent(trx, {
          streamType: 'product_category',
          streamId: 'rolled-back',
          type: 'product_category.created',
          actor: SYSTEM,
          at: ta.clock.now(),
          data: {} as never,
        });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await drain();
    const log = await deliveriesOf(ep.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect(rx.seen).toHaveLength(1);
    expect(JSON.parse(rx.seen[0]!.body)).toMatchObject({ type: 'product_category.created' });
    expect(verifies(rx.seen[0]!, ep.secret, ta.clock.now())).toBe(true);
    await admin.send('DELETE', `${P}/endpoints/${ep.id}`);
  });

  it('a host name that resolves to a private address is not contacted', async () => {
    await dayAt('2026-06-21T04:00:00.000Z');
    const r = await admin.send('POST', `${P}/endpoints`, {
      url: 'https://intranet.example/hook',
      eventTypes: ['customer.created'],
    });
    expect(r.status).toBe(201);
    const webhooks = ta.built.modules.webhooks;
    const resolve = webhooks.ctx.resolve;
    const post = webhooks.ctx.post;
    let posted = 0;
    webhooks.ctx.resolve = async () => ['10.0.0.5'];
    webhooks.ctx.post = async () => {
      posted++;
      return { status: 200 };
    };
    try {
      await emit('customer.created', 'c-6');
      await drain();
    } finally {
      webhooks.ctx.resolve = resolve;
      webhooks.ctx.post = post;
    }
    expect(posted).toBe(0);
    const [d] = (await admin.get(`${P}/deliveries?endpointId=${r.body.id}`)).body.items;
    expect(d).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'address_not_allowed',
      lastStatusCode: null,
    });
    await admin.send('DELETE', `${P}/endpoints/${r.body.id}`);
  });
});

describe('webhooks: refusals', () => {
  it('bad input names the field and changes nothing', async () => {
    const before = await count('webhook_endpoints');
    const bad = [
      [{ url: 'ftp://example.com/x', eventTypes: ['customer.created'] }, 'url'],
      [{ url: 'not a url', eventTypes: ['customer.created'] }, 'url'],
      [{ url: 'http://10.0.0.8/hook', eventTypes: ['customer.created'] }, 'url'],
      [{ url: 'https://hooks.example.com/x', eventTypes: ['customer.nope'] }, 'eventTypes.0'],
      [{ url: 'https://hooks.example.com/x', eventTypes: ['webhook.endpoint_created'] }, 'eventTypes.0'],
      [{ url: 'https://hooks.example.com/x', eventTypes: [] }, 'eventTypes'],
      [
        { url: 'https://hooks.example.com/x', eventTypes: ['customer.created'], outletId: NO_OUTLET },
        'outletId',
      ],
    ] as const;
    for (const [payload, path] of bad) {
      const r = await admin.send('POST', `${P}/endpoints`, payload);
      expect(r.status, JSON.stringify(payload)).toBe(400);
      expect(r.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(await count('webhook_endpoints')).toBe(before);

    const ep = await createEndpoint(['customer.created']);
    const stale = await admin.send('PATCH', `${P}/endpoints/${ep.id}`, {
      version: ep.version + 5,
      description: 'x',
    });
    expect(stale.status).toBe(409);
    const unknown = await admin.send('PATCH', `${P}/endpoints/${ep.id}`, {
      version: ep.version,
      eventTypes: ['x.y'],
    });
    expect(unknown.status).toBe(400);
    const noOutlet = await admin.send('PATCH', `${P}/endpoints/${ep.id}`, {
      version: ep.version,
      outletId: NO_OUTLET,
    });
    expect(noOutlet.status).toBe(400);
    expect(noOutlet.body.errors[0]).toMatchObject({ path: 'outletId', rule: 'not_found' });
    const same = (await admin.get(`${P}/endpoints/${ep.id}`)).body;
    expect(same).toMatchObject({
      version: ep.version,
      outletId: null,
      description: '测试',
      eventTypes: ['customer.created'],
    });
    const ok = await admin.send('PATCH', `${P}/endpoints/${ep.id}`, {
      version: ep.version,
      eventTypes: ['customer.updated', 'customer.created'],
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      version: ep.version + 1,
      eventTypes: ['customer.created', 'customer.updated'],
    });
    expect((await admin.get(`${P}/endpoints/nope`)).status).toBe(404);
    expect((await admin.send('POST', `${P}/deliveries/nope/replay`)).status).toBe(404);
    await admin.send('DELETE', `${P}/endpoints/${ep.id}`);
  });

  it('non-admins get 403 and change nothing', async () => {
    const before = await count('webhook_endpoints');
    expect((await agent.get(`${P}/endpoints`)).status).toBe(403);
    expect((await agent.get(`${P}/deliveries`)).status).toBe(403);
    expect((await agent.get(`${P}/event-types`)).status).toBe(403);
    const r = await agent.send('POST', `${P}/endpoints`, { url: rx.url, eventTypes: ['customer.created'] });
    expect(r.status).toBe(403);
    expect(await count('webhook_endpoints')).toBe(before);
  });
});
