import { describe, expect, it, vi } from 'vitest';
import { fieldWrite, flushQueue, pendingFor } from './api.ts';

const store = new Map<string, string>();
vi.stubGlobal('localStorage', {
  getItem: (k: string) => store.get(k) ?? null,
  setItem: (k: string, v: string) => void store.set(k, v),
  removeItem: (k: string) => void store.delete(k),
});

const ok = (body: object) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

describe('offline queue of field writes', () => {
  it('queues a write that fails for lack of network, keeps order, resends with the same keys', async () => {
    const sent: { url: string; key: string | null }[] = [];
    const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
      const key = (init.headers as Record<string, string>)['idempotency-key'] ?? null;
      if (fetchMock.mock.calls.length <= 1) throw new TypeError('Failed to fetch');
      sent.push({ url, key });
      return ok({ flags: [] });
    });
    vi.stubGlobal('fetch', fetchMock);

    expect(await fieldWrite('o1', 'depart', '/api/v1/field/jobs/o1/depart', {})).toEqual({ queued: true });
    // Network is back, but the earlier write is still queued: this one must wait behind it.
    expect(await fieldWrite('o1', 'arrive', '/api/v1/field/jobs/o1/arrive', { lat: 1, lng: 2 })).toEqual({
      queued: true,
    });
    const queued = pendingFor('o1');
    expect(queued.map((w) => w.action)).toEqual(['depart', 'arrive']);

    const r = await flushQueue();
    expect(r).toEqual({ sent: 2, refused: [] });
    expect(sent.map((s) => s.url)).toEqual(['/api/v1/field/jobs/o1/depart', '/api/v1/field/jobs/o1/arrive']);
    expect(sent.map((s) => s.key)).toEqual(queued.map((w) => w.key));
    expect(pendingFor('o1')).toEqual([]);
  });

  it('drops a queued write the server refuses and reports it', async () => {
    vi.stubGlobal(
      'fetch',
      vi
        .fn()
        .mockRejectedValueOnce(new TypeError('Failed to fetch'))
        .mockResolvedValueOnce(
          new Response(JSON.stringify({ status: 409, code: 'state.invalid_transition' }), {
            status: 409,
            headers: { 'content-type': 'application/problem+json' },
          }),
        ),
    );
    await fieldWrite('o2', 'start', '/api/v1/field/jobs/o2/start', {});
    const r = await flushQueue();
    expect(r.sent).toBe(0);
    expect(r.refused.map((x) => x.error.code)).toEqual(['state.invalid_transition']);
    expect(pendingFor('o2')).toEqual([]);
  });
});
