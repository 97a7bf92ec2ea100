import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createUser,
  login,
  ManualClock,
  type Session,
  type TestApp,
} from '../../../test/app.ts';

let ta: TestApp;
const clock = new ManualClock('2026-11-20T02:00:00Z');
let admin: Session;
let agent: Session;

beforeAll(async () => {
  ta = await createTestApp({ clock });
  // Integrations are set up by more than administrators: agents may hold tokens here.
  await ta.t.db
    .insertInto('role_permissions')
    .values({ role: 'agent', permission: 'token:manage' })
    .execute();
  await createUser(ta.t, { username: 'tok_admin', roles: ['admin'] });
  await createUser(ta.t, { username: 'tok_agent', roles: ['agent'] });
  admin = await login(ta.app, 'tok_admin');
  agent = await login(ta.app, 'tok_agent');
});
afterAll(() => ta.close());

const inDays = (d: number) => new Date(clock.now().getTime() + d * 86_400_000).toISOString();

async function create(s: Session, permissions: string[], name = 'ERP', expiresAt = inDays(30)) {
  return s.req({ method: 'POST', url: '/api/v1/auth/tokens', payload: { name, permissions, expiresAt } });
}

async function tokenOf(
  s: Session,
  permissions: string[],
): Promise<{ id: string; bearer: { authorization: string } }> {
  const res = await create(s, permissions);
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id, bearer: { authorization: `Bearer ${res.json().token}` } };
}

const withToken = (
  bearer: { authorization: string },
  url: string,
  method: 'GET' | 'POST' = 'GET',
  payload?: object,
) => ta.app.inject({ method, url, headers: bearer, ...(payload ? { payload } : {}) });

describe('API tokens with scope', () => {
  it('is shown once, stored hashed, and acts only within the granted permissions', async () => {
    const res = await create(admin, ['customer:read', 'workorder:read']);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: 'ERP', permissions: ['customer:read', 'workorder:read'] });
    const { token, id } = res.json();
    const stored = await ta.t.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    const me = await withToken(bearer, '/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().permissions).toEqual(['customer:read', 'workorder:read']);
    expect((await withToken(bearer, '/api/v1/work-orders')).statusCode).toBe(200);
    const outside = await withToken(bearer, '/api/v1/roles');
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'auth.forbidden', params: { permission: 'role:read' } });
  });

  it('refuses a permission the creator does not hold, and token management, changing nothing', async () => {
    const before = (await agent.req({ url: '/api/v1/auth/tokens' })).json().items.length;
    const beyond = await create(agent, ['customer:read', 'role:manage']);
    expect(beyond.statusCode).toBe(422);
    expect(beyond.json()).toMatchObject({
      code: 'identity.token_scope_exceeded',
      params: { permission: 'role:manage' },
      errors: [{ path: 'permissions' }],
    });
    const meta = await create(admin, ['token:manage']);
    expect(meta.statusCode).toBe(422);
    expect(meta.json().code).toBe('identity.token_cannot_manage_tokens');
    expect((await agent.req({ url: '/api/v1/auth/tokens' })).json().items).toHaveLength(before);
  });

  it('needs a name, at least one permission and an expiry in the future', async () => {
    expect((await create(admin, [])).statusCode).toBe(400);
    const past = await create(admin, ['customer:read'], 'old', inDays(-1));
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0]).toMatchObject({ path: 'expiresAt', rule: 'in_future' });
    const noExpiry = await admin.req({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: 'x', permissions: ['customer:read'] },
    });
    expect(noExpiry.statusCode).toBe(400);
  });

  it('a token cannot create, list or revoke tokens, even one made by an administrator', async () => {
    const { bearer } = await tokenOf(admin, ['customer:read']);
    const res = await withToken(bearer, '/api/v1/auth/tokens', 'POST', {
      name: 'child',
      permissions: ['customer:read'],
      expiresAt: inDays(1),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'auth.forbidden', params: { permission: 'token:manage' } });
    expect((await withToken(bearer, '/api/v1/auth/tokens')).statusCode).toBe(403);
  });

  it('revoking stops the token at the next request', async () => {
    const { id, bearer } = await tokenOf(admin, ['customer:read']);
    expect((await withToken(bearer, '/api/v1/me')).statusCode).toBe(200);
    expect((await admin.req({ method: 'DELETE', url: `/api/v1/auth/tokens/${id}` })).statusCode).toBe(204);
    const after = await withToken(bearer, '/api/v1/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('auth.invalid_token');
  });

  it("disabling the owner stops the owner's tokens at once", async () => {
    const ownerId = await createUser(ta.t, { username: 'tok_leaver', roles: ['agent'] });
    const { bearer } = await tokenOf(await login(ta.app, 'tok_leaver'), ['customer:read']);
    expect((await withToken(bearer, '/api/v1/me')).statusCode).toBe(200);
    await ta.t.db.updateTable('users').set({ active: 0 }).where('id', '=', ownerId).execute();
    expect((await withToken(bearer, '/api/v1/me')).statusCode).toBe(401);
  });

  it('narrows with the owner: a permission the owner loses, the token loses too', async () => {
    const ownerId = await createUser(ta.t, { username: 'tok_mover', roles: ['agent'] });
    const { bearer } = await tokenOf(await login(ta.app, 'tok_mover'), ['customer:read', 'workorder:read']);
    await ta.t.db.deleteFrom('user_roles').where('user_id', '=', ownerId).execute();
    await ta.t.db.insertInto('user_roles').values({ user_id: ownerId, role: 'warehouse' }).execute();
    ta.modules.identity.auth.invalidatePermissionCache();
    const me = (await withToken(bearer, '/api/v1/me')).json();
    expect(me.permissions).not.toContain('customer:read');
  });

  it('the list shows permissions, expiry and last use (recorded at most once a minute)', async () => {
    const { id, bearer } = await tokenOf(admin, ['workorder:read']);
    const row = () =>
      admin
        .req({ url: '/api/v1/auth/tokens' })
        .then((r) => r.json().items.find((t: { id: string }) => t.id === id));
    expect(await row()).toMatchObject({ permissions: ['workorder:read'], lastUsedAt: null, revokedAt: null });
    const usedAt = clock.now().toISOString();
    await withToken(bearer, '/api/v1/me');
    expect((await row()).lastUsedAt).toBe(usedAt);
    clock.advance(2 * 60_000);
    await withToken(bearer, '/api/v1/me');
    expect((await row()).lastUsedAt).toBe(clock.now().toISOString());
  });
});
