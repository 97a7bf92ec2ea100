import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROBLEM_CONTENT_TYPE as CONTRACT_PROBLEM_TYPE } from '@anxin/contracts';
import {
  ApiError,
  PROBLEM_CONTENT_TYPE,
  api,
  buildUrl,
  loginPath,
  safeNextPath,
  setCsrfRefresher,
  setCsrfToken,
  setUnauthorizedHandler,
  toApiError,
} from './client.ts';

const problem = (status: number, body: object, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'x', status, ...body }), {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
  });

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

let fetchMock: ReturnType<typeof vi.fn>;
let redirected: string[];

beforeEach(() => {
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal('window', { location: { pathname: '/workorders', search: '?status=open', hash: '' } });
  redirected = [];
  setUnauthorizedHandler((url) => redirected.push(url));
  setCsrfToken(null);
  setCsrfRefresher(null);
});
afterEach(() => vi.unstubAllGlobals());

describe('toApiError', () => {
  it('uses the contracts media type', () => expect(PROBLEM_CONTENT_TYPE).toBe(CONTRACT_PROBLEM_TYPE));

  it('parses problem+json with field errors and request id', async () => {
    const err = await toApiError(
      problem(400, {
        code: 'request.validation_failed',
        title: 'Validation failed',
        detail: 'username: too short',
        requestId: 'req-1',
        params: { x: 1 },
        errors: [{ path: 'username', rule: 'too_small', params: { min: 3 }, message: 'Too short' }],
      }),
    );
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 400,
      code: 'request.validation_failed',
      title: 'Validation failed',
      detail: 'username: too short',
      requestId: 'req-1',
      params: { x: 1 },
      // The English message is dropped: the web words field errors from rule and params.
      errors: [{ path: 'username', rule: 'too_small', params: { min: 3 } }],
    });
    expect(err.errors[0]).not.toHaveProperty('message');
  });

  it('falls back to a code by status for non-problem bodies', async () => {
    const err = await toApiError(
      new Response('<html>Bad gateway</html>', { status: 502, headers: { 'x-request-id': 'r9' } }),
    );
    expect(err).toMatchObject({ status: 502, code: 'server.unavailable', errors: [], requestId: 'r9' });
    expect((await toApiError(new Response('', { status: 500 }))).code).toBe('server.internal');
    expect((await toApiError(new Response('', { status: 418 }))).code).toBe('client.unknown');
  });
});

describe('apiRequest', () => {
  it('sends JSON with same-origin credentials and no CSRF header on GET', async () => {
    setCsrfToken('tok');
    fetchMock.mockResolvedValue(json({ ok: true }));
    await expect(api.get('/api/v1/things', { q: 'a b', empty: '', ids: [1, 2] })).resolves.toEqual({
      ok: true,
    });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/things?q=a+b&ids=1&ids=2');
    expect(init.credentials).toBe('same-origin');
    expect(init.headers['x-csrf-token']).toBeUndefined();
  });

  it('sends the CSRF token on every non-GET request', async () => {
    setCsrfToken('tok-123');
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(api.post('/api/v1/auth/logout')).resolves.toBeUndefined();
    await api.patch('/api/v1/me', { locale: 'en-US' });
    await api.delete('/api/v1/x/1');
    for (const [, init] of fetchMock.mock.calls) expect(init.headers['x-csrf-token']).toBe('tok-123');
    expect(fetchMock.mock.calls[1]![1].body).toBe('{"locale":"en-US"}');
    expect(fetchMock.mock.calls[1]![1].headers['content-type']).toBe('application/json');
  });

  it('redirects to login on a 401, preserving the current path', async () => {
    fetchMock.mockResolvedValue(problem(401, { code: 'auth.session_expired' }));
    await expect(api.get('/api/v1/workorders')).rejects.toMatchObject({ code: 'auth.session_expired' });
    expect(redirected).toEqual(['/login?next=%2Fworkorders%3Fstatus%3Dopen&reason=expired']);
  });

  it('leaves a 401 to the caller when asked (login, session probe)', async () => {
    fetchMock.mockResolvedValue(problem(401, { code: 'auth.invalid_credentials' }));
    await expect(
      api.post('/api/v1/auth/login', { username: 'a', password: 'b' }, { allowUnauthenticated: true }),
    ).rejects.toMatchObject({ status: 401, code: 'auth.invalid_credentials' });
    expect(redirected).toEqual([]);
  });

  it('refreshes the CSRF token once and retries after auth.csrf_failed', async () => {
    setCsrfToken('old');
    setCsrfRefresher(async () => setCsrfToken('new'));
    fetchMock
      .mockResolvedValueOnce(problem(403, { code: 'auth.csrf_failed' }))
      .mockResolvedValueOnce(json({ done: 1 }));
    await expect(api.post('/api/v1/x', {})).resolves.toEqual({ done: 1 });
    expect(fetchMock.mock.calls.map(([, init]) => init.headers['x-csrf-token'])).toEqual(['old', 'new']);

    fetchMock.mockImplementation(async () => problem(403, { code: 'auth.csrf_failed' }));
    await expect(api.post('/api/v1/x', {})).rejects.toMatchObject({ code: 'auth.csrf_failed' });
  });

  it('turns a network failure into server.unavailable', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(api.get('/api/v1/me')).rejects.toMatchObject({ status: 0, code: 'server.unavailable' });
  });
});

describe('login redirect targets', () => {
  it('accepts only same-site paths', () => {
    expect(safeNextPath('/workorders?x=1')).toBe('/workorders?x=1');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('/login?next=/x')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });

  it('builds login URLs', () => {
    expect(loginPath('/')).toBe('/login');
    expect(loginPath('/settings/users', 'expired')).toBe('/login?next=%2Fsettings%2Fusers&reason=expired');
    expect(buildUrl('/a?x=1', { y: 2 })).toBe('/a?x=1&y=2');
  });
});
