import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCustomer } from '../../../test/factories/customers.ts';
import { startWorld, type Client, type World } from '../../../test/factories/workorders.ts';

/**
 * Today is 2026-06-20 (Shanghai). Customers in district 650102 (nobody else's) make the contact
 * list; one of them opted out of outreach before any event.
 */
let w: World;
let quality: Client;
let agent: Client;
let tech: Client;
const P = '/api/v1/community';
const ids: Record<string, string> = {};
let phoneSeq = 0;

async function person(key: string, district = '650102') {
  const phone = `137${String(++phoneSeq).padStart(8, '0')}`;
  ids[key] = await makeCustomer(w.db, {
    name: `客户${key}`,
    phone,
    district,
    at: w.clock.now().toISOString(),
  });
  return ids[key];
}
const listFilter = {
  filters: {
    purchasedWithinDays: null,
    warrantyEndingWithinDays: null,
    noContactForDays: null,
    regionCode: '650102',
  },
};

async function referral(phone: string, over: Record<string, unknown> = {}) {
  return agent.send('POST', `${P}/referrals`, {
    referrerId: ids.referrer,
    name: '王先生',
    phone,
    regionCode: '440106',
    interestCategory: 'AC',
    channel: 'phone',
    ...over,
  });
}
const step = async (id: string, body: Record<string, unknown>) => {
  const cur = (await agent.get(`${P}/referrals/${id}`)).body;
  return agent.send('POST', `${P}/referrals/${id}/status`, { version: cur.version, ...body });
};

async function event(capacity: number, title = '空调保养讲座') {
  const r = await quality.send('POST', `${P}/events`, {
    title,
    kind: 'seminar',
    startsAt: '2026-06-25T06:00:00.000Z',
    place: '天河门店二楼',
    regionCode: '440106',
    capacity,
  });
  expect(r.status).toBe(201);
  return r.body as { id: string; version: number };
}
async function stepEvent(id: string, to: string) {
  const cur = (await quality.get(`${P}/events/${id}`)).body;
  return quality.send('POST', `${P}/events/${id}/status`, { to, version: cur.version });
}
const eventRows = (type: string) =>
  w.db.db.selectFrom('events').select(['stream_id', 'data']).where('type', '=', type).execute();

beforeAll(async () => {
  w = await startWorld('2026-06-20T04:00:00.000Z');
  quality = await w.as(await w.user('quality'));
  agent = await w.as(await w.user('agent'));
  tech = await w.as(await w.user('technician'));
  await person('referrer');
  await person('a');
  await person('b');
  await person('c');
  await person('optedOut');
  const r = await quality.send('PUT', `/api/v1/campaigns/opt-outs/${ids.optedOut}`, {
    reason: '不希望被打扰',
  });
  expect(r.status).toBe(200);
});
afterAll(async () => {
  await w?.runtime.outbox.idle();
  await w?.close();
});

describe('referrals', () => {
  it('records a referral with a number; the same phone again is a 409 naming that number', async () => {
    const r = await referral('13800000001', { reward: true });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      status: 'draft',
      referrerName: '客户referrer',
      reward: true,
      rewardText: '推荐成交赠送一次免费保养',
      version: 1,
    });
    expect(r.body.number).toMatch(/^ZJ\d{8}-\d{4}$/);
    const dup = await referral('13800000001', { name: '别人' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('community.referral_duplicate');
    expect(dup.body.params).toEqual({ number: r.body.number });
    const rows = await w.db.db
      .selectFrom('referrals')
      .select('id')
      .where('phone', '=', '13800000001')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('goes draft → contacted → converted with the customer record; no skipping, no moving after', async () => {
    const r = (await referral('13800000002')).body;
    const skip = await step(r.id, { to: 'converted', customerId: ids.a });
    expect(skip.status).toBe(409);
    expect(skip.body.code).toBe('community.referral_invalid_transition');
    expect((await step(r.id, { to: 'contacted' })).body.status).toBe('contacted');
    const bare = await step(r.id, { to: 'converted' });
    expect(bare.status).toBe(422);
    expect(bare.body.code).toBe('community.referral_conversion_required');
    const unknown = await step(r.id, { to: 'converted', contractId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(400);
    const done = await step(r.id, { to: 'converted', customerId: ids.a });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'converted', convertedCustomerId: ids.a, version: 3 });
    expect((await step(r.id, { to: 'lost', reason: 'x' })).status).toBe(409);
    const changes = (
      await w.db.db.selectFrom('events').select('type').where('stream_id', '=', r.id).execute()
    ).map((e) => e.type);
    expect(changes.sort()).toEqual([
      'community.referral_contacted',
      'community.referral_converted',
      'community.referral_recorded',
    ]);
  });

  it('needs a reason to lose a referral, and keeps it', async () => {
    const r = (await referral('13800000003')).body;
    const none = await step(r.id, { to: 'lost' });
    expect(none.status).toBe(422);
    expect(none.body.code).toBe('community.referral_reason_required');
    const lost = await step(r.id, { to: 'lost', reason: '已在别家购买' });
    expect(lost.body).toMatchObject({ status: 'lost', lostReason: '已在别家购买' });
  });

  it('shows per referrer how many were referred and converted; technicians may not read', async () => {
    const items = (await quality.get(`${P}/referrers`)).body.items;
    expect(items.find((i: { referrerId: string }) => i.referrerId === ids.referrer)).toMatchObject({
      referred: 3,
      converted: 1,
    });
    expect((await tech.get(`${P}/referrals`)).status).toBe(403);
    expect((await tech.send('POST', `${P}/events`, {})).status).toBe(403);
  });
});

describe('events', () => {
  it('invites from a campaigns list: opted-out customers never, counted; each invitation texted once', async () => {
    const e = await event(10);
    const r = await quality.send('POST', `${P}/events/${e.id}/invitations`, listFilter);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ invited: 4, excludedOptedOut: 1, alreadyInvited: 0 });
    const invited = (await quality.get(`${P}/events/${e.id}/invitations`)).body.items as {
      customerId: string;
    }[];
    expect(invited.map((i) => i.customerId)).not.toContain(ids.optedOut);
    expect(invited).toHaveLength(4);
    const again = await quality.send('POST', `${P}/events/${e.id}/invitations`, listFilter);
    expect(again.body).toEqual({ invited: 0, excludedOptedOut: 1, alreadyInvited: 4 });
    const sms = await w.db.db
      .selectFrom('outbox')
      .select('payload')
      .where('dedupe_key', 'like', 'community-invite:%')
      .where('payload', 'like', '%空调保养讲座%')
      .execute();
    expect(sms).toHaveLength(4);
  });

  it('registers from an invitation only while open, once per person; an opt-out from it keeps them off', async () => {
    const e = await event(10, '产品体验会');
    await quality.send('POST', `${P}/events/${e.id}/invitations`, listFilter);
    const inv = (await quality.get(`${P}/events/${e.id}/invitations`)).body.items as {
      id: string;
      customerId: string;
    }[];
    const early = await agent.send('POST', `${P}/events/${e.id}/registrations`, { invitationId: inv[0]!.id });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'community.event_not_open', params: { status: 'draft' } });
    expect((await stepEvent(e.id, 'open')).body.status).toBe('open');
    const ok = await agent.send('POST', `${P}/events/${e.id}/registrations`, { invitationId: inv[0]!.id });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ source: 'invitation', customerId: inv[0]!.customerId, attendedAt: null });
    const twice = await agent.send('POST', `${P}/events/${e.id}/registrations`, { invitationId: inv[0]!.id });
    expect(twice.body.code).toBe('community.already_registered');

    const out = await agent.send('POST', `${P}/events/${e.id}/invitations/${inv[1]!.id}/opt-out`, {
      reason: '不想再收到邀请',
    });
    expect(out.body.status).toBe('opted_out');
    const stored = await quality.get(`/api/v1/campaigns/opt-outs/${inv[1]!.customerId}`);
    expect(stored.body.optOut.reason).toBe('不想再收到邀请');
    const refused = await agent.send('POST', `${P}/events/${e.id}/registrations`, {
      invitationId: inv[1]!.id,
    });
    expect(refused.body.code).toBe('community.invitation_opted_out');
    const next = await event(5, '下一场');
    expect((await quality.send('POST', `${P}/events/${next.id}/invitations`, listFilter)).body).toEqual({
      invited: 3,
      excludedOptedOut: 2,
      alreadyInvited: 0,
    });
  });

  it('never registers more people than the capacity, even all at once', async () => {
    const e = await event(3, '保养培训');
    await stepEvent(e.id, 'open');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        agent.send('POST', `${P}/events/${e.id}/registrations`, {
          name: `来宾${i}`,
          phone: `1360000000${i}`,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(5);
    for (const r of refused)
      expect(r.body).toMatchObject({ code: 'community.event_full', params: { capacity: 3 } });
    const row = await w.db.db
      .selectFrom('community_events')
      .select('registered')
      .where('id', '=', e.id)
      .executeTakeFirstOrThrow();
    expect(Number(row.registered)).toBe(3);
    expect((await quality.get(`${P}/events/${e.id}/registrations`)).body.items).toHaveLength(3);
    expect((await eventRows('community.registered')).filter((x) => x.stream_id === e.id)).toHaveLength(3);
  });

  it('checks in at the door; the figures reconcile with the rows', async () => {
    const e = await event(5, '用户讲座');
    await stepEvent(e.id, 'open');
    const a = (
      await agent.send('POST', `${P}/events/${e.id}/registrations`, { name: '李女士', phone: '13500000001' })
    ).body;
    await agent.send('POST', `${P}/events/${e.id}/registrations`, { name: '赵先生', phone: '13500000002' });
    expect((await stepEvent(e.id, 'closed')).body.status).toBe('closed');
    const inA = await agent.send('POST', `${P}/events/${e.id}/registrations/${a.id}/check-in`);
    expect(inA.status).toBe(200);
    expect(inA.body.attendedAt).toBe('2026-06-20T04:00:00.000Z');
    expect((await agent.send('POST', `${P}/events/${e.id}/registrations/${a.id}/check-in`)).status).toBe(200);
    expect((await eventRows('community.checked_in')).filter((x) => x.stream_id === e.id)).toHaveLength(1);
    expect((await stepEvent(e.id, 'done')).body.status).toBe('done');
    expect((await agent.send('POST', `${P}/events/${e.id}/registrations/${a.id}/check-in`)).status).toBe(409);
    expect((await stepEvent(e.id, 'open')).body.code).toBe('community.event_invalid_transition');

    const f = (await quality.get(`${P}/figures?from=2026-06-01&to=2026-06-30`)).body;
    const [inv, reg, att, refs, conv] = await Promise.all([
      w.db.db
        .selectFrom('event_invitations')
        .select((x) => x.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      w.db.db
        .selectFrom('event_registrations')
        .select((x) => x.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      w.db.db
        .selectFrom('event_registrations')
        .select((x) => x.fn.countAll<number>().as('n'))
        .where('attended_at', 'is not', null)
        .executeTakeFirstOrThrow(),
      w.db.db
        .selectFrom('referrals')
        .select((x) => x.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      w.db.db
        .selectFrom('referrals')
        .select((x) => x.fn.countAll<number>().as('n'))
        .where('status', '=', 'converted')
        .executeTakeFirstOrThrow(),
    ]);
    expect(f.events).toMatchObject({
      invited: Number(inv.n),
      registered: Number(reg.n),
      attended: Number(att.n),
      attendanceRate: Math.round((Number(att.n) / Number(reg.n)) * 10_000) / 10_000,
    });
    expect(f.events.attended).toBe(1);
    expect(f.referrals).toEqual({ count: Number(refs.n), converted: Number(conv.n), conversionRate: 0.3333 });
    expect(f.byPeriod).toEqual([{ period: '2026-06', count: 3, converted: 1, conversionRate: 0.3333 }]);
    expect(f.byReferrer[0]).toMatchObject({
      referrerId: ids.referrer,
      referrerName: '客户referrer',
      referred: 3,
    });
    const outside = (await quality.get(`${P}/figures?from=2026-07-01&to=2026-07-31`)).body;
    expect(outside.referrals.count).toBe(0);
    expect(outside.events.attendanceRate).toBeNull();
  });
});
