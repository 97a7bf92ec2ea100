import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCatalog } from '../../../test/factories/catalog.ts';
import { makeCustomer, makeProduct } from '../../../test/factories/customers.ts';
import { startWorld, type Client, type World } from '../../../test/factories/workorders.ts';

/**
 * Today is 2026-06-20 (Shanghai). The population, one customer per rule edge: bought 10, 30 and
 * 31 days ago; warranty (12 months from the invoice) ending in 11, 30 and 31 days and yesterday;
 * one without products, one in Shanghai, one opted out, one without a phone.
 */
let w: World;
let quality: Client;
let agentA: Client;
let agentB: Client;
const ids: Record<string, string> = {};
let category = '';
let modelId = '';

const filters = (over: Record<string, unknown> = {}) => ({
  purchasedWithinDays: null,
  warrantyEndingWithinDays: null,
  noContactForDays: null,
  regionCode: null,
  ...over,
});
const questions = [
  { id: 'q1', kind: 'choice', text: '安装是否满意？', options: ['满意', '一般', '不满意'] },
  { id: 'q2', kind: 'rating', text: '服务评分' },
  { id: 'q3', kind: 'text', text: '其他建议', required: false },
];

async function person(key: string, purchaseDate: string | null, district = '440106') {
  const at = w.clock.now().toISOString();
  const phone = `139${String(Object.keys(ids).length).padStart(8, '0')}`;
  const id = await makeCustomer(w.db, { name: `客户${key}`, phone, district, at });
  if (purchaseDate)
    await makeProduct(w.db, {
      customerId: id,
      modelId,
      categoryCode: category,
      serial: `SN-${key}`,
      purchaseDate,
      at,
    });
  ids[key] = id;
  return id;
}

const names = (keys: string[]) => keys.map((k) => ids[k]).sort();

async function campaign(f: Record<string, unknown>, name = '回访') {
  const r = await quality.send('POST', '/api/v1/campaigns', {
    name,
    purpose: 'follow_up',
    script: '您好，这里是安心售后回访。',
    questions,
    filters: filters(f),
  });
  expect(r.status).toBe(201);
  return r.body as { id: string; version: number };
}

async function targetsOf(campaignId: string) {
  const rows = await w.db.db
    .selectFrom('campaign_targets')
    .select(['customer_id', 'status', 'attempts'])
    .where('campaign_id', '=', campaignId)
    .execute();
  return rows;
}

async function activate(id: string) {
  const c = await quality.get(`/api/v1/campaigns/${id}`);
  const r = await quality.send('POST', `/api/v1/campaigns/${id}/status`, {
    to: 'active',
    version: c.body.version,
  });
  expect(r.status).toBe(200);
}

beforeAll(async () => {
  w = await startWorld('2026-06-20T04:00:00.000Z');
  const cat = await makeCatalog(w.db, 'AC');
  category = cat.categoryCode;
  modelId = cat.modelId;
  quality = await w.as(await w.user('quality'));
  agentA = await w.as(await w.user('agent'));
  agentB = await w.as(await w.user('agent'));
  await person('bought10', '2026-06-10');
  await person('bought30', '2026-05-21');
  await person('bought31', '2026-05-20');
  await person('ends11', '2025-07-01');
  await person('ends30', '2025-07-20');
  await person('ends31', '2025-07-21');
  await person('endedYesterday', '2025-06-19');
  await person('noProduct', null);
  await person('shanghai', '2026-06-15', '310101');
  await person('optedOut', '2026-06-12');
  const phoneless = await person('phoneless', '2026-06-12');
  await w.db.db.deleteFrom('customer_phones').where('customer_id', '=', phoneless).execute();
  const r = await quality.send('PUT', `/api/v1/campaigns/opt-outs/${ids.optedOut}`, {
    reason: '不希望被打扰',
  });
  expect(r.status).toBe(200);
});
afterAll(() => w.close());

describe('call lists', () => {
  it('pick exactly the customers the filters name, never opted-out or phoneless ones', async () => {
    const preview = async (f: Record<string, unknown>) =>
      (await quality.send('POST', '/api/v1/campaigns/preview', filters(f))).body.count;
    expect(await preview({ purchasedWithinDays: 30 })).toBe(3);
    expect(await preview({ purchasedWithinDays: 30, regionCode: '440000' })).toBe(2);
    expect(await preview({ purchasedWithinDays: 30, regionCode: '310100' })).toBe(1);
    expect(await preview({ warrantyEndingWithinDays: 30 })).toBe(2);
    expect(await preview({})).toBe(9);

    const bought = await campaign({ purchasedWithinDays: 30 });
    expect((await quality.send('POST', `/api/v1/campaigns/${bought.id}/build`)).body).toEqual({
      added: 3,
      targets: 3,
    });
    expect((await targetsOf(bought.id)).map((t) => t.customer_id).sort()).toEqual(
      names(['bought10', 'bought30', 'shanghai']),
    );
    const ending = await campaign({ warrantyEndingWithinDays: 30, regionCode: '440106' });
    await quality.send('POST', `/api/v1/campaigns/${ending.id}/build`);
    expect((await targetsOf(ending.id)).map((t) => t.customer_id).sort()).toEqual(
      names(['ends11', 'ends30']),
    );
  });

  it('rebuilds without duplicates: only customers who newly match join', async () => {
    const c = await campaign({ purchasedWithinDays: 5, regionCode: '440106' });
    expect((await quality.send('POST', `/api/v1/campaigns/${c.id}/build`)).body).toEqual({
      added: 0,
      targets: 0,
    });
    await person('boughtToday', '2026-06-20');
    const first = await quality.send('POST', `/api/v1/campaigns/${c.id}/build`);
    expect(first.body).toEqual({ added: 1, targets: 1 });
    const again = await quality.send('POST', `/api/v1/campaigns/${c.id}/build`);
    expect(again.body).toEqual({ added: 0, targets: 1 });
    expect(await targetsOf(c.id)).toHaveLength(1);
  });

  it('an opt-out skips pending targets everywhere and keeps the customer off later lists', async () => {
    const c = await campaign({ warrantyEndingWithinDays: 30 }, 'opt-out');
    await quality.send('POST', `/api/v1/campaigns/${c.id}/build`);
    const r = await quality.send('PUT', `/api/v1/campaigns/opt-outs/${ids.ends11}`, { reason: '电话推销' });
    expect(r.status).toBe(200);
    expect(r.body.reason).toBe('电话推销');
    const rows = await targetsOf(c.id);
    expect(rows.find((t) => t.customer_id === ids.ends11)?.status).toBe('skipped');
    expect(rows.find((t) => t.customer_id === ids.ends30)?.status).toBe('pending');
    const later = await quality.send(
      'POST',
      '/api/v1/campaigns/preview',
      filters({ warrantyEndingWithinDays: 30 }),
    );
    expect(later.body.count).toBe(1);
    expect((await agentA.get(`/api/v1/campaigns/opt-outs/${ids.ends11}`)).body.optOut.reason).toBe(
      '电话推销',
    );
    expect((await agentA.get(`/api/v1/campaigns/opt-outs/${ids.ends30}`)).body.optOut).toBeNull();
    expect((await quality.get(`/api/v1/campaigns/${c.id}/figures`)).body.optedOut).toBe(1);
  });
});

describe('calling', () => {
  it('hands each agent their own target, re-queues unanswered calls and gives up after max attempts', async () => {
    const s = await quality.get('/api/v1/settings/campaigns.policy');
    expect(s.body.value).toEqual({ maxAttempts: 3, retryGapMinutes: 120, claimMinutes: 15 });
    const put = await quality.send('PUT', '/api/v1/settings/campaigns.policy', {
      version: s.body.version,
      value: { ...s.body.value, maxAttempts: 2 },
    });
    expect(put.status).toBe(200);
    await person('pairA', '2026-06-01', '440104');
    await person('pairB', '2026-06-02', '440104');
    const c = await campaign({ purchasedWithinDays: 30, regionCode: '440104' }, 'attempts');
    await quality.send('POST', `/api/v1/campaigns/${c.id}/build`);
    expect((await agentA.send('POST', `/api/v1/campaigns/${c.id}/claim`)).status).toBe(409);
    await activate(c.id);
    const a = (await agentA.send('POST', `/api/v1/campaigns/${c.id}/claim`)).body.target;
    const b = (await agentB.send('POST', `/api/v1/campaigns/${c.id}/claim`)).body.target;
    expect(a.id).not.toBe(b.id);
    expect(a.product.serial).toMatch(/^SN-/);
    expect((await agentA.send('POST', `/api/v1/campaigns/${c.id}/claim`)).body.target.id).toBe(a.id);
    // Agent B cannot record on A's target.
    const stolen = await agentB.send('POST', `/api/v1/campaigns/targets/${a.id}/calls`, { outcome: 'busy' });
    expect(stolen.status).toBe(409);
    expect(stolen.body.code).toBe('campaign.target_not_claimed');

    const first = await agentA.send('POST', `/api/v1/campaigns/targets/${a.id}/calls`, {
      outcome: 'no_answer',
    });
    expect(first.body).toEqual({ status: 'pending', attempts: 1, completed: false });
    // Not due again before the retry gap; B still holds the other one.
    expect((await agentA.send('POST', `/api/v1/campaigns/${c.id}/claim`)).body.target).toBeNull();
    w.clock.advance(16 * 60_000);
    // B's hold lapsed (claimMinutes): A may take that one now.
    expect((await agentA.send('POST', `/api/v1/campaigns/${c.id}/claim`)).body.target.id).toBe(b.id);
    const late = await agentB.send('POST', `/api/v1/campaigns/targets/${b.id}/calls`, { outcome: 'busy' });
    expect(late.body.code).toBe('campaign.target_not_claimed');
    const wrong = await agentA.send('POST', `/api/v1/campaigns/targets/${b.id}/calls`, {
      outcome: 'wrong_number',
    });
    expect(wrong.body.status).toBe('wrong_number');
    w.clock.advance(105 * 60_000);
    const back = (await agentA.send('POST', `/api/v1/campaigns/${c.id}/claim`)).body.target;
    expect(back.id).toBe(a.id);
    const second = await agentA.send('POST', `/api/v1/campaigns/targets/${a.id}/calls`, { outcome: 'busy' });
    expect(second.body).toEqual({ status: 'exhausted', attempts: 2, completed: false });
    const again = await agentA.send('POST', `/api/v1/campaigns/targets/${a.id}/calls`, { outcome: 'busy' });
    expect(again.status).toBe(409);
    const events = await w.db.db.selectFrom('events').select('type').where('stream_id', '=', a.id).execute();
    expect(events.map((e) => e.type)).toEqual(['campaign.call_recorded', 'campaign.call_recorded']);
  });

  it('records answers of a reached call, refuses bad ones changing nothing, and counts the figures', async () => {
    const c = await campaign({ regionCode: '310101' }, 'answers');
    await quality.send('POST', `/api/v1/campaigns/${c.id}/build`);
    await activate(c.id);
    const t = (await agentA.send('POST', `/api/v1/campaigns/${c.id}/claim`)).body.target;
    expect(t.customerName).toBe('客户shanghai');
    const bad = await agentA.send('POST', `/api/v1/campaigns/targets/${t.id}/calls`, {
      outcome: 'reached',
      answers: { q1: 0, q2: 6 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('answers.q2');
    const noAnswersOnBusy = await agentA.send('POST', `/api/v1/campaigns/targets/${t.id}/calls`, {
      outcome: 'busy',
      answers: { q1: 0 },
    });
    expect(noAnswersOnBusy.status).toBe(400);
    expect((await targetsOf(c.id))[0]!.attempts).toBe(0);
    const ok = await agentA.send('POST', `/api/v1/campaigns/targets/${t.id}/calls`, {
      outcome: 'reached',
      answers: { q1: 1, q2: 4, q3: '师傅很专业' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({ status: 'reached', attempts: 1, completed: true });
    const f = (await quality.get(`/api/v1/campaigns/${c.id}/figures`)).body;
    expect(f).toMatchObject({
      targets: 1,
      attempted: 1,
      reached: 1,
      reachRate: 1,
      completed: 1,
      optedOut: 0,
    });
    expect(f.questions).toEqual([
      { questionId: 'q1', kind: 'choice', answered: 1, counts: [0, 1, 0], average: null },
      { questionId: 'q2', kind: 'rating', answered: 1, counts: [0, 0, 0, 1, 0], average: 4 },
      { questionId: 'q3', kind: 'text', answered: 1, counts: [], average: null },
    ]);
    const list = (await agentA.get('/api/v1/campaigns')).body.items.find(
      (x: { id: string }) => x.id === c.id,
    );
    expect(list).toMatchObject({ targets: 1, settled: 1, reached: 1, status: 'active' });
  });

  it('a reached call is a contact: "no contact for N days" leaves the customer out until N days pass', async () => {
    const f = filters({ noContactForDays: 30, regionCode: '310101' });
    expect((await quality.send('POST', '/api/v1/campaigns/preview', f)).body.count).toBe(0);
    w.clock.advance(31 * 86_400_000);
    expect((await quality.send('POST', '/api/v1/campaigns/preview', f)).body.count).toBe(1);
  });

  it('an opted-out outcome needs a reason and opts the customer out', async () => {
    const c = await campaign({ regionCode: '440106', warrantyEndingWithinDays: 400 }, 'opt-out call');
    await quality.send('POST', `/api/v1/campaigns/${c.id}/build`);
    await activate(c.id);
    const t = (await agentB.send('POST', `/api/v1/campaigns/${c.id}/claim`)).body.target;
    const noReason = await agentB.send('POST', `/api/v1/campaigns/targets/${t.id}/calls`, {
      outcome: 'opted_out',
    });
    expect(noReason.status).toBe(400);
    const r = await agentB.send('POST', `/api/v1/campaigns/targets/${t.id}/calls`, {
      outcome: 'opted_out',
      reason: '已不使用该产品',
    });
    expect(r.body.status).toBe('opted_out');
    expect((await agentB.get(`/api/v1/campaigns/opt-outs/${t.customerId}`)).body.optOut.reason).toBe(
      '已不使用该产品',
    );
  });
});

describe('campaigns', () => {
  it('follow the state machine, edit only while a draft, and check the questionnaire', async () => {
    const c = await campaign({}, 'machine');
    const dup = await quality.send('POST', '/api/v1/campaigns', {
      name: 'x',
      purpose: 'new_product',
      questions: [questions[0], questions[0]],
      filters: filters(),
    });
    expect(dup.status).toBe(400);
    const oneOption = await quality.send('POST', '/api/v1/campaigns', {
      name: 'x',
      purpose: 'new_product',
      questions: [{ id: 'q', kind: 'choice', text: '?', options: ['a'] }],
      filters: filters(),
    });
    expect(oneOption.status).toBe(400);
    const body = { name: '改名', purpose: 'new_product', script: '', questions: [], filters: filters() };
    const edited = await quality.send('PUT', `/api/v1/campaigns/${c.id}`, { ...body, version: 1 });
    expect(edited.status).toBe(200);
    const stale = await quality.send('PUT', `/api/v1/campaigns/${c.id}`, { ...body, version: 1 });
    expect(stale.status).toBe(409);
    const skip = await quality.send('POST', `/api/v1/campaigns/${c.id}/status`, {
      to: 'finished',
      version: 2,
    });
    expect(skip.body.code).toBe('campaign.invalid_transition');
    await activate(c.id);
    const locked = await quality.send('PUT', `/api/v1/campaigns/${c.id}`, { ...body, version: 3 });
    expect(locked.body.code).toBe('campaign.not_editable');
    const done = await quality.send('POST', `/api/v1/campaigns/${c.id}/status`, {
      to: 'finished',
      version: 3,
    });
    expect(done.body.status).toBe('finished');
    expect((await quality.send('POST', `/api/v1/campaigns/${c.id}/build`)).body.code).toBe(
      'campaign.not_active',
    );
    const events = await w.db.db
      .selectFrom('events')
      .select('type')
      .where('stream_id', '=', c.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual([
      'campaign.created',
      'campaign.updated',
      'campaign.activated',
      'campaign.finished',
    ]);
  });

  it('agents call but do not design; a technician sees nothing', async () => {
    expect((await agentA.send('POST', '/api/v1/campaigns', {})).status).toBe(403);
    const tech = await w.as(await w.user('technician'));
    expect((await tech.get('/api/v1/campaigns')).status).toBe(403);
  });
});
