import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createUser,
  login,
  ManualClock,
  TEST_PASSWORD,
  type TestApp,
} from '../../../test/app.ts';

let ta: TestApp;
const clock = new ManualClock('2026-11-20T02:00:00Z');

beforeAll(async () => {
  ta = await createTestApp({ clock });
  await createUser(ta.t, { username: 'admin1', roles: ['admin'] });
  await createUser(ta.t, { username: 'agent1', roles: ['agent'] });
  await createUser(ta.t, { username: 'wh1', roles: ['warehouse'] });
});
afterAll(() => ta.close());

const loginRaw = (username: string, password: string) =>
  ta.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('sign-in and sessions', () => {
  it('signs in, sets an HttpOnly SameSite cookie and returns /me with permissions', async () => {
    const res = await loginRaw('agent1', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'anxin_sid')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
    expect(res.json().roles).toEqual(['agent']);
    expect(res.json().permissions).toContain('workorder:create');
    const me = await ta.app.inject({ url: '/api/v1/me', headers: { cookie: `anxin_sid=${c.value}` } });
    expect(me.json().username).toBe('agent1');
  });

  it('the session probe answers 200 with nobody, the user once signed in, and is never cached', async () => {
    const anon = await ta.app.inject({ url: '/api/v1/auth/session' });
    expect(anon.statusCode).toBe(200);
    expect(anon.json()).toEqual({ me: null });
    expect(anon.headers['cache-control']).toBe('no-store');
    const stale = await ta.app.inject({ url: '/api/v1/auth/session', headers: { cookie: 'anxin_sid=nope' } });
    expect(stale.json()).toEqual({ me: null });
    const c = (await loginRaw('agent1', TEST_PASSWORD)).cookies.find((x) => x.name === 'anxin_sid')!;
    const me = await ta.app.inject({
      url: '/api/v1/auth/session',
      headers: { cookie: `anxin_sid=${c.value}` },
    });
    expect(me.json().me.username).toBe('agent1');
    expect(me.json().me.csrfToken).toEqual(expect.any(String));
  });

  it('rejects a wrong password with problem+json and no cookie', async () => {
    const res = await loginRaw('agent1', 'nope');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('auth.invalid_credentials');
    expect(res.cookies).toHaveLength(0);
  });

  it('unknown users get the same answer as wrong passwords', async () => {
    const res = await loginRaw('ghost', 'x');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.invalid_credentials');
  });

  it('an expired session answers 401 auth.session_expired', async () => {
    const s = await login(ta.app, 'agent1');
    clock.advance(13 * 3600_000);
    const res = await s.req({ url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.session_expired');
  });

  it('without a session, protected routes answer 401 auth.unauthenticated', async () => {
    const res = await ta.app.inject({ url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.unauthenticated');
  });

  it('logout ends the session', async () => {
    const s = await login(ta.app, 'agent1');
    expect((await s.req({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    expect((await s.req({ url: '/api/v1/me' })).statusCode).toBe(401);
  });
});

describe('CSRF on cookie-authenticated writes', () => {
  it('refuses a write without the token and changes nothing', async () => {
    const s = await login(ta.app, 'agent1');
    const res = await ta.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie: s.cookie },
      payload: { locale: 'en-US' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.csrf_failed');
    expect((await s.req({ url: '/api/v1/me' })).json().locale).toBe('zh-CN');
  });

  it('accepts the write with the token', async () => {
    const s = await login(ta.app, 'agent1');
    const res = await s.req({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'en-US' } });
    expect(res.statusCode).toBe(200);
    expect((await s.req({ url: '/api/v1/me' })).json().locale).toBe('en-US');
    await s.req({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'zh-CN' } });
  });
});

describe('permissions and roles as data', () => {
  it('a missing permission answers 403 auth.forbidden naming it', async () => {
    const s = await login(ta.app, 'wh1');
    const res = await s.req({ url: '/api/v1/roles' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'auth.forbidden', permission: 'role:read' });
  });

  it('admin edits a role, the change is audited and takes effect', async () => {
    const admin = await login(ta.app, 'admin1');
    const roles = (await admin.req({ url: '/api/v1/roles' })).json();
    const wh = roles.items.find((r: { role: string }) => r.role === 'warehouse');
    const res = await admin.req({
      method: 'PUT',
      url: '/api/v1/roles/warehouse/permissions',
      payload: { permissions: [...wh.permissions, 'role:read'] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().permissions).toContain('role:read');
    const audit = (await admin.req({ url: '/api/v1/audit?streamType=role&streamId=warehouse' })).json();
    expect(audit.items[0]).toMatchObject({ type: 'role.permissions_changed' });
    expect(audit.items[0].data.after).toContain('role:read');
    ta.modules.identity.auth.invalidatePermissionCache();
    const s = await login(ta.app, 'wh1');
    expect((await s.req({ url: '/api/v1/roles' })).statusCode).toBe(200);
  });

  it('rejects unknown permissions with the field path and changes nothing', async () => {
    const admin = await login(ta.app, 'admin1');
    const res = await admin.req({
      method: 'PUT',
      url: '/api/v1/roles/agent/permissions',
      payload: { permissions: ['ticket:fly'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('permissions.0');
    const roles = (await admin.req({ url: '/api/v1/roles' })).json();
    expect(roles.items.find((r: { role: string }) => r.role === 'agent').permissions).toContain(
      'workorder:create',
    );
  });

  it('refuses to lock a role out of everything or to leave nobody able to manage roles', async () => {
    const admin = await login(ta.app, 'admin1');
    const empty = await admin.req({
      method: 'PUT',
      url: '/api/v1/roles/agent/permissions',
      payload: { permissions: [] },
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json()).toMatchObject({ code: 'identity.role_lockout', params: { role: 'agent' } });
    const roles = (await admin.req({ url: '/api/v1/roles' })).json();
    const adminRole = roles.items.find((r: { role: string }) => r.role === 'admin');
    const lastAdmin = await admin.req({
      method: 'PUT',
      url: '/api/v1/roles/admin/permissions',
      payload: { permissions: adminRole.permissions.filter((p: string) => p !== 'role:manage') },
    });
    expect(lastAdmin.statusCode).toBe(422);
    expect(lastAdmin.json()).toMatchObject({
      code: 'identity.last_administrator',
      params: { permission: 'role:manage' },
    });
    const after = (await admin.req({ url: '/api/v1/roles' })).json();
    expect(after.items.find((r: { role: string }) => r.role === 'admin').permissions).toContain(
      'role:manage',
    );
    expect(after.items.find((r: { role: string }) => r.role === 'agent').permissions.length).toBeGreaterThan(
      0,
    );
  });
});
