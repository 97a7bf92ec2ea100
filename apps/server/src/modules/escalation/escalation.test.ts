import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/ids/index.ts';
import {
  createBody,
  forceState,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type TestUser,
  type World,
} from '../../../test/factories/workorders.ts';

let w: World;
let refs: Refs;
let agent: Client;
let dispatcher: Client;
let managerA: Client;
let managerB: Client;
let techA: Client;
let dealerUser: TestUser;
let dealer: Client;
let engineerUser: TestUser;
let engineer: Client;
let otherEngineer: Client;
let expertUser: TestUser;
let expert: Client;

const NOW = '2026-11-22T02:00:00Z';

/** A technician row (tier 2–4) with a user of the technician role. */
async function staffTechnician(tier: number, outletId: string | null, province: string | null) {
  const user = await w.user('technician');
  const at = w.clock.now().toISOString();
  await w.db.db
    .insertInto('technicians')
    .values({
      id: newId(),
      outlet_id: outletId,
      user_id: user.id,
      name: `T${tier}-${user.id.slice(-4)}`,
      phone: null,
      tier,
      province_code: province,
      start_lat: null,
      start_lng: null,
      active: 1,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  return user;
}

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  dispatcher = await w.as(await w.user('dispatcher'));
  managerA = await w.as(await w.user('outlet_manager', { outletId: refs.outletA }));
  managerB = await w.as(await w.user('outlet_manager', { outletId: refs.outletB }));
  techA = await w.as(refs.techA.user);
  // Outlet A reports to a dealer (the suspended outlet row stands in as the dealer's record).
  await w.db.db
    .updateTable('outlets')
    .set({ parent_id: refs.suspendedOutlet })
    .where('id', '=', refs.outletA)
    .execute();
  dealerUser = await w.user('outlet_manager', { outletId: refs.suspendedOutlet });
  dealer = await w.as(dealerUser);
  engineerUser = await staffTechnician(3, null, '44');
  engineer = await w.as(engineerUser);
  otherEngineer = await w.as(await staffTechnician(3, null, '31'));
  expertUser = await staffTechnician(4, null, null);
  expert = await w.as(expertUser);
});
afterAll(async () => w?.close());

/** An order at outlet A in `assigned`, technician A. */
async function assignedOrder() {
  const o = (await agent.send('POST', '/api/v1/work-orders', createBody(refs))).body.order;
  const version = await forceState(w, o.id, {
    status: 'assigned',
    outlet_id: refs.outletA,
    technician_id: refs.techA.id,
    technician_user_id: refs.techA.user.id,
  });
  return { id: o.id as string, number: o.number as string, version };
}

const escalate = (who: Client, id: string, body: Record<string, unknown>) =>
  who.send('POST', `/api/v1/work-orders/${id}/escalate`, body);
const tierOf = async (id: string) =>
  (
    await w.db.db
      .selectFrom('work_orders')
      .select(['escalation_tier', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).escalation_tier;
const listIds = async (c: Client) =>
  ((await c.get('/api/v1/work-orders?limit=200')).body.items as { id: string }[]).map((i) => i.id);

describe('manual escalation through the four tiers', () => {
  it('brings in dealer, provincial engineer and HQ expert, who then see and can escalate the order', async () => {
    const o = await assignedOrder();
    // Before: the dealer's manager and the engineer do not see the order.
    expect((await dealer.get(`/api/v1/work-orders/${o.id}`)).status).toBe(404);
    expect(await listIds(engineer)).not.toContain(o.id);

    const t2 = await escalate(techA, o.id, { reason: '多次维修未果', version: o.version });
    expect(t2.status).toBe(200);
    expect(t2.body).toMatchObject({ escalationTier: 2, version: o.version + 1 });
    const ev = t2.body.timeline.at(-1);
    expect(ev).toMatchObject({ type: 'workorder.escalated', reason: '多次维修未果' });
    expect(ev.data).toMatchObject({
      fromTier: 1,
      toTier: 2,
      assignee: { userId: dealerUser.id, role: 'dealer' },
    });
    // The dealer's manager is now a participant: detail and list, but not outlet B's manager.
    expect((await dealer.get(`/api/v1/work-orders/${o.id}`)).status).toBe(200);
    expect(await listIds(dealer)).toContain(o.id);
    expect((await managerB.get(`/api/v1/work-orders/${o.id}`)).status).toBe(404);
    const notice = await w.db.db
      .selectFrom('outbox')
      .select(['payload'])
      .where('topic', '=', 'escalation.notify_user')
      .execute();
    expect(notice.map((n) => JSON.parse(n.payload).userId)).toContain(dealerUser.id);

    // The participant escalates on to the provincial HQ engineer of Guangdong (44), not Shanghai's.
    const t3 = await escalate(dealer, o.id, { reason: '需要省级工程师', version: t2.body.version });
    expect(t3.status).toBe(200);
    expect(t3.body.escalationTier).toBe(3);
    expect(await listIds(engineer)).toContain(o.id);
    expect((await engineer.get(`/api/v1/work-orders/${o.id}`)).status).toBe(200);
    expect(await listIds(otherEngineer)).not.toContain(o.id);
    expect((await otherEngineer.get(`/api/v1/work-orders/${o.id}`)).status).toBe(404);

    const t4 = await escalate(engineer, o.id, { reason: '疑难故障', version: t3.body.version });
    expect(t4.status).toBe(200);
    expect(t4.body.escalationTier).toBe(4);
    expect((await expert.get(`/api/v1/work-orders/${o.id}`)).status).toBe(200);

    // Beyond tier 4: a rule, nothing changes.
    const t5 = await escalate(dispatcher, o.id, { reason: '再升级', version: t4.body.version });
    expect(t5.status).toBe(422);
    expect(t5.body.errors[0]).toMatchObject({
      path: 'escalationTier',
      rule: 'workorder.max_escalation_tier',
    });
    expect(t5.body.params).toEqual({ tier: 4 });
    expect(await tierOf(o.id)).toBe(4);

    const hist = await dealer.get(`/api/v1/work-orders/${o.id}/escalations`);
    expect(hist.status).toBe(200);
    expect(hist.body.tier).toBe(4);
    expect(
      hist.body.items.map(
        (e: { fromTier: number; toTier: number; auto: string; assignee: { role: string } }) => [
          e.fromTier,
          e.toTier,
          e.auto,
          e.assignee.role,
        ],
      ),
    ).toEqual([
      [1, 2, 'manual', 'dealer'],
      [2, 3, 'manual', 'field_engineer'],
      [3, 4, 'manual', 'expert'],
    ]);
    // Assignee names come from identity (userNames): the dealer's user is shown by its display name.
    expect(hist.body.items[0].assignee).toMatchObject({ userId: dealerUser.id, name: dealerUser.username });
    // Tier shows in list rows too.
    const row = (await dispatcher.get('/api/v1/work-orders?limit=200')).body.items.find(
      (i: { id: string }) => i.id === o.id,
    );
    expect(row.escalationTier).toBe(4);
  });

  it('prefers a tier-2 senior technician of the outlet to the dealer', async () => {
    const senior = await staffTechnician(2, refs.outletA, null);
    const o = await assignedOrder();
    const r = await escalate(managerA, o.id, { reason: '请资深师傅', version: o.version });
    expect(r.status).toBe(200);
    expect(r.body.timeline.at(-1).data.assignee).toMatchObject({ userId: senior.id, role: 'outlet_senior' });
    await w.db.db.updateTable('technicians').set({ active: 0 }).where('user_id', '=', senior.id).execute();
  });

  it('refuses bad input and other people, changing nothing', async () => {
    const o = await assignedOrder();
    const noReason = await escalate(techA, o.id, { version: o.version });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe('reason');
    const blank = await escalate(techA, o.id, { reason: '  ', version: o.version });
    expect(blank.status).toBe(400);
    const stale = await escalate(techA, o.id, { reason: '原因', version: o.version - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('resource.version_conflict');
    // Outlet B's manager: out of scope reads as absent.
    expect((await escalate(managerB, o.id, { reason: '原因', version: o.version })).status).toBe(404);
    expect((await managerB.get(`/api/v1/work-orders/${o.id}/escalations`)).status).toBe(404);
    // The agent sees the order but is not among those who escalate.
    const byAgent = await escalate(agent, o.id, { reason: '原因', version: o.version });
    expect(byAgent.status).toBe(403);
    expect(await tierOf(o.id)).toBe(1);
    const closed = await assignedOrder();
    const v = await forceState(w, closed.id, { status: 'closed' });
    const r = await escalate(dispatcher, closed.id, { reason: '原因', version: v });
    expect(r.status).toBe(422);
    expect(r.body.errors[0]).toMatchObject({ rule: 'workorder.escalation_not_allowed' });
  });
});

describe('automatic escalation', () => {
  it('escalates once per failed-repair request, however often it is delivered', async () => {
    const o = await assignedOrder();
    const esc = w.built.modules.escalation;
    const payload = { orderId: o.id, reason: '更换主板后仍不工作', technicianId: refs.techA.id };
    expect(await esc.onFailedRepair(payload, 'outbox-row-1')).toBe('escalated');
    expect(await esc.onFailedRepair(payload, 'outbox-row-1')).toBe('duplicate');
    expect(await tierOf(o.id)).toBe(2);
    const hist = (await dispatcher.get(`/api/v1/work-orders/${o.id}/escalations`)).body;
    expect(hist.items).toHaveLength(1);
    expect(hist.items[0]).toMatchObject({ auto: 'failed_repair', escalatedBy: null });
    const ev = (await dispatcher.get(`/api/v1/work-orders/${o.id}`)).body.timeline.at(-1);
    expect(ev).toMatchObject({ type: 'workorder.escalated', actorKind: 'system' });
  });

  it('escalates once per SLA breach raised by the sla.evaluate job', async () => {
    const o = await assignedOrder();
    const before = await tierOf(o.id);
    // Two weeks later every clock of the order has breached.
    w.clock.set('2026-12-06T02:00:00Z');
    try {
      await w.built.modules.sla.evaluateSlas();
      const breaches = await w.db.db
        .selectFrom('events')
        .select('id')
        .where('type', '=', 'sla.breached')
        .where('stream_id', '=', o.id)
        .execute();
      expect(breaches.length).toBeGreaterThan(0);
      const esc = w.built.modules.escalation;
      const first = await esc.sweepSlaBreaches();
      const again = await esc.sweepSlaBreaches();
      expect(again.escalated).toBe(0);
      const expected = Math.min(breaches.length, 4 - before);
      expect(await tierOf(o.id)).toBe(before + expected);
      const rows = await w.db.db
        .selectFrom('escalations')
        .select(['auto', 'trigger_ref'])
        .where('order_id', '=', o.id)
        .execute();
      expect(rows).toHaveLength(expected);
      expect(rows.every((r) => r.auto === 'sla_breach' && r.trigger_ref?.startsWith('sla:'))).toBe(true);
      expect(first.escalated).toBeGreaterThanOrEqual(expected);
    } finally {
      w.clock.set(NOW);
    }
  });
});
