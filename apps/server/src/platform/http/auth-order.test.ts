import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, userSession, type Session, type TestApp } from '../../../test/app.ts';

let ta: TestApp;
let warehouse: Session;
let agent: Session;

beforeAll(async () => {
  ta = await createTestApp();
  warehouse = await userSession(ta, { username: 'order_wh', roles: ['warehouse'] });
  agent = await userSession(ta, { username: 'order_agent', roles: ['agent'] });
});
afterAll(() => ta.close());

const BROKEN = '{"customerId": ';
const json = { 'content-type': 'application/json' };

describe('authenticate and authorise before the body is read', () => {
  it('an anonymous write with a broken body is 401, not 400', async () => {
    const res = await ta.app.inject({
      method: 'POST',
      url: '/api/v1/work-orders',
      headers: json,
      payload: BROKEN,
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.unauthenticated');
  });

  it('an anonymous write with a well-formed but invalid body is 401 as well', async () => {
    const res = await ta.app.inject({ method: 'POST', url: '/api/v1/work-orders', payload: { nonsense: 1 } });
    expect(res.statusCode).toBe(401);
  });

  it('a bad bearer token with a broken body reports the token, not the body', async () => {
    const res = await ta.app.inject({
      method: 'POST',
      url: '/api/v1/work-orders',
      headers: { ...json, authorization: 'Bearer axn_not-a-token' },
      payload: BROKEN,
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.invalid_token');
  });

  it('a signed-in user without the permission gets 403 whatever the body', async () => {
    const res = await warehouse.req({
      method: 'POST',
      url: '/api/v1/work-orders',
      headers: json,
      payload: BROKEN,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'auth.forbidden', params: { permission: 'workorder:create' } });
  });

  it('a cookie write without the CSRF token is 403 before its body is read', async () => {
    const res = await ta.app.inject({
      method: 'POST',
      url: '/api/v1/work-orders',
      headers: { ...json, cookie: agent.cookie },
      payload: BROKEN,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.csrf_failed');
  });

  it('with the permission and the token, the broken body is then a 400', async () => {
    const res = await agent.req({
      method: 'POST',
      url: '/api/v1/work-orders',
      headers: json,
      payload: BROKEN,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('request.malformed_json');
  });
});

describe('Cache-Control on personal answers', () => {
  it('/api/v1/me (which carries the CSRF token) is no-store', async () => {
    const res = await agent.req({ url: '/api/v1/me' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('protected answers are no-store, refusals included', async () => {
    expect((await agent.req({ url: '/api/v1/work-orders' })).headers['cache-control']).toBe('no-store');
    expect((await ta.app.inject({ url: '/api/v1/work-orders' })).headers['cache-control']).toBe('no-store');
  });

  it('the sign-in answer (session cookie and CSRF token) is no-store; public health is not', async () => {
    const s = await login(ta.app, 'order_agent');
    expect(s.csrf).toBeTruthy();
    const res = await ta.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'order_agent', password: 'test-pass-123' },
    });
    expect(res.headers['cache-control']).toBe('no-store');
    expect((await ta.app.inject({ url: '/healthz' })).headers['cache-control']).toBeUndefined();
  });
});
