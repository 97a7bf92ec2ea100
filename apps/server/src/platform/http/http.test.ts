import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createTestApp, createUser, TEST_PASSWORD, type TestApp } from '../../../test/app.ts';
import { loggerOptions, scrubText } from '../logging/index.ts';

let ta: TestApp;
beforeAll(async () => {
  ta = await createTestApp({ config: { bodyLimitBytes: 2048, loginRatePerMinute: 5 } });
  await createUser(ta.t, { username: 'agent1', roles: ['agent'] });
});
afterAll(() => ta.close());

describe('problem+json', () => {
  it('malformed JSON → 400 request.malformed_json', async () => {
    const res = await ta.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'request.malformed_json',
      status: 400,
      instance: '/api/v1/auth/login',
    });
    expect(res.json().requestId).toBe(res.headers['x-request-id']);
  });

  it('unknown fields → 400 request.unknown_field naming each field', async () => {
    const res = await ta.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'a', password: 'b', isAdmin: true },
    });
    expect(res.json()).toMatchObject({
      code: 'request.unknown_field',
      errors: [{ path: 'isAdmin', rule: 'unknown_field' }],
    });
  });

  it('a missing field and a wrong type → 400 with registered rules and their params', async () => {
    const res = await ta.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 5 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ path: 'username', rule: 'invalid_type', params: { expected: 'string' } }),
      expect.objectContaining({ path: 'password', rule: 'required' }),
    ]);
  });

  it('oversize bodies → 413 request.payload_too_large', async () => {
    const res = await ta.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'a', password: 'x'.repeat(5000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('request.payload_too_large');
  });

  it('unknown endpoints → 404 request.not_found', async () => {
    const res = await ta.app.inject({ url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('request.not_found');
  });

  it('wrong content type → 415', async () => {
    const res = await ta.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/x-foo' },
      payload: 'x',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('request.unsupported_media_type');
  });
});

describe('request ids, headers and health', () => {
  it('echoes a well-formed incoming request id and generates one otherwise', async () => {
    const a = await ta.app.inject({ url: '/healthz', headers: { 'x-request-id': 'lb-123' } });
    expect(a.headers['x-request-id']).toBe('lb-123');
    const b = await ta.app.inject({ url: '/healthz', headers: { 'x-request-id': 'bad id with spaces' } });
    expect(b.headers['x-request-id']).not.toBe('bad id with spaces');
  });

  it('sends security headers', async () => {
    const res = await ta.app.inject({ url: '/healthz' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('readyz reports ready, then draining during shutdown', async () => {
    expect((await ta.app.inject({ url: '/readyz' })).statusCode).toBe(200);
    ta.lifecycle.shuttingDown = true;
    expect((await ta.app.inject({ url: '/readyz' })).statusCode).toBe(503);
    ta.lifecycle.shuttingDown = false;
  });

  it('serves OpenAPI 3.1 at /docs/json with the routes', async () => {
    const res = await ta.app.inject({ url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/auth/login');
  });
});

describe('log redaction', () => {
  it('redacts phone, ID number and address keys and scrubs them from messages', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) });
    const log = pino(loggerOptions('info'), sink);
    log.info(
      {
        phone: '13812345678',
        customer: { idNumber: '11010519491231002X', address: '深圳市南山区科技园1号' },
      },
      'call from 13812345678',
    );
    const out = lines.join('');
    expect(out).not.toContain('13812345678');
    expect(out).not.toContain('11010519491231002X');
    expect(out).not.toContain('科技园');
    expect(scrubText('id 11010519491231002X tel 13912345678')).toBe('id [redacted] tel [redacted]');
  });
});

describe('login rate limit', () => {
  it('limits sign-in attempts per client', async () => {
    let last = 0;
    for (let i = 0; i < 6; i++) {
      last = (
        await ta.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: `x${i}`, password: 'y' },
          remoteAddress: '10.9.9.9',
        })
      ).statusCode;
    }
    expect(last).toBe(429);
    const other = await ta.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'agent1', password: TEST_PASSWORD },
      remoteAddress: '10.1.1.1',
    });
    expect(other.statusCode).toBe(200);
  });
});
