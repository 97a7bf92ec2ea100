import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRefs, startWorld, type Client, type World } from '../../../test/factories/workorders.ts';
import type { TestUser } from '../../../test/factories/world.ts';
import { checkSignature, signTelephony } from './domain/signature.ts';
import { callRecordOf } from './domain/record.ts';

const SECRET = 'test-telephony-secret';
let w: World;
let admin: Client;
let manager: Client;
let agentA: TestUser;
let agentB: TestUser;
let asA: Client;
let asB: Client;

/** Posts an event as the call platform: signed with `secret` at `ts` (seconds), no session. */
async function post(body: unknown, opts: { secret?: string; ts?: number; signature?: string } = {}) {
  const raw = JSON.stringify(body);
  const ts = String(opts.ts ?? Math.floor(w.clock.now().getTime() / 1000));
  const r = await w.built.app.inject({
    method: 'POST',
    url: '/api/v1/telephony/events',
    headers: {
      'content-type': 'application/json',
      'x-telephony-timestamp': ts,
      'x-telephony-signature': opts.signature ?? signTelephony(opts.secret ?? SECRET, ts, raw),
    },
    payload: raw,
  });
  return { status: r.statusCode, body: JSON.parse(r.body), type: String(r.headers['content-type']) };
}

const eventCount = async () =>
  Number(
    (
      await w.db.db
        .selectFrom('telephony_events')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const ringing = (callId: string, from: string, agent: string | null) => ({
  kind: 'ringing',
  callId,
  from,
  agent,
  at: w.clock.now().toISOString(),
});

beforeAll(async () => {
  // 2026-06-20 12:00 in Shanghai.
  w = await startWorld('2026-06-20T04:00:00.000Z');
  await seedRefs(w);
  admin = await w.as(await w.user('admin'));
  manager = await w.as(await w.user('manager'));
  agentA = await w.user('agent');
  agentB = await w.user('agent');
  asA = await w.as(agentA);
  asB = await w.as(agentB);
  const cur = await admin.get('/api/v1/settings/telephony.policy');
  const put = await admin.send('PUT', '/api/v1/settings/telephony.policy', {
    version: cur.body.version,
    value: { ...cur.body.value, secret: SECRET, untargetedToAll: false },
  });
  expect(put.status).toBe(200);
});
afterAll(() => w.close());

describe('signature', () => {
  it('is checked on the raw body: a good one passes, a wrong, stale or missing one is 401 problem+json', async () => {
    const body = ringing('sig-1', '13812345678', null);
    const bad = await post(body, { secret: 'other' });
    expect(bad.status).toBe(401);
    expect(bad.type).toContain('application/problem+json');
    expect(bad.body.code).toBe('auth.invalid_token');
    const stale = await post(body, { ts: Math.floor(w.clock.now().getTime() / 1000) - 301 });
    expect(stale.status).toBe(401);
    const none = await post(body, { signature: '' });
    expect(none.status).toBe(401);
    expect(await eventCount()).toBe(0);
    const good = await post(body);
    expect(good.status).toBe(200);
    expect(good.body).toEqual({ stored: true });
  });

  it('refuses everything while no secret is set, and compares in full (pure)', () => {
    const b = Buffer.from('{}');
    const sig = signTelephony('s', '100', b);
    expect(checkSignature('', 300, 100_000, '100', sig, b)).toBe('no_secret');
    expect(checkSignature('s', 300, 100_000, '100', sig, b)).toBe('ok');
    expect(checkSignature('s', 300, 100_000, '100', sig.slice(0, -1), b)).toBe('mismatch');
    expect(checkSignature('s', 300, 500_000, '100', sig, b)).toBe('stale');
    expect(checkSignature('s', 300, 100_000, 'x', sig, b)).toBe('missing');
  });
});

describe('events', () => {
  it('are idempotent by (callId, kind) and refuse bad input with 400, storing nothing', async () => {
    const before = await eventCount();
    const body = ringing('idem-1', '13900000001', agentA.username);
    expect((await post(body)).body).toEqual({ stored: true });
    expect((await post(body)).body).toEqual({ stored: false });
    const unknownAgent = await post(ringing('idem-2', '13900000001', 'nobody-here'));
    expect(unknownAgent.status).toBe(400);
    expect(unknownAgent.type).toContain('application/problem+json');
    const badKind = await post({ kind: 'transferred', callId: 'idem-3', at: w.clock.now().toISOString() });
    expect(badKind.status).toBe(400);
    const talkAbandoned = await post({
      kind: 'ended',
      callId: 'idem-1',
      at: w.clock.now().toISOString(),
      waitSeconds: 10,
      talkSeconds: 5,
      abandoned: true,
    });
    expect(talkAbandoned.status).toBe(400);
    expect(await eventCount()).toBe(before + 1);
    const typed = await w.db.db
      .selectFrom('events')
      .select('type')
      .where('stream_id', '=', 'idem-1')
      .execute();
    expect(typed.map((e) => e.type)).toEqual(['telephony.ringing']);
  });

  it('pop a ringing call on the targeted agent only, with the caller matched by phone, until it ends', async () => {
    await post(ringing('pop-1', '13812345678', agentA.username));
    await post(ringing('pop-2', '13700000002', agentA.username));
    const a = await asA.get('/api/v1/telephony/incoming');
    expect(a.status).toBe(200);
    const pop1 = a.body.items.find((c: { callId: string }) => c.callId === 'pop-1');
    expect(pop1).toMatchObject({ fromNumber: '13812345678', state: 'ringing', customer: { name: '王小明' } });
    const pop2 = a.body.items.find((c: { callId: string }) => c.callId === 'pop-2');
    expect(pop2.customer).toBeNull();
    const b = await asB.get('/api/v1/telephony/incoming');
    expect(b.body.items.map((c: { callId: string }) => c.callId)).not.toContain('pop-1');
    expect((await manager.get('/api/v1/telephony/incoming')).status).toBe(403);

    await post({ kind: 'answered', callId: 'pop-1', at: w.clock.now().toISOString() });
    const answered = await asA.get('/api/v1/telephony/incoming');
    expect(answered.body.items.find((c: { callId: string }) => c.callId === 'pop-1').state).toBe('answered');
    await post({
      kind: 'ended',
      callId: 'pop-1',
      at: w.clock.now().toISOString(),
      waitSeconds: 12,
      talkSeconds: 90,
      abandoned: false,
    });
    const after = await asA.get('/api/v1/telephony/incoming');
    expect(after.body.items.map((c: { callId: string }) => c.callId)).not.toContain('pop-1');
  });

  it('writes an ended call into the call records, so the call-centre figures count it once', async () => {
    const day = '2026-06-20';
    const figures = () => manager.get(`/api/v1/callcenter/figures?from=${day}&to=${day}`);
    const before = (await figures()).body.total;
    await post(ringing('fig-1', '13812345678', agentB.username));
    const ended = {
      kind: 'ended',
      callId: 'fig-1',
      at: w.clock.now().toISOString(),
      waitSeconds: 8,
      talkSeconds: 60,
      abandoned: false,
    };
    expect((await post(ended)).body).toEqual({ stored: true });
    expect((await post(ended)).body).toEqual({ stored: false });
    await post({
      kind: 'ended',
      callId: 'fig-2',
      at: w.clock.now().toISOString(),
      waitSeconds: 30,
      talkSeconds: 0,
      abandoned: true,
    });
    const after = (await figures()).body.total;
    expect(after.offered).toBe(before.offered + 2);
    expect(after.answered).toBe(before.answered + 1);
    expect(after.abandoned).toBe(before.abandoned + 1);
    const rec = await w.db.db
      .selectFrom('call_records')
      .selectAll()
      .where('external_id', '=', 'fig-1')
      .executeTakeFirstOrThrow();
    expect(rec).toMatchObject({
      source: 'telephony',
      caller_number: '13812345678',
      agent_user_id: agentB.id,
      wait_seconds: 8,
      talk_seconds: 60,
    });
  });

  it('counts an ended call back from its end by wait and talk (pure)', () => {
    const r = callRecordOf(
      {
        kind: 'ended',
        callId: 'x',
        at: '2026-06-20T04:00:00.000Z',
        waitSeconds: 10,
        talkSeconds: 50,
        abandoned: false,
      },
      null,
    );
    expect(r).toMatchObject({
      offeredAt: '2026-06-20T03:59:00.000Z',
      answeredAt: '2026-06-20T03:59:10.000Z',
      outcome: 'answered',
    });
  });
});

describe('click-to-call', () => {
  it('records the request for agents with the permission; others are refused', async () => {
    const r = await asA.send('POST', '/api/v1/telephony/calls', { number: '13812345678' });
    expect(r.status).toBe(202);
    const ev = await w.db.db
      .selectFrom('events')
      .select(['type', 'data'])
      .where('stream_id', '=', r.body.requestId)
      .executeTakeFirstOrThrow();
    expect(ev.type).toBe('telephony.outbound_requested');
    expect(String(ev.data)).toContain('5678');
    expect(String(ev.data)).not.toContain('13812345678');
    expect((await manager.send('POST', '/api/v1/telephony/calls', { number: '13812345678' })).status).toBe(
      403,
    );
    expect((await asA.send('POST', '/api/v1/telephony/calls', { number: 'call me' })).status).toBe(400);
  });
});
