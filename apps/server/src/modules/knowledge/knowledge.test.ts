import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBody,
  forceState,
  seedRefs,
  startWorld,
  type Client,
  type Refs,
  type World,
} from '../../../test/factories/workorders.ts';
import { walkPages } from '../../../test/factories/pages.ts';

// Monday 2026-11-23 10:00 Shanghai.
const NOW = '2026-11-23T02:00:00.000Z';

let w: World;
let refs: Refs;
let agent: Client;
let quality: Client;
let admin: Client;
let anon: Client;

const A = '/api/v1/knowledge/articles';
const faultGuide = {
  symptom: '空调开机后出风不凉',
  causes: ['滤网脏堵'],
  checks: ['确认制冷模式', '清洗滤网'],
  fix: '仍不凉需上门加氟',
};
const article = (slug: string, over: Record<string, unknown> = {}) => ({
  slug,
  kind: 'fault',
  title: '空调不制冷',
  summary: '出风不凉',
  visibility: 'public',
  categoryCode: 'aircon',
  fault: faultGuide,
  ...over,
});

async function publish(c: Client, body: Record<string, unknown>) {
  const created = await c.send('POST', A, body);
  expect(created.status).toBe(201);
  const sub = await c.send('POST', `${A}/${created.body.id}/steps`, {
    action: 'submit',
    version: created.body.version,
  });
  expect(sub.status).toBe(200);
  const ok = await c.send('POST', `${A}/${created.body.id}/steps`, {
    action: 'approve',
    version: sub.body.version,
  });
  expect(ok.status).toBe(200);
  return ok.body as { id: string; version: number; status: string };
}

const fingerprint = async () => {
  const n = async (
    t: 'kb_articles' | 'kb_article_versions' | 'kb_terms' | 'kb_searches' | 'kb_synonym_groups',
  ) =>
    Number(
      (
        await w.db.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return [
    await n('kb_articles'),
    await n('kb_article_versions'),
    await n('kb_terms'),
    await n('kb_synonym_groups'),
  ];
};

beforeAll(async () => {
  w = await startWorld(NOW);
  refs = await seedRefs(w);
  agent = await w.as(await w.user('agent'));
  quality = await w.as(await w.user('quality'));
  admin = await w.as(await w.user('admin'));
  // Nobody signed in: the portal's self-service routes are public.
  const wrap = (r: { statusCode: number; body: string }) => ({
    status: r.statusCode,
    body: r.body ? JSON.parse(r.body) : null,
    headers: {},
    raw: Buffer.from(r.body),
  });
  anon = {
    userId: '',
    get: async (url) => wrap(await w.built.app.inject({ method: 'GET', url })),
    send: async (method, url, payload) =>
      wrap(await w.built.app.inject({ method, url, payload: payload as object })),
  };
  for (const terms of [
    ['不制冷', '不冷', '制冷差', '不凉'],
    ['漏水', '滴水', '渗水'],
  ])
    expect((await admin.send('POST', '/api/v1/knowledge/synonyms', { terms })).status).toBe(201);
  await publish(quality, article('ac-cooling'));
  await publish(
    quality,
    article('ac-leak', { title: '空调室内机漏水', fault: { ...faultGuide, symptom: '内机往下滴水' } }),
  );
  await publish(
    quality,
    article('washer-drain', {
      title: '洗衣机不排水',
      categoryCode: 'washer',
      fault: { ...faultGuide, symptom: '洗完水排不掉' },
    }),
  );
  await publish(quality, {
    slug: 'faq-internal-price',
    kind: 'faq',
    title: '内部：空调加氟成本价',
    body: '加氟内部结算价',
    visibility: 'internal',
  });
});
afterAll(async () => w?.close());

describe('review and publishing', () => {
  it('a draft is reviewed before it is published; the live version stays readable while the next draft is edited', async () => {
    const created = await quality.send('POST', A, article('ac-review'));
    expect(created.body).toMatchObject({
      status: 'draft',
      published: null,
      pending: { status: 'draft', number: 1 },
    });
    // An agent reads the base but does not write it.
    expect((await agent.send('POST', A, article('ac-agent'))).status).toBe(403);
    const sub = await quality.send('POST', `${A}/${created.body.id}/steps`, {
      action: 'submit',
      version: created.body.version,
    });
    expect(sub.body.status).toBe('in_review');
    // Nobody edits a version in review.
    const locked = await quality.send('PUT', `${A}/${created.body.id}/draft`, {
      version: sub.body.version,
      content: { title: '改标题', visibility: 'public', fault: faultGuide },
    });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('knowledge.not_editable');
    const noNote = await quality.send('POST', `${A}/${created.body.id}/steps`, {
      action: 'reject',
      version: sub.body.version,
    });
    expect(noNote.body.code).toBe('knowledge.review_note_required');
    const ok = await quality.send('POST', `${A}/${created.body.id}/steps`, {
      action: 'approve',
      version: sub.body.version,
    });
    expect(ok.body).toMatchObject({
      status: 'published',
      published: { number: 1, status: 'published' },
      pending: null,
    });

    const draft = await quality.send('PUT', `${A}/${created.body.id}/draft`, {
      version: ok.body.version,
      content: { title: '空调不制冷（第二版）', visibility: 'public', fault: faultGuide },
    });
    expect(draft.body).toMatchObject({
      status: 'published',
      title: '空调不制冷',
      published: { number: 1 },
      pending: { number: 2, status: 'draft', title: '空调不制冷（第二版）' },
    });
    const portal = await anon.get('/api/v1/portal/knowledge/articles/ac-review');
    expect(portal.body.title).toBe('空调不制冷');
    const s2 = await quality.send('POST', `${A}/${created.body.id}/steps`, {
      action: 'submit',
      version: draft.body.version,
    });
    const p2 = await quality.send('POST', `${A}/${created.body.id}/steps`, {
      action: 'approve',
      version: s2.body.version,
    });
    expect(p2.body).toMatchObject({ title: '空调不制冷（第二版）', published: { number: 2 }, pending: null });
    const archived = await quality.send('POST', `${A}/${created.body.id}/steps`, {
      action: 'archive',
      version: p2.body.version,
    });
    expect(archived.body.status).toBe('archived');
    expect((await anon.get('/api/v1/portal/knowledge/articles/ac-review')).status).toBe(404);
  });

  it('bad input is refused with a registered code and changes nothing', async () => {
    const before = await fingerprint();
    const dup = await quality.send('POST', A, article('ac-cooling'));
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'knowledge.slug_taken', params: { slug: 'ac-cooling' } });
    const noGuide = await quality.send('POST', A, article('ac-no-guide', { fault: null }));
    expect(noGuide.body.code).toBe('knowledge.fault_guide_required');
    expect((await quality.send('POST', A, article('Bad Slug!'))).status).toBe(400);
    expect((await agent.get('/api/v1/knowledge/search?q=')).status).toBe(400);
    const overlap = await admin.send('POST', '/api/v1/knowledge/synonyms', { terms: ['不冷', '冷不下来'] });
    expect(overlap.body).toMatchObject({ code: 'knowledge.synonym_overlap', params: { term: '不冷' } });
    expect((await agent.send('POST', '/api/v1/knowledge/synonyms', { terms: ['甲', '乙'] })).status).toBe(
      403,
    );
    expect(await fingerprint()).toEqual(before);
  });
});

describe('search', () => {
  const slugs = async (q: string, extra = '') =>
    (
      (await agent.get(`/api/v1/knowledge/search?q=${encodeURIComponent(q)}${extra}`)).body.items as {
        slug: string;
      }[]
    ).map((i) => i.slug);

  it('ranks by BM25 over jieba terms, the same on both databases', async () => {
    expect(await slugs('空调不制冷')).toEqual([
      'ac-cooling',
      'ac-leak',
      'washer-drain',
      'faq-internal-price',
    ]);
    const r = await agent.get(`/api/v1/knowledge/search?q=${encodeURIComponent('空调不制冷')}`);
    expect(r.body.items[0].score).toBeGreaterThan(r.body.items[1].score);
  });

  it('finds an article by a synonym of its words', async () => {
    expect((await slugs('空调一点都不凉'))[0]).toBe('ac-cooling');
    expect((await slugs('空调滴水'))[0]).toBe('ac-leak');
  });

  it('filters by category and kind', async () => {
    expect(await slugs('不排水', '&categoryCode=aircon')).not.toContain('washer-drain');
    expect(await slugs('不排水', '&categoryCode=washer')).toEqual(['washer-drain']);
    expect(await slugs('空调', '&kind=faq')).toEqual(['faq-internal-price']);
  });

  it('the portal sees public articles only', async () => {
    const r = await anon.get(`/api/v1/portal/knowledge/search?q=${encodeURIComponent('空调加氟')}`);
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: { slug: string }) => i.slug)).not.toContain('faq-internal-price');
    expect((await anon.get('/api/v1/portal/knowledge/articles/faq-internal-price')).status).toBe(404);
  });

  it('"this solved it" lifts an article and searches without an answer are logged', async () => {
    const first = await agent.get(`/api/v1/knowledge/search?q=${encodeURIComponent('空调')}`);
    const second = first.body.items[1];
    for (let i = 0; i < 5; i++)
      await agent.send('POST', `${A}/${second.id}/feedback`, { helpful: true, channel: 'agent' });
    const after = await agent.get(`/api/v1/knowledge/search?q=${encodeURIComponent('空调')}`);
    expect(after.body.items[0].id).toBe(second.id);
    await agent.get(`/api/v1/knowledge/search?q=${encodeURIComponent('电视机花屏')}`);
    const f = await quality.get('/api/v1/knowledge/figures');
    expect(f.body.unanswered).toContainEqual({ query: '电视机花屏', count: 1 });
  });
});

describe('remote resolution with an article, the case library and deflection', () => {
  it('stores a published article on the order; a draft or unknown article is refused', async () => {
    const created = await agent.send(
      'POST',
      '/api/v1/work-orders',
      createBody(refs, { faultDescription: '空调不凉，联系人电话13912345678' }),
    );
    const id = created.body.order.id as string;
    const version = await forceState(w, id, { status: 'accepted' });
    const draft = await quality.send('POST', A, article('ac-draft-only'));
    const move = (articleId: string, v: number) =>
      agent.send('POST', `/api/v1/work-orders/${id}/transitions`, {
        to: 'remote_resolved',
        version: v,
        data: { guidance: '指导客户清洗滤网', knowledgeArticleId: articleId },
      });
    const notPublished = await move(draft.body.id, version);
    expect(notPublished.status).toBe(422);
    expect(notPublished.body).toMatchObject({
      code: 'knowledge.article_not_published',
      params: { title: '空调不制冷' },
    });
    expect((await move('no-such-article', version)).status).toBe(400);
    const cooling = await agent.get(`${A}/ac-cooling`);
    const ok = await move(cooling.body.id, version);
    expect(ok.status).toBe(200);
    expect(ok.body.knowledgeArticleId).toBe(cooling.body.id);
    expect((await agent.get(`${A}/ac-cooling`)).body.resolvedCount).toBe(cooling.body.resolvedCount + 1);
    const f = await quality.get('/api/v1/knowledge/figures');
    expect(f.body).toMatchObject({ remoteResolved: 1, remoteResolvedWithArticle: 1, articleShare: 1 });

    // Closing feeds the case library through the outbox, without personal data.
    const v2 = await forceState(w, id, { status: 'awaiting_callback' });
    const closed = await quality.send('POST', `/api/v1/work-orders/${id}/transitions`, {
      to: 'closed',
      version: v2,
    });
    expect(closed.status).toBe(200);
    await w.runtime.outbox.idle();
    await w.runtime.outbox.drain();
    const cases = await agent.get('/api/v1/knowledge/cases');
    expect(cases.body.items).toHaveLength(1);
    expect(cases.body.items[0]).toMatchObject({
      fault: '空调不凉，联系人电话[电话]',
      fix: '指导客户清洗滤网',
    });
    // Run twice: still one case.
    await w.built.modules.knowledge.recordCase(id);
    expect((await agent.get('/api/v1/knowledge/cases')).body.items).toHaveLength(1);
    const found = await agent.get(
      `/api/v1/knowledge/search?q=${encodeURIComponent('清洗滤网 不凉')}&cases=1`,
    );
    expect(found.body.items.some((i: { docKind: string }) => i.docKind === 'case')).toBe(true);
  });

  it('counts a portal visit that fixed it (or was left) as deflected, a filed one not', async () => {
    const start = async () =>
      (await anon.send('POST', '/api/v1/portal/knowledge/sessions', { query: '空调不凉' })).body.id;
    const s1 = await start();
    const s2 = await start();
    await start(); // left without an answer
    const cooling = await agent.get(`${A}/ac-cooling`);
    expect(
      (
        await anon.send('POST', `/api/v1/portal/knowledge/sessions/${s1}/outcome`, {
          outcome: 'fixed',
          articleId: cooling.body.id,
        })
      ).status,
    ).toBe(200);
    await anon.send('POST', `/api/v1/portal/knowledge/sessions/${s2}/outcome`, { outcome: 'filed' });
    w.clock.advance(60 * 60_000);
    const f = await quality.get('/api/v1/knowledge/figures');
    expect(f.body).toMatchObject({ portalSessions: 3, deflected: 2 });
    expect((await agent.get(`${A}/ac-cooling`)).body.helpfulCount).toBe(cooling.body.helpfulCount + 1);
  });
});

describe('case library pages', () => {
  it('walks more cases than a page by cursor, newest closed first, each once', async () => {
    const base = Date.parse('2026-03-01T00:00:00.000Z');
    const rows = Array.from({ length: 11 }, (_, i) => ({
      id: `01PAGECASE${String(i).padStart(16, '0')}`,
      order_id: `page-order-${i}`,
      order_no: `WX2026030${i % 10}-P${i}`,
      category_code: null,
      model_code: null,
      fault_codes: '[]',
      fault: `分页故障 ${i}`,
      diagnosis: '',
      fix: '',
      parts: '[]',
      closed_at: new Date(base - Math.floor(i / 2) * 3_600_000).toISOString(),
      created_at: new Date(base).toISOString(),
    }));
    await w.db.db.insertInto('kb_cases').values(rows).execute();
    const all = (await agent.get('/api/v1/knowledge/cases?limit=200')).body;
    expect(all.nextCursor).toBeNull();
    const { rows: got, pages } = await walkPages<{ id: string }>(agent, '/api/v1/knowledge/cases', 3);
    expect(got.map((c) => c.id)).toEqual(all.items.map((c: { id: string }) => c.id));
    expect(new Set(got.map((c) => c.id)).size).toBe(got.length);
    expect(got.length).toBeGreaterThanOrEqual(11);
    expect(pages).toBe(Math.ceil(got.length / 3));
    const mine = got.filter((c) => c.id.startsWith('01PAGECASE')).map((c) => c.id);
    const want = [...rows]
      .sort((a, b) =>
        a.closed_at === b.closed_at ? (a.id < b.id ? 1 : -1) : a.closed_at < b.closed_at ? 1 : -1,
      )
      .map((r) => r.id);
    expect(mine).toEqual(want);
    expect((await agent.get('/api/v1/knowledge/cases?cursor=x')).status).toBe(400);
  });
});
