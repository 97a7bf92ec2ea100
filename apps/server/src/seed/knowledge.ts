import { PERMISSIONS } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { systemActor } from '../platform/auth/actor.ts';
import { ManualClock } from '../platform/clock/index.ts';
import type { DialectName } from '../platform/db/types.ts';
import { seedModules } from './derive.ts';
import { Readable } from 'node:stream';
import { LocalDiskStorage } from '../platform/files/index.ts';
import { KnowledgeService } from '../modules/knowledge/index.ts';
import { demoPdf } from './demo-pdf.ts';
import {
  DEMO_ARTICLES,
  DEMO_MANUAL,
  DEMO_MANUAL_FILE,
  DEMO_SYNONYMS,
  REMOTE_ARTICLES,
} from './knowledge-data.ts';
import { DAY } from './time.ts';

/**
 * Writes, reviews and publishes the demo articles and synonym groups through the knowledge
 * service (its own ids, versions, events and index); also used by the search evaluation.
 */
export async function publishDemoKnowledge(svc: KnowledgeService): Promise<Map<string, string>> {
  const author = systemActor(PERMISSIONS);
  for (const terms of DEMO_SYNONYMS) await svc.addSynonyms({ terms });
  const ids = new Map<string, string>();
  for (const a of DEMO_ARTICLES) {
    let d = await svc.create(author, a);
    d = await svc.step(author, d.id, { action: 'submit', version: d.version });
    d = await svc.step(author, d.id, { action: 'approve', version: d.version });
    ids.set(a.slug, d.id);
  }
  return ids;
}

/** What callers and agents looked for over the last weeks (some with no answer in the base). */
const DEMO_SEARCHES: [query: string, channel: 'agent' | 'portal'][] = [
  ['空调不凉', 'agent'],
  ['空调滴水', 'portal'],
  ['洗衣机不排水', 'portal'],
  ['冰箱结冰', 'agent'],
  ['热水器打不着火', 'portal'],
  ['电视机花屏', 'portal'],
  ['电视机花屏', 'agent'],
  ['扫地机器人不回充', 'portal'],
  ['空调显示E1', 'agent'],
  ['洗碗机不出水', 'portal'],
];

/**
 * Demo activity through the same services: searches (a few without an answer), portal
 * self-service visits with their outcomes, "this solved it" votes, and the case library from the
 * closed orders (the outbox handler, run directly).
 */
async function seedActivity(
  h: { db: Kysely<Database> },
  clock: ManualClock,
  m: ReturnType<typeof seedModules>['modules'],
  anchor: Date,
  ids: Map<string, string>,
) {
  const svc = m.knowledge.service;
  const at = (days: number) => clock.set(new Date(anchor.getTime() - days * DAY));
  for (const [i, [q, channel]] of DEMO_SEARCHES.entries()) {
    at(20 - i);
    if (channel === 'portal') await svc.portalSearch(q, 8);
    else await svc.search({ q, channel, limit: 10 });
  }
  const visits: [slug: string, outcome: 'fixed' | 'not_fixed' | 'filed'][] = [
    ['ac-not-cooling', 'fixed'],
    ['washer-no-drain', 'fixed'],
    ['ac-indoor-leak', 'filed'],
    ['fridge-frost', 'fixed'],
    ['heater-gas-no-ignition', 'filed'],
    ['washer-door-locked', 'fixed'],
  ];
  for (const [i, [slug, outcome]] of visits.entries()) {
    at(14 - i);
    const { id } = await svc.startSession({ query: slug });
    await svc.endSession(id, { outcome, articleId: ids.get(slug)! });
  }
  for (const slug of [
    'ac-not-cooling',
    'ac-not-cooling',
    'washer-no-drain',
    'faq-warranty-period',
    'ac-e1-communication',
  ])
    await svc.feedback(null, ids.get(slug)!, { helpful: true, channel: 'agent' });
  at(0);
  // seed/ builds whole worlds (exempt from table ownership): the closed orders to learn from.
  const closed = await h.db
    .selectFrom('work_orders')
    .select('id')
    .where('status', '=', 'closed')
    .orderBy('closed_at', 'desc')
    .orderBy('id')
    .limit(60)
    .execute();
  for (const o of closed) await m.knowledge.recordCase(o.id);
}

/** The demo manual: its PDF uploaded through the service, then the article reviewed and published. */
async function publishDemoManual(svc: KnowledgeService): Promise<string> {
  const author = systemActor(PERMISSIONS);
  const file = await svc.uploadFile(author, {
    filename: DEMO_MANUAL_FILE.filename,
    mimetype: 'application/pdf',
    stream: Readable.from([demoPdf(DEMO_MANUAL_FILE.lines)]),
  });
  let d = await svc.create(author, {
    ...DEMO_MANUAL,
    attachments: [{ kind: 'manual', name: DEMO_MANUAL_FILE.attachmentName, fileId: file.id }],
  });
  d = await svc.step(author, d.id, { action: 'submit', version: d.version });
  d = await svc.step(author, d.id, { action: 'approve', version: d.version });
  return d.id;
}

/**
 * The generated remote resolutions (seed/orders.ts) name the article the agent used on two of
 * every three, as the remote_resolved step records it: the order's `knowledgeArticleId`, the
 * step's event data and the article's resolution count. seed/ builds whole worlds (exempt from
 * table ownership); the choice is by order id, so the demo is the same every run.
 */
async function linkRemoteResolutions(db: Kysely<Database>, ids: Map<string, string>) {
  const rows = await db
    .selectFrom('events as e')
    .innerJoin('work_orders as o', 'o.id', 'e.stream_id')
    .select(['e.id as eventId', 'e.data', 'o.id', 'o.category_code'])
    .where('e.stream_type', '=', 'work_order')
    .where('e.to_state', '=', 'remote_resolved')
    .orderBy('o.id')
    .orderBy('e.id')
    .execute();
  const resolved = new Map<string, number>();
  for (const [i, r] of rows.entries()) {
    const slugs = REMOTE_ARTICLES[r.category_code ?? ''];
    if (!slugs || i % 3 === 2) continue;
    const articleId = ids.get(slugs[i % slugs.length]!)!;
    const data = { ...(JSON.parse(r.data) as Record<string, unknown>), knowledgeArticleId: articleId };
    await db
      .updateTable('work_orders')
      .set({ knowledge_article_id: articleId })
      .where('id', '=', r.id)
      .execute();
    await db
      .updateTable('events')
      .set({ data: JSON.stringify(data) })
      .where('id', '=', r.eventId)
      .execute();
    resolved.set(articleId, (resolved.get(articleId) ?? 0) + 1);
  }
  for (const [id, n] of resolved)
    await db
      .updateTable('kb_articles')
      .set((eb) => ({ resolved_count: eb('resolved_count', '+', n) }))
      .where('id', '=', id)
      .execute();
}

/** `filesDir`: the app's file store (`<dataDir>/files`), so the demo manual opens in the app. */
export async function seedKnowledge(
  h: { db: Kysely<Database>; dialect: DialectName },
  anchor: Date,
  opts: { filesDir?: string } = {},
) {
  const clock = new ManualClock(new Date(anchor.getTime() - 30 * DAY));
  const { modules } = seedModules(h, clock);
  const ids = await publishDemoKnowledge(modules.knowledge.service);
  const svc = opts.filesDir
    ? new KnowledgeService({ ...modules.knowledge.ctx, storage: new LocalDiskStorage(opts.filesDir) })
    : modules.knowledge.service;
  ids.set(DEMO_MANUAL.slug, await publishDemoManual(svc));
  await linkRemoteResolutions(h.db, ids);
  await seedActivity(h, clock, modules, anchor, ids);
}
