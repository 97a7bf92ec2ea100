import { describe, expect, it } from 'vitest';
import { idempotencyKeyOf, outcomeOf, requestFor, retryDelaySeconds } from './remote.ts';
import { sortOrders } from './sort.ts';

describe('brand answers in the terms of an action', () => {
  it('keeps an Anxin problem code and parameters, retries only transient answers', () => {
    expect(outcomeOf('b.example', 200, { ok: 1 })).toEqual({ kind: 'ok', status: 200, body: { ok: 1 } });
    const conflict = outcomeOf('b.example', 409, { code: 'resource.version_conflict', params: { id: 'x' } });
    expect(conflict).toEqual({
      kind: 'refused',
      problem: { code: 'resource.version_conflict', params: { id: 'x' }, status: 409 },
    });
    expect(outcomeOf('b.example', 503, null).kind).toBe('retry');
    expect(outcomeOf('b.example', 401, { code: 'auth.unauthenticated' })).toMatchObject({
      kind: 'refused',
      problem: { code: 'brandinbox.remote_unauthorized', params: { host: 'b.example' } },
    });
    expect(outcomeOf('b.example', 418, '<html>')).toMatchObject({
      problem: { code: 'brandinbox.remote_error', params: { host: 'b.example', status: 418 } },
    });
  });

  it('doubles the wait between retries up to a cap', () => {
    expect([1, 2, 3].map((n) => retryDelaySeconds(30, n))).toEqual([30, 60, 120]);
    expect(retryDelaySeconds(30, 40)).toBe(6 * 3600);
  });

  it('builds the same call and key for every retry of one action', () => {
    const target = { remoteId: 'o1', offerId: 'f1', version: 4 };
    expect(requestFor('accept', {}, target)).toEqual({
      method: 'POST',
      path: '/api/v1/dispatch/offers/f1/accept',
      body: {},
    });
    const w = { start: '2026-11-23T06:00:00.000Z', end: '2026-11-23T08:00:00.000Z' };
    expect(requestFor('schedule', { technicianId: 't1', appointment: w }, target).body).toEqual({
      to: 'scheduled',
      version: 4,
      data: { technicianId: 't1', appointment: w },
    });
    expect(idempotencyKeyOf('a1')).toBe(idempotencyKeyOf('a1'));
  });

  it('sorts by window with missing windows last, stable by id', () => {
    const rows = [
      { id: 'b', status: 'scheduled', window_start: null, remote_created_at: '2' },
      { id: 'a', status: 'dispatched_outlet', window_start: '2026-11-24', remote_created_at: '1' },
      { id: 'c', status: 'outlet_accepted', window_start: '2026-11-23', remote_created_at: '3' },
    ];
    expect(sortOrders(rows, 'window').map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(sortOrders(rows, 'status').map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(sortOrders(rows, '-created').map((r) => r.id)).toEqual(['c', 'b', 'a']);
  });
});
