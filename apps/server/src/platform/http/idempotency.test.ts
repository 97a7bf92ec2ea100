import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/harness.ts';
import { ManualClock } from '../clock/index.ts';
import { DomainError } from './errors.ts';
import { IdempotencyStore, idempotencyKeyOf, requestHash } from './idempotency.ts';

let t: TestDb;
let clock: ManualClock;
let store: IdempotencyStore;
beforeAll(async () => {
  t = await createTestDb();
  clock = new ManualClock('2026-11-23T02:00:00Z');
  store = new IdempotencyStore(t.db, clock);
});
afterAll(async () => t?.drop());

const req = (key: string, body: unknown = { a: 1 }) => ({ actorId: 'u1', key, route: 'POST /x', body });

describe('idempotency store', () => {
  it('runs once per key and replays the stored answer', async () => {
    let runs = 0;
    const work = async () => ({ status: 201, body: { n: ++runs } });
    expect(await store.run(req('key-00001'), work)).toEqual({ status: 201, body: { n: 1 }, replayed: false });
    expect(await store.run(req('key-00001'), work)).toEqual({ status: 201, body: { n: 1 }, replayed: true });
    expect(runs).toBe(1);
    // Keys are per actor.
    expect((await store.run({ ...req('key-00001'), actorId: 'u2' }, work)).body).toEqual({ n: 2 });
  });

  it('refuses the same key with another body, and hashes bodies independent of key order', async () => {
    await store.run(req('key-00002', { a: 1, b: 2 }), async () => ({ status: 200, body: {} }));
    expect(
      (await store.run(req('key-00002', { b: 2, a: 1 }), async () => ({ status: 500, body: {} }))).replayed,
    ).toBe(true);
    await expect(
      store.run(req('key-00002', { a: 2 }), async () => ({ status: 200, body: {} })),
    ).rejects.toMatchObject({
      code: 'idempotency.key_reused',
    });
    expect(requestHash('r', { a: 1, b: [1, { c: 2, d: 3 }] })).toBe(
      requestHash('r', { b: [1, { d: 3, c: 2 }], a: 1 }),
    );
  });

  it('answers a concurrent duplicate with in_progress; a failure frees the key', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const first = store.run(req('key-00003'), async () => {
      started();
      await gate;
      return { status: 200, body: { ok: true } };
    });
    await running;
    await expect(store.run(req('key-00003'), async () => ({ status: 200, body: {} }))).rejects.toMatchObject({
      code: 'idempotency.in_progress',
    });
    release();
    expect((await first).body).toEqual({ ok: true });

    await expect(
      store.run(req('key-00004'), async () => {
        throw new DomainError('resource.conflict', 'no');
      }),
    ).rejects.toBeInstanceOf(DomainError);
    expect(
      (await store.run(req('key-00004'), async () => ({ status: 200, body: { again: true } }))).body,
    ).toEqual({
      again: true,
    });
  });

  it('requires a well-formed header', () => {
    expect(() => idempotencyKeyOf({})).toThrow(DomainError);
    expect(() => idempotencyKeyOf({ 'idempotency-key': 'short' })).toThrow(/8–100/);
    expect(() => idempotencyKeyOf({ 'idempotency-key': 'x'.repeat(101) })).toThrow(/8–100/);
    expect(idempotencyKeyOf({ 'idempotency-key': '0c9e2a4e-1b7f-4f6e-9c1d-2f0b8f6a9e11' })).toHaveLength(36);
  });
});
