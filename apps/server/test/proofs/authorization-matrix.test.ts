/**
 * Authorization matrix, generated from the route table: every role of the seeded role set × every
 * data scope (plus two portal customers and an anonymous caller) × every registered route, on a
 * world with two outlets and two customers. Expectations come from the route's declared
 * permission and the contracts' DEFAULT_ROLE_PERMISSIONS, not from the server's answers:
 * - not permitted → 401/403/404 with nothing of the other outlet or customer in the answer;
 * - permitted with data scope `all` → never 401/403;
 * - permitted with a narrower scope → may be 403/404 for records out of scope, but never an
 *   answer that carries the other outlet's or customer's data;
 * - never a 5xx; every route declares a permission, and `public` ones are listed below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATA_SCOPES,
  DEFAULT_ROLE_PERMISSIONS,
  ROLES,
  type DataScope,
  type Permission,
  type Role,
} from '@anxin/contracts';
import { IdentityRepository } from '../../src/modules/identity/index.ts';
import type { RouteEntry } from '../../src/platform/http/route-permissions.ts';
import { createBody, forceState, seedRefs, type Refs } from '../factories/workorders.ts';
import { startWorld, type World } from '../factories/world.ts';
import { makePortalUser } from '../factories/customers.ts';

/** Routes anyone may call; a new public route must be added here on purpose. */
const PUBLIC_ROUTES = new Set([
  'GET /healthz',
  'GET /readyz',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'POST /api/v1/portal/otp',
  'POST /api/v1/portal/session',
  'GET /api/v1/public/ratings/:token',
  'POST /api/v1/public/ratings/:token',
  // 明码标价: the paid-service price list is published to everyone.
  'GET /api/v1/portal/price-list',
  // The sign-in page's session probe: who is signed in, or null (never another user's data).
  'GET /api/v1/auth/session',
  // The check behind a warranty card's QR code: non-personal facts behind an unguessable token.
  'GET /api/v1/cards/verify/:token',
  // Self-service (知识库自助): public articles, guided troubleshooting and how the visit ended.
  'GET /api/v1/portal/knowledge/search',
  'GET /api/v1/portal/knowledge/articles/:id',
  'POST /api/v1/portal/knowledge/sessions',
  'POST /api/v1/portal/knowledge/sessions/:id/outcome',
  // Manuals and videos of public published articles only (anything else is a 404).
  'GET /api/v1/portal/knowledge/files/:id',
  // Device intake (设备预警): no session and no CSRF; the route checks its own credential, a device
  // token (see DEVICE_ROUTES).
  'POST /api/v1/telemetry/readings',
  // Call platform webhook (来电弹屏): no session and no CSRF; the route checks its own credential,
  // the HMAC signature of the shared secret (see DEVICE_ROUTES).
  'POST /api/v1/telephony/events',
  // A brand's webhook to the outlet's inbox (品牌消息推送): no session and no CSRF; the route checks
  // the Standard Webhooks signature of the connection's secret (see DEVICE_ROUTES).
  'POST /api/v1/brand-inbox/hooks/:id',
]);

/**
 * Public to the session layer but guarded by a credential of their own (a device token, a webhook
 * signature): every caller of this matrix, holding none, must be refused with 401.
 */
const DEVICE_ROUTES = new Set([
  'POST /api/v1/telemetry/readings',
  'POST /api/v1/telephony/events',
  'POST /api/v1/brand-inbox/hooks/:id',
]);

/** Routes only callers of one data scope may use: any other scope gets a refusal, never a 2xx. */
const SCOPE_BOUND: Record<string, DataScope> = {
  // The order pool (抢单) is an outlet's view: an outlet takes orders, nobody else.
  'GET /api/v1/dispatch/pool': 'outlet',
  'POST /api/v1/dispatch/pool/:orderId/claim': 'outlet',
};

/**
 * Known gaps, found by this matrix and owned by another module: each entry must still produce a
 * violation (the list may only shrink), and only of the kind written here.
 */
const KNOWN_GAPS: Record<string, string> = {};

const LANES = 4;

// Monday 10:00 in Shanghai.
const NOW = '2026-11-23T02:00:00.000Z';

interface Caller {
  name: string;
  kind: 'staff' | 'customer' | 'anonymous';
  scope: DataScope | null;
  permissions: ReadonlySet<Permission>;
  cookie: string | null;
  csrf: string | null;
  /** Strings that must not appear in any answer to this caller (the other outlet's, customer's data). */
  foreign: string[];
}

interface Case {
  caller: string;
  route: string;
  status: number;
  problem: string;
}

let w: World;
let refs: Refs;
let callers: Caller[];
const ids: Record<string, string> = {};

/** Order A: customer 1 at outlet A (Guangzhou); order B: customer 2 at outlet B (Shanghai). */
async function twoOutletsTwoCustomers(): Promise<void> {
  refs = await seedRefs(w);
  const agent = await w.as(await w.user('agent'));
  const a = (await agent.send('POST', '/api/v1/work-orders', createBody(refs))).body.order;
  const b = (await agent.send('POST', '/api/v1/work-orders', createBody(refs))).body.order;
  await forceState(w, a.id, { status: 'assigned', outlet_id: refs.outletA, technician_id: refs.techA.id });
  await forceState(w, b.id, {
    status: 'assigned',
    outlet_id: refs.outletB,
    technician_id: refs.techB.id,
    customer_id: refs.vipCustomerId,
    district_code: '310101',
  } as never);
  await w.db.db
    .updateTable('customers')
    .set({ district_code: '310101' } as never)
    .where('id', '=', refs.vipCustomerId)
    .execute();
  const numberB = await w.db.db
    .selectFrom('work_orders')
    .select('number')
    .where('id', '=', b.id)
    .executeTakeFirstOrThrow();
  Object.assign(ids, { orderA: a.id, orderB: b.id, numberB: numberB.number });
}

async function session(userId: string): Promise<{ cookie: string; csrf: string }> {
  const auth = w.built.modules.identity.auth;
  const record = (await new IdentityRepository(w.db.db).findUserById(userId))!;
  const { sessionId, actor } = await auth.openSession(record, await auth.policy(), {
    ip: null,
    userAgent: 'proofs',
  });
  return { cookie: `anxin_sid=${sessionId}`, csrf: actor.csrfToken! };
}

async function staffCaller(role: Role, scope: DataScope): Promise<Caller> {
  const u =
    role === 'technician' && scope === 'own'
      ? refs.techA.user
      : await w.user(role, {
          scope,
          outletId: scope === 'outlet' ? refs.outletA : null,
          regions: scope === 'region' ? ['440000'] : [],
        });
  const foreign = scope === 'all' ? [] : [ids.orderB!, ids.numberB!, refs.outletB, refs.vipCustomerId];
  return {
    name: `${role}/${scope}`,
    kind: 'staff',
    scope,
    permissions: new Set(DEFAULT_ROLE_PERMISSIONS[role]),
    ...(await session(u.id)),
    foreign,
  };
}

async function customerCaller(customerId: string, foreign: string[]): Promise<Caller> {
  const id = await makePortalUser(w.db, customerId, w.clock.now().toISOString());
  return {
    name: `customer ${customerId === refs.customerId ? 1 : 2}`,
    kind: 'customer',
    scope: null,
    permissions: new Set(),
    ...(await session(id)),
    foreign,
  };
}

/** Path parameters point at the *other* side's records where the route names one. */
function fill(url: string): string {
  return url.replace(/:(\w+)/g, (_m, name: string) => {
    if (['orderId'].includes(name)) return ids.orderB!;
    if (name === 'outletId') return refs.outletB;
    if (name === 'productId') return refs.productId;
    if (name !== 'id') return `x-${name}`;
    if (/\/(work-orders|orders|field\/jobs|portal\/orders)\/:id/.test(url)) return ids.orderB!;
    if (url.includes('/customers/:id')) return refs.vipCustomerId;
    if (url.includes('/outlets/:id')) return refs.outletB;
    if (url.includes('/technicians/:id')) return refs.techB.id;
    return 'x-id';
  });
}

function permitted(c: Caller, r: RouteEntry): boolean {
  switch (r.permission) {
    case 'public':
      return true;
    case 'authenticated':
      return c.kind !== 'anonymous';
    case 'customer':
      return c.kind === 'customer';
    default:
      return c.kind === 'staff' && c.permissions.has(r.permission!);
  }
}

/** Sign-out last, so it does not end the caller's session for the routes after it. */
const byLogoutLast = (a: RouteEntry, b: RouteEntry) =>
  Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout'));

async function call(c: Caller, r: RouteEntry) {
  const write = !['GET', 'HEAD', 'OPTIONS'].includes(r.method);
  const res = await w.built.app.inject({
    method: r.method as 'GET',
    url: fill(r.url),
    headers: {
      ...(c.cookie ? { cookie: c.cookie } : {}),
      ...(write && c.csrf ? { 'x-csrf-token': c.csrf } : {}),
    },
    ...(write && r.method !== 'DELETE' ? { payload: {} } : {}),
  });
  return { status: res.statusCode, body: res.body };
}

function judge(c: Caller, r: RouteEntry, status: number, body: string): string | null {
  if (status >= 500) return 'server error';
  // A refusal may echo what the caller sent (the id in the path); an answer may echo nothing foreign.
  const sent = status >= 400 ? fill(r.url) : '';
  const leaked = c.foreign.find((f) => !sent.includes(f) && body.includes(f));
  if (leaked) return `answer carries foreign data ${leaked}`;
  if (DEVICE_ROUTES.has(`${r.method} ${r.url}`))
    return status === 401 ? null : 'device route answered without a device token';
  if (!permitted(c, r)) return [401, 403, 404].includes(status) ? null : 'not denied';
  const bound = SCOPE_BOUND[`${r.method} ${r.url}`];
  if (bound && c.scope !== bound) return status < 300 ? 'answered outside its scope' : null;
  if (c.scope === 'all' && [401, 403].includes(status)) return 'permitted but refused';
  if (c.kind !== 'anonymous' && status === 401) return 'permitted but unauthenticated';
  return null;
}

beforeAll(async () => {
  w = await startWorld(NOW);
  await twoOutletsTwoCustomers();
  callers = [];
  for (const role of ROLES) for (const scope of DATA_SCOPES) callers.push(await staffCaller(role, scope));
  const two = [ids.orderB!, ids.numberB!, refs.vipCustomerId, refs.outletB];
  callers.push(await customerCaller(refs.customerId, two));
  callers.push(await customerCaller(refs.vipCustomerId, [ids.orderA!, refs.customerId, refs.outletA]));
  callers.push({
    name: 'anonymous',
    kind: 'anonymous',
    scope: null,
    permissions: new Set(),
    cookie: null,
    csrf: null,
    foreign: [ids.orderA!, ids.orderB!, refs.customerId, refs.vipCustomerId],
  });
}, 120_000);
afterAll(async () => w?.close());

const routesUnderTest = () =>
  w.built.routes.filter((r) => !r.url.startsWith('/docs') && r.url !== '*' && r.method !== 'HEAD');

describe('authorization matrix', () => {
  it('every route declares a permission; public ones are on the explicit list', () => {
    const undeclared = routesUnderTest().filter((r) => !r.permission);
    expect(undeclared.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    const publicRoutes = routesUnderTest()
      .filter((r) => r.permission === 'public')
      .map((r) => `${r.method} ${r.url}`);
    expect(publicRoutes.filter((r) => !PUBLIC_ROUTES.has(r))).toEqual([]);
  });

  it('every caller × every route: denied means 401/403/404, allowed is not refused, nothing leaks', async () => {
    const routes = routesUnderTest().sort(byLogoutLast);
    const violations: Case[] = [];
    let cases = 0;
    // A few callers at a time: PostgreSQL answers one while the next request is prepared.
    const lane = async (mine: Caller[]) => {
      for (const c of mine) {
        for (const r of routes) {
          const { status, body } = await call(c, r);
          cases++;
          const problem = judge(c, r, status, body);
          if (problem) violations.push({ caller: c.name, route: `${r.method} ${r.url}`, status, problem });
        }
      }
    };
    await Promise.all(
      Array.from({ length: LANES }, (_, i) => lane(callers.filter((_c, j) => j % LANES === i))),
    );
    const known = (v: Case) =>
      KNOWN_GAPS[v.route] !== undefined && v.problem.startsWith(KNOWN_GAPS[v.route]!);
    process.stdout.write(
      `authorization matrix: ${callers.length} callers × ${routes.length} routes = ${cases} cases, ` +
        `${violations.filter((v) => !known(v)).length} violations (${violations.filter(known).length} in known gaps)\n`,
    );
    const stale = Object.keys(KNOWN_GAPS).filter((route) => !violations.some((v) => v.route === route));
    expect(stale, 'known gaps that no longer occur: remove them').toEqual([]);
    const fresh = violations.filter((v) => !known(v));
    expect(fresh.map((v) => `${v.caller} ${v.route} → ${v.status}: ${v.problem}`)).toEqual([]);
  }, 240_000);
});
