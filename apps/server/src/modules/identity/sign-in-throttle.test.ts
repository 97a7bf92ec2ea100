import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createUser,
  login,
  ManualClock,
  TEST_PASSWORD,
  type TestApp,
} from '../../../test/app.ts';
import { listForUser } from '../../platform/notify/index.ts';

let ta: TestApp;
const clock = new ManualClock('2026-11-20T02:00:00Z');
let adminId: string;

beforeAll(async () => {
  ta = await createTestApp({ clock });
  adminId = await createUser(ta.t, { username: 'root1', roles: ['admin'] });
  await createUser(ta.t, { username: 'agent7', roles: ['agent'] });
});
afterAll(() => ta.close());

const ATTACKER = '203.0.113.9';
const OWNER = '198.51.100.4';

const attempt = (username: string, password: string, remoteAddress: string) =>
  ta.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress,
  });

async function fail(username: string, times: number, from = ATTACKER): Promise<void> {
  for (let i = 0; i < times; i++) expect((await attempt(username, 'wrong', from)).statusCode).toBe(401);
}

describe('sign-in throttling by account and source', () => {
  it("an attacker's wrong passwords delay only the attacker; the owner signs in from a clean source", async () => {
    await fail('root1', 5);
    const blocked = await attempt('root1', TEST_PASSWORD, ATTACKER);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({
      code: 'auth.sign_in_throttled',
      params: { retryAfterSeconds: 30 },
    });
    expect((await attempt('root1', TEST_PASSWORD, OWNER)).statusCode).toBe(200);
  });

  it('delays grow with every further failure, and even the right password waits them out', async () => {
    await fail('agent7', 5);
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await attempt('agent7', TEST_PASSWORD, ATTACKER);
      expect(r.statusCode).toBe(429);
      const wait = r.json().params.retryAfterSeconds as number;
      delays.push(wait);
      clock.advance(wait * 1000);
      await fail('agent7', 1); // counted once the delay has passed: the next one doubles
    }
    expect(delays).toEqual([30, 60, 120]);
  });

  it('alerts administrators once when delays start and records it in the audit trail', async () => {
    await ta.runtime.outbox.idle(); // a nudge after commit may hold some rows
    await ta.runtime.outbox.drain();
    const notes = await listForUser(ta.t.db, adminId);
    const titles = notes.map((n) => n.title);
    expect(titles.filter((t) => t === '登录受限：root1')).toHaveLength(1);
    expect(titles.filter((t) => t === '登录受限：agent7')).toHaveLength(1);
    const admin = await login(ta.app, 'root1', TEST_PASSWORD);
    const audit = (await admin.req({ url: '/api/v1/audit?streamType=user' })).json();
    expect(audit.items.map((e: { type: string }) => e.type)).toContain('user.sign_in_throttled');
  });

  it('a source failing across many accounts is delayed as a whole, for every account', async () => {
    const admin = await login(ta.app, 'root1', TEST_PASSWORD);
    const cur = (await admin.req({ url: '/api/v1/settings/auth.throttle' })).json();
    const saved = await admin.req({
      method: 'PUT',
      url: '/api/v1/settings/auth.throttle',
      payload: { value: { ...cur.value, sourceFreeFailures: 10 }, version: cur.version },
    });
    expect(saved.statusCode).toBe(200);
    const sprayer = '192.0.2.77';
    for (let i = 0; i < 10; i++) await attempt(`nobody${i}`, 'guess', sprayer);
    const r = await attempt('agent7', TEST_PASSWORD, sprayer);
    expect(r.statusCode).toBe(429);
    expect((await attempt('agent7', TEST_PASSWORD, '192.0.2.78')).statusCode).toBe(200);
    await ta.runtime.outbox.idle();
    await ta.runtime.outbox.drain();
    const titles = (await listForUser(ta.t.db, adminId, { limit: 200 })).map((n) => n.title ?? '');
    expect(titles.filter((t) => t.includes(sprayer))).toHaveLength(1);
    await fail('ghost-account', 5, '192.0.2.90'); // delayed like any account, but alerts nobody
    expect((await attempt('ghost-account', 'x', '192.0.2.90')).statusCode).toBe(429);
    await ta.runtime.outbox.idle();
    await ta.runtime.outbox.drain();
    const later = (await listForUser(ta.t.db, adminId, { limit: 200 })).map((n) => n.title ?? '');
    expect(later.some((t) => t.includes('ghost-account') || t.includes('nobody'))).toBe(false);
  });

  it('the users page shows the delay; an administrator unlocks the account (audited)', async () => {
    await fail('agent7', 5, '203.0.113.50');
    const admin = await login(ta.app, 'root1', TEST_PASSWORD);
    const users = (await admin.req({ url: '/api/v1/users' })).json();
    const row = users.items.find((u: { username: string }) => u.username === 'agent7');
    expect(row.signIn).toMatchObject({ sources: expect.any(Number) });
    expect(row.signIn.failures).toBeGreaterThanOrEqual(5);
    expect(row.signIn.blockedUntil).not.toBeNull();

    await createUser(ta.t, { username: 'agent8', roles: ['agent'] });
    const forbidden = await (
      await login(ta.app, 'agent8')
    ).req({
      method: 'POST',
      url: `/api/v1/users/${row.id}/unlock`,
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ code: 'auth.forbidden', params: { permission: 'user:manage' } });

    const unlocked = await admin.req({ method: 'POST', url: `/api/v1/users/${row.id}/unlock` });
    expect(unlocked.statusCode).toBe(204);
    expect((await attempt('agent7', TEST_PASSWORD, '203.0.113.50')).statusCode).toBe(200);
    const after = (await admin.req({ url: '/api/v1/users' })).json();
    expect(after.items.find((u: { username: string }) => u.username === 'agent7').signIn).toBeNull();
    const audit = (await admin.req({ url: `/api/v1/audit?streamType=user&streamId=${row.id}` })).json();
    expect(audit.items[0]).toMatchObject({ type: 'user.unlocked', actorKind: 'user' });
  });

  it('unlocking an unknown user is a 404 and changes nothing', async () => {
    const admin = await login(ta.app, 'root1', TEST_PASSWORD);
    const res = await admin.req({ method: 'POST', url: '/api/v1/users/nope/unlock' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'resource.not_found', params: { resource: 'user' } });
  });

  it('failures are forgotten after the quiet period', async () => {
    await fail('agent7', 4, '203.0.113.60');
    clock.advance(24 * 3_600_000);
    await fail('agent7', 4, '203.0.113.60');
    expect((await attempt('agent7', TEST_PASSWORD, '203.0.113.60')).statusCode).toBe(200);
  });
});
