import type { ArticleKind, ArticleStatus, ArticleVisibility, KnowledgeChannel } from '@anxin/contracts';
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { KeysetPos } from '../../platform/http/keyset.ts';
import type { Db } from '../../platform/db/types.ts';
import { caseOf, synonymTerms, versionOf } from './knowledge.codec.ts';
import type {
  KbArticlesTable,
  KbArticleVersionsTable,
  KbCasesTable,
  KbPortalSessionsTable,
} from './knowledge.schema.ts';

/** An article row as the module works with it. */
export interface ArticleRecord {
  id: string;
  slug: string;
  kind: ArticleKind;
  status: ArticleStatus;
  title: string;
  visibility: ArticleVisibility;
  categoryCode: string | null;
  publishedVersionId: string | null;
  helpfulCount: number;
  unhelpfulCount: number;
  resolvedCount: number;
  updatedAt: string;
  version: number;
}

const recordOf = (r: Selectable<KbArticlesTable>): ArticleRecord => ({
  id: r.id,
  slug: r.slug,
  kind: r.kind,
  status: r.status,
  title: r.title,
  visibility: r.visibility,
  categoryCode: r.category_code,
  publishedVersionId: r.published_version_id,
  helpfulCount: r.helpful_count,
  unhelpfulCount: r.unhelpful_count,
  resolvedCount: r.resolved_count,
  updatedAt: r.updated_at,
  version: r.version,
});

export async function findArticleRow(db: Db, id: string): Promise<ArticleRecord | undefined> {
  const r = await db.selectFrom('kb_articles').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? recordOf(r) : undefined;
}

export async function findArticleBySlug(db: Db, slug: string): Promise<ArticleRecord | undefined> {
  const r = await db.selectFrom('kb_articles').selectAll().where('slug', '=', slug).executeTakeFirst();
  return r ? recordOf(r) : undefined;
}

export async function listArticleRows(
  db: Db,
  f: { status?: ArticleStatus; kind?: string; q?: string; limit: number },
) {
  let q = db.selectFrom('kb_articles').selectAll();
  if (f.status) q = q.where('status', '=', f.status);
  if (f.kind) q = q.where('kind', '=', f.kind as never);
  if (f.q) q = q.where((eb) => eb.or([eb('title', 'like', `%${f.q}%`), eb('slug', 'like', `%${f.q}%`)]));
  return (await q.orderBy('updated_at', 'desc').orderBy('id').limit(f.limit).execute()).map(recordOf);
}

export async function insertArticle(
  db: Db,
  row: Insertable<KbArticlesTable>,
  v: Insertable<KbArticleVersionsTable>,
) {
  await db.insertInto('kb_articles').values(row).execute();
  await db.insertInto('kb_article_versions').values(v).execute();
}

export async function updateArticle(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<KbArticlesTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('kb_articles')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function insertVersion(db: Db, v: Insertable<KbArticleVersionsTable>) {
  return db.insertInto('kb_article_versions').values(v).execute();
}

export function updateVersion(db: Db, id: string, patch: Updateable<KbArticleVersionsTable>) {
  return db.updateTable('kb_article_versions').set(patch).where('id', '=', id).execute();
}

export async function versionsOf(db: Db, articleId: string) {
  const rows = await db
    .selectFrom('kb_article_versions')
    .selectAll()
    .where('article_id', '=', articleId)
    .orderBy('number')
    .execute();
  return rows.map(versionOf);
}

/** The open (draft or in-review) version of each article. */
export async function openStatuses(db: Db, ids: string[]) {
  if (!ids.length) return new Map<string, 'draft' | 'in_review'>();
  const rows = await db
    .selectFrom('kb_article_versions')
    .select(['article_id', 'status'])
    .where('article_id', 'in', ids)
    .where('status', 'in', ['draft', 'in_review'])
    .execute();
  return new Map(rows.map((r) => [r.article_id, r.status as 'draft' | 'in_review']));
}

/** Published versions of the given articles (for snippets, suggestions and the portal). */
export async function liveVersions(db: Db, ids: string[]) {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('kb_article_versions as v')
    .innerJoin('kb_articles as a', 'a.published_version_id', 'v.id')
    .selectAll('v')
    .select(['a.slug', 'a.kind', 'a.helpful_count', 'a.unhelpful_count', 'a.status as article_status'])
    .where('a.id', 'in', ids)
    .execute();
  return rows.map((r) => ({
    articleId: r.article_id,
    slug: r.slug,
    kind: r.kind,
    articleStatus: r.article_status,
    helpful: r.helpful_count,
    unhelpful: r.unhelpful_count,
    version: versionOf(r),
  }));
}

// ---- search index ----

export async function replaceDoc(
  db: Db,
  doc: { id: string; kind: 'article' | 'case'; visibility: ArticleVisibility; length: number },
  tf: Map<string, number>,
  tags: string[],
) {
  await removeDoc(db, doc.id);
  await db
    .insertInto('kb_docs')
    .values({ doc_id: doc.id, doc_kind: doc.kind, visibility: doc.visibility, length: doc.length })
    .execute();
  const terms = [...tf].map(([term, n]) => ({ doc_id: doc.id, term, tf: n }));
  for (let i = 0; i < terms.length; i += 200)
    await db
      .insertInto('kb_terms')
      .values(terms.slice(i, i + 200))
      .execute();
  const uniq = [...new Set(tags)].map((tag) => ({ doc_id: doc.id, tag }));
  if (uniq.length) await db.insertInto('kb_doc_tags').values(uniq).execute();
}

export async function removeDoc(db: Db, id: string) {
  await db.deleteFrom('kb_terms').where('doc_id', '=', id).execute();
  await db.deleteFrom('kb_doc_tags').where('doc_id', '=', id).execute();
  await db.deleteFrom('kb_docs').where('doc_id', '=', id).execute();
}

export interface IndexScope {
  kinds: ('article' | 'case')[];
  publicOnly: boolean;
  /** Every tag must be present (category, model, fault code, article kind). */
  tags: string[];
}

function scoped(db: Db, s: IndexScope) {
  let q = db.selectFrom('kb_docs as d').where('d.doc_kind', 'in', s.kinds);
  if (s.publicOnly) q = q.where('d.visibility', '=', 'public');
  for (const tag of s.tags)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('kb_doc_tags as t')
          .select('t.doc_id')
          .whereRef('t.doc_id', '=', 'd.doc_id')
          .where('t.tag', '=', tag),
      ),
    );
  return q;
}

/** Document count and average length in scope (BM25's N and avgdl). */
export async function indexStats(db: Db, s: IndexScope) {
  const r = await scoped(db, s)
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('d.length').as('total')])
    .executeTakeFirst();
  const n = Number(r?.n ?? 0);
  return { docCount: n, avgLength: n ? Number(r?.total ?? 0) / n : 0 };
}

export async function postings(db: Db, s: IndexScope, terms: string[]) {
  if (!terms.length) return [];
  const rows = await scoped(db, s)
    .innerJoin('kb_terms as k', 'k.doc_id', 'd.doc_id')
    .select(['k.doc_id', 'k.term', 'k.tf', 'd.length'])
    .where('k.term', 'in', terms)
    .execute();
  return rows.map((r) => ({ docId: r.doc_id, term: r.term, tf: Number(r.tf), length: Number(r.length) }));
}

// ---- synonyms ----

export async function listSynonyms(db: Db) {
  const rows = await db
    .selectFrom('kb_synonym_groups')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    terms: synonymTerms(r.terms),
    version: r.version,
    updatedAt: r.updated_at,
  }));
}
export function insertSynonyms(db: Db, id: string, terms: string[], at: string) {
  return db
    .insertInto('kb_synonym_groups')
    .values({ id, terms: JSON.stringify(terms), created_at: at, updated_at: at, version: 1 })
    .execute();
}
export async function updateSynonyms(db: Db, id: string, version: number, terms: string[], at: string) {
  const r = await db
    .updateTable('kb_synonym_groups')
    .set({ terms: JSON.stringify(terms), updated_at: at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
export async function deleteSynonyms(db: Db, id: string) {
  const r = await db.deleteFrom('kb_synonym_groups').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

// ---- logs ----

export function logSearch(
  db: Db,
  row: {
    id: string;
    query: string;
    channel: KnowledgeChannel;
    hits: number;
    topDocId: string | null;
    at: string;
  },
) {
  return db
    .insertInto('kb_searches')
    .values({
      id: row.id,
      query: row.query,
      channel: row.channel,
      hits: row.hits,
      top_doc_id: row.topDocId,
      at: row.at,
    })
    .execute();
}

export async function recordFeedback(
  db: Db,
  row: {
    id: string;
    articleId: string;
    channel: KnowledgeChannel;
    helpful: boolean;
    orderId: string | null;
    actorId: string | null;
    at: string;
  },
) {
  await db
    .insertInto('kb_feedback')
    .values({
      id: row.id,
      article_id: row.articleId,
      channel: row.channel,
      helpful: row.helpful ? 1 : 0,
      order_id: row.orderId,
      actor_id: row.actorId,
      at: row.at,
    })
    .execute();
  const col = row.helpful ? 'helpful_count' : 'unhelpful_count';
  await db
    .updateTable('kb_articles')
    .set((eb) => ({ [col]: eb(col, '+', 1) }))
    .where('id', '=', row.articleId)
    .execute();
}

export function countResolution(db: Db, articleId: string) {
  return db
    .updateTable('kb_articles')
    .set((eb) => ({ resolved_count: eb('resolved_count', '+', 1) }))
    .where('id', '=', articleId)
    .execute();
}

export function insertSession(db: Db, row: Insertable<KbPortalSessionsTable>) {
  return db.insertInto('kb_portal_sessions').values(row).execute();
}
export async function endSession(
  db: Db,
  id: string,
  patch: { outcome: 'fixed' | 'not_fixed' | 'filed'; articleId: string | null; at: string },
) {
  const r = await db
    .updateTable('kb_portal_sessions')
    .set((eb) => ({
      outcome: patch.outcome,
      ended_at: patch.at,
      article_id: patch.articleId ?? eb.ref('article_id'),
    }))
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- case library ----

export async function insertCase(db: Db, row: Insertable<KbCasesTable>): Promise<boolean> {
  const r = await db
    .insertInto('kb_cases')
    .values(row)
    .onConflict((oc) => oc.column('order_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return !!r;
}
export async function casesByIds(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return (await db.selectFrom('kb_cases').selectAll().where('id', 'in', ids).execute()).map(caseOf);
}
/** Cases newest closed first, `limit` after `after` (the keyset: closed_at, then id). */
export async function listCases(db: Db, f: { after?: KeysetPos | undefined; limit: number }) {
  let q = db.selectFrom('kb_cases').selectAll();
  const a = f.after;
  if (a) q = q.where(sql<boolean>`(closed_at, id) < (${a.keys[0]}, ${a.id})`);
  return (await q.orderBy('closed_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute()).map(caseOf);
}
export async function findCase(db: Db, id: string) {
  const r = await db.selectFrom('kb_cases').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? caseOf(r) : null;
}

// ---- figures ----

export async function sessionCounts(db: Db, from: string, to: string, abandonedBefore: string) {
  const rows = await db
    .selectFrom('kb_portal_sessions')
    .select(['outcome', 'started_at'])
    .where('started_at', '>=', from)
    .where('started_at', '<', to)
    .execute();
  let total = 0;
  let deflected = 0;
  for (const r of rows) {
    if (r.outcome === null && r.started_at >= abandonedBefore) continue; // still deciding
    total++;
    if (r.outcome === 'fixed' || r.outcome === null) deflected++;
  }
  return { total, deflected };
}

export async function unansweredSearches(db: Db, from: string, to: string, limit: number) {
  const rows = await db
    .selectFrom('kb_searches')
    .select((eb) => ['query', eb.fn.countAll<number>().as('n')])
    .where('at', '>=', from)
    .where('at', '<', to)
    .where('hits', '=', 0)
    .groupBy('query')
    .orderBy('n', 'desc')
    .orderBy('query')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ query: r.query, count: Number(r.n) }));
}

export async function searchCount(db: Db, from: string, to: string) {
  const r = await db
    .selectFrom('kb_searches')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('at', '>=', from)
    .where('at', '<', to)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function mostHelpful(db: Db, limit: number) {
  const rows = await db
    .selectFrom('kb_articles')
    .select(['id', 'slug', 'title', 'helpful_count', 'unhelpful_count', 'resolved_count'])
    .where((eb) => eb.or([eb('helpful_count', '>', 0), eb('resolved_count', '>', 0)]))
    .orderBy((eb) => eb('helpful_count', '+', eb.ref('resolved_count')), 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    helpful: r.helpful_count,
    unhelpful: r.unhelpful_count,
    resolved: r.resolved_count,
  }));
}
