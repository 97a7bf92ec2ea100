import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/harness.ts';
import type { Actor } from '../auth/actor.ts';
import { ManualClock } from '../clock/index.ts';
import { DomainError } from './errors.ts';
import { IdempotencyStore } from './idempotency.ts';
import { registerIdempotentWrites } from './idempotent-writes.ts';
import { registerProblemHandlers } from './problem.ts';

let t: TestDb;
let app: FastifyInstance;
let runs = 0;

/** A bare app: the caller is named by `x-user`, and `x-token: 1` makes him an API token. */
async function build(db: TestDb['db']): Promise<FastifyInstance> {
  const a = Fastify();
  registerProblemHandlers(a);
  a.decorateRequest('actor', null);
  a.decorateRequest('viaCookie', false);
  a.addHook('onRequest', async (req) => {
    const user = req.headers['x-user'];
    if (typeof user === 'string') req.actor = { userId: user } as Actor;
    req.viaCookie = req.headers['x-token'] !== '1';
  });
  registerIdempotentWrites(a, new IdempotencyStore(db, new ManualClock('2026-12-07T02:00:00Z')));
  a.post('/things', async (req, reply) => {
    const body = req.body as { n: number };
    if (body.n < 0) throw new DomainError('resource.conflict', 'refused');
    return reply.code(201).send({ run: ++runs, n: body.n });
  });
  a.delete('/things/:id', async (_req, reply) => {
    runs++;
    return reply.code(204).send();
  });
  await a.ready();
  return a;
}

beforeAll(async () => {
  t = await createTestDb();
  app = await build(t.db);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const post = (n: number, headers: Record<string, string>) =>
  app.inject({ method: 'POST', url: '/things', payload: { n }, headers: { 'x-user': 'u1', ...headers } });

describe('idempotency on every write', () => {
  it('runs a keyed write once and replays its answer, per caller', async () => {
    const first = await post(1, { 'idempotency-key': 'write-000001' });
    const again = await post(1, { 'idempotency-key': 'write-000001' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await post(1, { 'idempotency-key': 'write-000001', 'x-user': 'u2' });
    expect(other.json().run).toBe(first.json().run + 1);
  });

  it('refuses the key with another body and changes nothing', async () => {
    await post(2, { 'idempotency-key': 'write-000002' });
    const before = runs;
    const reused = await post(3, { 'idempotency-key': 'write-000002' });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('idempotency.key_reused');
    expect(runs).toBe(before);
  });

  it('frees the key of a refused request so it can be retried', async () => {
    expect((await post(-1, { 'idempotency-key': 'write-000003' })).statusCode).toBe(409);
    // The same key with the same body runs again (nothing was kept), and is then kept.
    const retry = await post(-1, { 'idempotency-key': 'write-000003' });
    expect(retry.json().code).toBe('resource.conflict');
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
  });

  it('requires a key of an API token, not of a signed-in person', async () => {
    const person = await post(4, {});
    expect(person.statusCode).toBe(201);
    const token = await post(4, { 'x-token': '1' });
    expect(token.statusCode).toBe(400);
    expect(token.json().errors[0].path).toBe('headers.idempotency-key');
    expect((await post(4, { 'x-token': '1', 'idempotency-key': 'write-000004' })).statusCode).toBe(201);
  });

  it('replays an empty 204 answer as 204', async () => {
    const del = () =>
      app.inject({
        method: 'DELETE',
        url: '/things/a',
        headers: { 'x-user': 'u1', 'idempotency-key': 'write-000005' },
      });
    const before = runs;
    expect((await del()).statusCode).toBe(204);
    const again = await del();
    expect(again.statusCode).toBe(204);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(runs).toBe(before + 1);
  });
});
