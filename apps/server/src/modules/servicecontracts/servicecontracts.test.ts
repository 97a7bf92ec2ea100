import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCustomer, makeProduct } from '../../../test/factories/customers.ts';
import {
  createBody,
  forceState,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';
import { VISIT_TOPIC } from './visits.ts';

let w: World;
let refs: Refs;
let manager: Client;
let agent: Client;
let finance: Client;
let tech: Client;
let dispatcher: Client;
let modelId: string;

const P = '/api/v1/service-contracts';
const body = (over: Record<string, unknown> = {}) => ({
  customerId: refs.customerId,
  kind: 'all_inclusive',
  coverage: { modelIds: [modelId] },
  startsOn: '2026-07-01',
  endsOn: '2027-06-30',
  slaTier: 'priority',
  visitQuota: 2,
  partsCovered: true,
  labourCovered: true,
  priceFen: 120001,
  billing: 'quarterly',
  ...over,
});

beforeAll(async () => {
  // 2026-06-20 12:00 in Shanghai.
  w = await startWorld('2026-06-20T04:00:00.000Z');
  refs = await seedRefs(w);
  modelId = (await w.db.db.selectFrom('product_models').select('id').executeTakeFirstOrThrow()).id;
  manager = await w.as(await w.user('manager'));
  agent = await w.as(await w.user('agent'));
  finance = await w.as(await w.user('finance'));
  dispatcher = await w.as(await w.user('dispatcher'));
  tech = await w.as(refs.techA.user);
});
afterAll(async () => {
  await w?.runtime.outbox.idle();
  await w?.close();
});

const settle = async () => {
  await w.runtime.outbox.idle();
  await w.runtime.outbox.drain();
};

/** A repair of the product by technician A, completed through the API (a visit done). */
async function completeOrder(productId = refs.productId, customerId = refs.customerId) {
  const created = await agent.send(
    'POST',
    '/api/v1/work-orders',
    createBody(refs, { productId, customerId }),
  );
  expect(created.status).toBe(201);
  const id = created.body.order.id as string;
  const version = await forceState(w, id, {
    status: 'in_progress',
    outlet_id: refs.outletA,
    technician_id: refs.techA.id,
    technician_user_id: refs.techA.user.id,
  });
  const done = await tech.send('POST', `/api/v1/work-orders/${id}/transitions`, { to: 'completed', version });
  expect(done.status).toBe(200);
  await settle();
  return { id, number: created.body.order.number as string };
}

describe('service contracts', () => {
  it('refuses bad contracts naming the field, and stores nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [body({ endsOn: '2026-06-30' }), 'endsOn'],
      [body({ customerId: 'nobody' }), 'customerId'],
      [body({ kind: 'other' }), 'kind'],
      [body({ priceFen: -1 }), 'priceFen'],
    ];
    for (const [b, path] of cases) {
      const r = await manager.send('POST', P, b);
      expect(r.status, path).toBe(400);
      expect(r.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await manager.get(P)).body.items).toEqual([]);
  });

  it('403 for roles without the permission; agents and finance read', async () => {
    expect((await tech.get(P)).status).toBe(403);
    expect((await dispatcher.get(P)).status).toBe(403);
    expect((await agent.get(P)).status).toBe(200);
    expect((await finance.get(P)).status).toBe(200);
    expect((await agent.send('POST', P, body())).status).toBe(403);
    expect((await finance.send('POST', `${P}/run`)).status).toBe(403);
  });

  it('creates a draft with its instalments, edits it, activates it and shows the entitlement', async () => {
    const c = await manager.send('POST', P, body());
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({
      status: 'draft',
      customerName: '王小明',
      responseHours: 8,
      visitsUsed: 0,
      version: 1,
    });
    expect(c.body.number).toMatch(/^HT20260620-\d{4}$/);
    expect(c.body.instalments.map((l: { amountFen: number }) => l.amountFen)).toEqual([
      30001, 30000, 30000, 30000,
    ]);
    // A draft covers nothing yet.
    const none = await agent.get(
      `${P}/entitlement?customerId=${refs.customerId}&productId=${refs.productId}`,
    );
    expect(none.body).toMatchObject({ covered: false, reason: 'no_contract', contract: null });

    const u = await manager.send('PUT', `${P}/${c.body.id}`, { ...body({ billing: 'annual' }), version: 1 });
    expect(u.status).toBe(200);
    expect(u.body.instalments).toHaveLength(1);
    expect((await manager.send('PUT', `${P}/${c.body.id}`, { ...body(), version: 1 })).status).toBe(409);

    const a = await manager.send('POST', `${P}/${c.body.id}/transition`, { to: 'active', version: 2 });
    expect(a.status).toBe(200);
    expect(a.body.status).toBe('active');
    // Active terms are fixed; activating twice is not a step of the machine.
    expect((await manager.send('PUT', `${P}/${c.body.id}`, { ...body(), version: 3 })).body.code).toBe(
      'servicecontract.not_editable',
    );
    expect(
      (await manager.send('POST', `${P}/${c.body.id}/transition`, { to: 'active', version: 3 })).body.code,
    ).toBe('servicecontract.invalid_transition');

    // Today (06-20) is before the first day; from 07-01 it covers, by id or by serial.
    const early = await agent.get(`${P}/entitlement?productId=${refs.productId}`);
    expect(early.body).toMatchObject({ covered: false, reason: 'not_started' });
    w.clock.set('2026-07-01T01:00:00.000Z');
    const serial = (
      await w.db.db
        .selectFrom('installed_products')
        .select('serial')
        .where('id', '=', refs.productId)
        .executeTakeFirstOrThrow()
    ).serial;
    const e = await agent.get(`${P}/entitlement?serial=${serial}`);
    expect(e.status).toBe(200);
    expect(e.body).toMatchObject({
      asOf: '2026-07-01',
      covered: true,
      reason: null,
      contract: {
        number: c.body.number,
        kind: 'all_inclusive',
        slaTier: 'priority',
        responseHours: 8,
        partsCovered: true,
        labourCovered: true,
        visitQuota: 2,
        visitsUsed: 0,
        visitsRemaining: 2,
        endsOn: '2027-06-30',
      },
    });
    // The product of another customer is refused by name.
    const other = await agent.get(
      `${P}/entitlement?customerId=${refs.vipCustomerId}&productId=${refs.productId}`,
    );
    expect(other.status).toBe(400);

    // Instalments: paid once.
    const line = u.body.instalments[0].id as string;
    expect((await finance.send('POST', `${P}/${c.body.id}/instalments/${line}/paid`)).status).toBe(403);
    const paid = await manager.send('POST', `${P}/${c.body.id}/instalments/${line}/paid`);
    expect(paid.status).toBe(200);
    expect(paid.body.instalments[0].paidAt).toBe('2026-07-01T01:00:00.000Z');
    expect((await manager.send('POST', `${P}/${c.body.id}/instalments/${line}/paid`)).body.code).toBe(
      'servicecontract.instalment_paid',
    );
  });

  it('counts a completed order against the quota exactly once, and says when the quota is used up', async () => {
    const [contract] = (await manager.get(`${P}?status=active`)).body.items;
    const first = await completeOrder();
    // Redelivery of the completion: nothing more is counted.
    const again = await w.built.modules.serviceContracts.countVisit({
      orderId: first.id,
      orderNumber: first.number,
      productId: refs.productId,
      visitedOn: '2026-07-01',
    });
    expect(again).toBe('already');
    const rows = await w.db.db
      .selectFrom('outbox')
      .select('dedupe_key')
      .where('topic', '=', VISIT_TOPIC)
      .execute();
    expect(rows.map((r) => r.dedupe_key)).toEqual([`${VISIT_TOPIC}:${first.id}`]);
    await completeOrder();
    const d = await agent.get(`${P}/${contract.id}`);
    expect(d.body.visitsUsed).toBe(2);
    expect(d.body.visits.map((v: { workOrderId: string }) => v.workOrderId)).toContain(first.id);
    expect(d.body.visits[0]).toMatchObject({ visitedOn: '2026-07-01', installedProductId: refs.productId });
    const e = await agent.get(`${P}/entitlement?productId=${refs.productId}`);
    expect(e.body).toMatchObject({ covered: false, reason: 'quota_used', contract: { visitsRemaining: 0 } });
    // A third visit is not covered and not counted.
    await completeOrder();
    expect((await agent.get(`${P}/${contract.id}`)).body.visitsUsed).toBe(2);
    // A product of another model of the customer is not covered.
    const at = w.clock.now().toISOString();
    const cat = await w.db.db
      .selectFrom('product_models')
      .select(['category_code'])
      .executeTakeFirstOrThrow();
    const otherModel = 'model-other';
    await w.db.db
      .insertInto('product_models')
      .values({
        ...(await w.db.db.selectFrom('product_models').selectAll().executeTakeFirstOrThrow()),
        id: otherModel,
        model_code: 'OTHER-1',
      })
      .execute();
    const p2 = await makeProduct(w.db, {
      customerId: refs.customerId,
      modelId: otherModel,
      categoryCode: cat.category_code,
      serial: 'SN-OTHER',
      at,
    });
    expect((await agent.get(`${P}/entitlement?productId=${p2}`)).body.reason).toBe('not_covered');
  });

  it('raises one renewal reminder per term, then expires the contract after its last day', async () => {
    const [contract] = (await manager.get(`${P}?status=active`)).body.items;
    const cu = await makeCustomer(w.db, {
      name: '赵六',
      phone: '13711112222',
      at: w.clock.now().toISOString(),
    });
    const draft = await manager.send('POST', P, body({ customerId: cu, endsOn: '2026-09-30', coverage: {} }));
    // 2027-05-31 is the 30th day before 06-30: the reminder is due.
    w.clock.set('2027-05-30T04:00:00.000Z');
    expect((await w.built.modules.serviceContracts.renewals()).reminded).toEqual([]);
    w.clock.set('2027-05-31T04:00:00.000Z');
    const [r1, r2] = await Promise.all([
      w.built.modules.serviceContracts.renewals(),
      w.built.modules.serviceContracts.renewals(),
    ]);
    expect([...r1.reminded, ...r2.reminded]).toEqual([contract.id]);
    const again = await manager.send('POST', `${P}/run`);
    expect(again.body).toMatchObject({ asOf: '2027-05-31', reminded: [], expired: [] });
    const reminders = (await agent.get(`${P}/reminders`)).body.items;
    expect(reminders).toMatchObject([
      { contractId: contract.id, endsOn: '2027-06-30', customerName: '王小明' },
    ]);
    expect((await agent.get(`${P}/${contract.id}`)).body.renewalDueOn).toBe('2027-06-30');
    const events = await w.db.db
      .selectFrom('events')
      .select('type')
      .where('stream_id', '=', contract.id)
      .where('type', '=', 'service_contract.renewal_due')
      .execute();
    expect(events).toHaveLength(1);
    expect((await manager.send('POST', `${P}/reminders/${reminders[0].id}/done`)).status).toBe(204);
    expect((await agent.get(`${P}/reminders`)).body.items).toEqual([]);
    // Closed: no second reminder for the same term.
    expect((await w.built.modules.serviceContracts.renewals()).reminded).toEqual([]);

    w.clock.set('2027-07-01T04:00:00.000Z');
    const run = await w.built.modules.serviceContracts.renewals();
    // The draft never expires (it was never in force); the active one does.
    expect(run.expired).toEqual([contract.id]);
    expect((await agent.get(`${P}/${contract.id}`)).body.status).toBe('expired');
    expect((await agent.get(`${P}/${draft.body.id}`)).body.status).toBe('draft');
    expect((await agent.get(`${P}/entitlement?productId=${refs.productId}`)).body.reason).toBe('expired');
    expect((await w.built.modules.serviceContracts.renewals()).expired).toEqual([]);
  });

  it('cancels a draft freely and an active contract with a reason; lists filter and search', async () => {
    const c = await manager.send('POST', P, body({ startsOn: '2027-07-01', endsOn: '2028-06-30' }));
    await manager.send('POST', `${P}/${c.body.id}/transition`, { to: 'active', version: 1 });
    const noReason = await manager.send('POST', `${P}/${c.body.id}/transition`, {
      to: 'cancelled',
      version: 2,
    });
    expect(noReason.status).toBe(400);
    const ok = await manager.send('POST', `${P}/${c.body.id}/transition`, {
      to: 'cancelled',
      version: 2,
      reason: '客户退订',
    });
    expect(ok.body.status).toBe('cancelled');
    expect((await agent.get(`${P}?status=cancelled`)).body.items.map((x: { id: string }) => x.id)).toEqual([
      c.body.id,
    ]);
    expect((await agent.get(`${P}?q=赵六`)).body.items).toHaveLength(1);
    expect((await agent.get(`${P}?q=${c.body.number}`)).body.items).toHaveLength(1);
  });
  it("sets a covered order's response clock from the contract tier, only ever tighter", async () => {
    // Last in the file: earlier tests count the active contracts; a day inside the term.
    w.clock.set('2026-08-03T04:00:00.000Z');
    const at = w.clock.now().toISOString();
    const model = await w.db.db
      .selectFrom('product_models')
      .select(['id', 'category_code'])
      .where('id', '=', modelId)
      .executeTakeFirstOrThrow();
    const customerWith = async (name: string, phone: string, tier: string | null) => {
      const cu = await makeCustomer(w.db, { name, phone, at });
      const p = await makeProduct(w.db, {
        customerId: cu,
        modelId,
        categoryCode: model.category_code,
        serial: `SN-${phone}`,
        at,
      });
      if (tier) {
        const c = await manager.send('POST', P, body({ customerId: cu, coverage: {}, slaTier: tier }));
        await manager.send('POST', `${P}/${c.body.id}/transition`, { to: 'active', version: 1 });
        return { cu, p, number: c.body.number as string };
      }
      return { cu, p, number: null };
    };
    const responseClock = async (customerId: string, productId: string, urgency = 'normal') => {
      const r = await agent.send(
        'POST',
        '/api/v1/work-orders',
        createBody(refs, { customerId, productId, urgency }),
      );
      expect(r.status).toBe(201);
      return w.db.db
        .selectFrom('sla_clocks')
        .select(['policy_id', 'mode', 'budget'])
        .where('order_id', '=', r.body.order.id)
        .where('metric', '=', 'response')
        .executeTakeFirstOrThrow();
    };
    // critical tier: 4 h (the policy's default) instead of the general 24 h
    const critical = await customerWith('孙七', '13722223333', 'critical');
    expect(await responseClock(critical.cu, critical.p)).toEqual({
      policy_id: `contract:${critical.number}`,
      mode: 'calendar',
      budget: 240,
    });
    // the standard tier promises 24 h, no tighter than the general policy: the policy stays
    const standard = await customerWith('周八', '13733334444', 'standard');
    expect(await responseClock(standard.cu, standard.p)).toMatchObject({
      policy_id: 'default',
      budget: 1440,
    });
    // a critical order under a priority (8 h) contract keeps its stricter 4 h
    const priority = await customerWith('吴九', '13744445555', 'priority');
    expect(await responseClock(priority.cu, priority.p)).toMatchObject({ budget: 480 });
    expect(await responseClock(priority.cu, priority.p, 'critical')).toMatchObject({
      policy_id: 'critical',
      budget: 240,
    });
    // no contract: the general policy
    const none = await customerWith('郑十', '13755556666', null);
    expect(await responseClock(none.cu, none.p)).toMatchObject({ policy_id: 'default', budget: 1440 });
  });
});
