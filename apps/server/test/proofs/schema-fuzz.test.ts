/**
 * Schema-driven fuzzing of every JSON route: bodies, path parameters and query strings generated
 * from the route's schema (the OpenAPI document built from its zod schemas) with wrong types,
 * missing fields, huge strings, NUL, lone surrogates, negative and huge numbers, extra fields and
 * deep nesting. No answer may be a 5xx, and a refused request (4xx) must leave the database as it
 * was (no row of any table inserted, updated or deleted). Seeded, so every run sends the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { IdentityRepository } from '../../src/modules/identity/index.ts';
import type { RouteEntry } from '../../src/platform/http/route-permissions.ts';
import { createBody, forceState, seedRefs, type Refs } from '../factories/workorders.ts';
import { startWorld, type World } from '../factories/world.ts';
import { makePortalUser } from '../factories/customers.ts';
import { changedTables, fingerprinter } from './fingerprint.ts';
import { bodyCases, pick, PARAM_VALUES, seeded, type BodyCase, type JsonSchema } from './fuzz-cases.ts';

// Monday 10:00 in Shanghai.
const NOW = '2026-11-23T02:00:00.000Z';
const SEED = 20261123;
const BODY_CASES_PER_ROUTE = 16;
const QUERY_CASES_PER_ROUTE = 6;
const PATH_CASES_PER_ROUTE = 6;

/** Sign-out ends the fuzzing session; it has no input to fuzz. */
const SKIPPED = new Set(['POST /api/v1/auth/logout']);
/**
 * Refusals that count by design (failed sign-ins and one-time codes feed the lock-out and the
 * attempt caps): fuzzed for 5xx, not for an unchanged database.
 */
const COUNTS_ATTEMPTS = new Set([
  'POST /api/v1/auth/login',
  'POST /api/v1/portal/otp',
  'POST /api/v1/portal/session',
]);
/** Touched by every authenticated request (last seen), not by the request's own effect. */
const TOUCHED_BY_EVERY_REQUEST = ['sessions'];

interface OpenApiOp {
  parameters?: { in: 'path' | 'query'; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

interface Caller {
  cookie: string;
  csrf: string;
}

let w: World;
let refs: Refs;
let orderId: string;
let admin: Caller;
let customer: Caller;
let fingerprint: () => Promise<string>;

async function session(userId: string): Promise<Caller> {
  const auth = w.built.modules.identity.auth;
  const record = (await new IdentityRepository(w.db.db).findUserById(userId))!;
  const { sessionId, actor } = await auth.openSession(record, await auth.policy(), {
    ip: null,
    userAgent: 'fuzz',
  });
  return { cookie: `anxin_sid=${sessionId}`, csrf: actor.csrfToken! };
}

const customerUser = (customerId: string): Promise<string> => makePortalUser(w.db, customerId, NOW);

/** Real records behind path parameters, so the fuzzed request reaches past the look-up. */
function fill(url: string): string {
  return url.replace(/:(\w+)/g, (_m, name: string) => {
    if (name === 'orderId' || /\/(work-orders|orders|field\/jobs|portal\/orders)\/:id/.test(url))
      return orderId;
    if (name === 'outletId' || url.includes('/outlets/:id')) return refs.outletA;
    if (name === 'productId') return refs.productId;
    if (url.includes('/customers/:id')) return refs.customerId;
    if (url.includes('/technicians/:id')) return refs.techA.id;
    return `x-${name}`;
  });
}

interface Probe {
  label: string;
  opts: InjectOptions;
}

function bodyProbe(r: RouteEntry, c: BodyCase): Probe {
  const payload = c.raw ?? JSON.stringify(c.body);
  return {
    label: `body ${c.label}`,
    opts: {
      method: r.method as 'POST',
      url: fill(r.url),
      payload,
      headers: { 'content-type': 'application/json' },
    },
  };
}

function paramProbes(r: RouteEntry, op: OpenApiOp, rnd: () => number): Probe[] {
  const names = [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const all = names.flatMap((name) =>
    PARAM_VALUES.map(([what, v]) => ({
      label: `path ${name} ${what}`,
      opts: {
        method: r.method as 'GET',
        url: fill(r.url.replace(`:${name}`, v || '%20')),
        ...(op.requestBody?.content?.['application/json'] ? { payload: {} } : {}),
      },
    })),
  );
  return pick(all, rnd, PATH_CASES_PER_ROUTE);
}

function queryProbes(r: RouteEntry, op: OpenApiOp, rnd: () => number): Probe[] {
  const names = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const all = names.flatMap((name) => [
    ...PARAM_VALUES.map(([what, v]): [string, string] => [`query ${name} ${what}`, `${name}=${v}`]),
    [`query ${name} repeated`, `${name}=1&${name}=2`] as [string, string],
  ]);
  all.push(['query unknown name', 'unexpectedParam=1'], ['query NUL name', 'a%00=1']);
  return pick(all, rnd, QUERY_CASES_PER_ROUTE).map(([label, q]) => ({
    label,
    opts: { method: r.method as 'GET', url: `${fill(r.url)}?${q}` },
  }));
}

function probesFor(r: RouteEntry, op: OpenApiOp, rnd: () => number): Probe[] {
  const json = op.requestBody?.content?.['application/json']?.schema;
  return [
    ...(json ? bodyCases(json, rnd, BODY_CASES_PER_ROUTE).map((c) => bodyProbe(r, c)) : []),
    ...paramProbes(r, op, rnd),
    ...queryProbes(r, op, rnd),
  ];
}

async function send(caller: Caller, p: Probe) {
  const write = p.opts.method !== 'GET';
  return w.built.app.inject({
    ...p.opts,
    headers: {
      ...(p.opts.headers ?? {}),
      cookie: caller.cookie,
      ...(write ? { 'x-csrf-token': caller.csrf } : {}),
    },
  });
}

beforeAll(async () => {
  w = await startWorld(NOW, { loginRatePerMinute: 1_000_000 });
  refs = await seedRefs(w);
  const agent = await w.as(await w.user('agent'));
  orderId = (await agent.send('POST', '/api/v1/work-orders', createBody(refs))).body.order.id;
  await forceState(w, orderId, { outlet_id: refs.outletA, technician_id: refs.techA.id });
  admin = await session((await w.user('admin')).id);
  customer = await session(await customerUser(refs.customerId));
  fingerprint = await fingerprinter(w.db.db, w.db.dialect, TOUCHED_BY_EVERY_REQUEST);
}, 120_000);
afterAll(async () => w?.close());

describe('schema-driven fuzzing', () => {
  it('the fingerprint sees a write (so an unchanged one means something)', async () => {
    const before = await fingerprint();
    const res = await send(admin, {
      label: 'customer',
      opts: {
        method: 'POST',
        url: '/api/v1/customers',
        payload: { name: '赵六', phones: [{ phone: '13700000009' }] },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(changedTables(before, await fingerprint())).toEqual(
      expect.arrayContaining(['customers', 'events']),
    );
  });

  it('no 5xx, and a refused request changes nothing', async () => {
    const doc = (
      w.built.app as unknown as { swagger(): { paths: Record<string, Record<string, OpenApiOp>> } }
    ).swagger();
    const rnd = seeded(SEED);
    const routes = w.built.routes.filter(
      (r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && !SKIPPED.has(`${r.method} ${r.url}`),
    );
    const failures: string[] = [];
    let cases = 0;
    let refused = 0;
    for (const r of routes) {
      const op = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()] ?? {};
      const caller = r.permission === 'customer' ? customer : admin;
      // One fingerprint per request: a refusal must leave the state the request before left.
      const checkState = !COUNTS_ATTEMPTS.has(`${r.method} ${r.url}`);
      // An accepted request's outbox drain runs after its response: let it finish before taking a
      // fingerprint, or its writes would be charged to the next (refused) request.
      await w.runtime.outbox.idle();
      let state = checkState ? await fingerprint() : '';
      for (const p of probesFor(r, op, rnd)) {
        const res = await send(caller, p);
        cases++;
        const where = `${r.method} ${r.url} [${p.label}] → ${res.statusCode}`;
        if (res.statusCode >= 500) failures.push(`${where}: ${res.body.slice(0, 200)}`);
        const wasRefused = res.statusCode >= 400 && res.statusCode < 500;
        if (wasRefused) refused++;
        if (!checkState) continue;
        await w.runtime.outbox.idle();
        const after = await fingerprint();
        const changed = changedTables(state, after);
        if (wasRefused && changed.length)
          failures.push(`${where}: refused but changed ${changed.join(', ')}`);
        state = after;
      }
    }
    process.stdout.write(
      `schema fuzzing: ${routes.length} routes, ${cases} cases (${refused} refused), ${failures.length} failures\n`,
    );
    expect(failures).toEqual([]);
    // ~4,400 requests: well under a minute on a quiet machine, minutes on a loaded one (the
    // fingerprint is one small read, see fingerprint.ts, so the time is the requests' own).
  }, 900_000);
});
