import type {
  CaseListQuery,
  ArticleContent,
  ArticleStep,
  CreateArticle,
  Feedback,
  KnowledgeFigures,
  PortalArticle,
  SearchQuery,
  SynonymInput,
} from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import { notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { decodeCursor, pageFrom } from '../../platform/http/keyset.ts';
import { newId } from '../../platform/ids/index.ts';
import { createArticle, getArticle, listArticles, saveDraft, stepArticle } from './articles.ts';
import { knowledgePolicy, type KnowledgeContext } from './context.ts';
import * as repo from './knowledge.repository.ts';
import { search } from './search.ts';
import { addKnowledgeFile, openKnowledgeFile, type FileUpload } from './files.ts';

/** The one order of the case library (the cursor belongs to it). */
const CASE_SORT = '-closed_at';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** The UTC instant a Beijing business date starts. */
const dayStart = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - SHANGHAI_OFFSET_MS).toISOString();
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Use cases of the knowledge base; routes stay thin and call one method each. */
export class KnowledgeService {
  readonly ctx: KnowledgeContext;
  constructor(ctx: KnowledgeContext) {
    this.ctx = ctx;
  }

  list(q: Parameters<typeof listArticles>[1]) {
    return listArticles(this.ctx, q);
  }
  get(actor: Actor, id: string) {
    return getArticle(this.ctx, actor, id);
  }
  create(actor: Actor, input: CreateArticle) {
    return createArticle(this.ctx, actor, input);
  }
  saveDraft(actor: Actor, id: string, input: { version: number; content: ArticleContent }) {
    return saveDraft(this.ctx, actor, id, input);
  }
  step(actor: Actor, id: string, step: ArticleStep) {
    return stepArticle(this.ctx, actor, id, step);
  }

  /** A manual or video for articles (stored, measured, an event); see files.ts. */
  uploadFile(actor: Actor, up: FileUpload) {
    return addKnowledgeFile(this.ctx, actor, up);
  }
  openFile(fileId: string, publicOnly: boolean) {
    return openKnowledgeFile(this.ctx, fileId, publicOnly);
  }

  search(q: SearchQuery) {
    return search(this.ctx, { ...q, publicOnly: false });
  }

  /** Suggestions beside the intake form or on the technician's phone (not logged as searches). */
  async suggest(q: {
    text: string;
    channel: 'agent' | 'technician';
    categoryCode?: string;
    modelCode?: string;
    faultCode?: string;
    limit: number;
  }) {
    const base = { channel: q.channel, limit: q.limit, publicOnly: false, cases: false };
    // The technician's phone opens on the order's model and fault code before anything is typed.
    const text = [q.text, q.faultCode ?? ''].join(' ').trim();
    if (!text) return { items: [], terms: [] };
    const scoped = await search(this.ctx, { ...base, q: text, categoryCode: q.categoryCode }, false);
    return scoped.items.length ? scoped : search(this.ctx, { ...base, q: text }, false);
  }

  async feedback(actor: Actor | null, articleId: string, f: Feedback) {
    const row = await repo.findArticleRow(this.ctx.db, articleId);
    if (!row || row.status !== 'published') throw notFound('article', articleId);
    await repo.recordFeedback(this.ctx.db, {
      id: newId(),
      articleId,
      channel: f.channel,
      helpful: f.helpful,
      orderId: f.orderId ?? null,
      actorId: actor?.userId || null,
      at: this.ctx.clock.now().toISOString(),
    });
    return {
      helpful: row.helpfulCount + (f.helpful ? 1 : 0),
      unhelpful: row.unhelpfulCount + (f.helpful ? 0 : 1),
    };
  }

  // ---- synonyms ----

  synonyms() {
    return repo.listSynonyms(this.ctx.db).then((items) => ({ items }));
  }
  private async checkOverlap(terms: string[], except: string | null) {
    const seen = new Set<string>();
    for (const t of terms) {
      if (seen.has(t)) throw refuse('knowledge.synonym_overlap', { term: t }, { path: 'terms' });
      seen.add(t);
    }
    for (const g of await repo.listSynonyms(this.ctx.db)) {
      if (g.id === except) continue;
      const hit = g.terms.find((t) => seen.has(t));
      if (hit) throw refuse('knowledge.synonym_overlap', { term: hit }, { path: 'terms' });
    }
  }
  async addSynonyms(input: SynonymInput) {
    await this.checkOverlap(input.terms, null);
    const id = newId();
    await repo.insertSynonyms(this.ctx.db, id, input.terms, this.ctx.clock.now().toISOString());
    return (await repo.listSynonyms(this.ctx.db)).find((g) => g.id === id)!;
  }
  async updateSynonyms(id: string, input: SynonymInput) {
    const g = (await repo.listSynonyms(this.ctx.db)).find((x) => x.id === id);
    if (!g) throw notFound('synonym group', id);
    const version = input.version ?? g.version;
    await this.checkOverlap(input.terms, id);
    if (
      !(await repo.updateSynonyms(this.ctx.db, id, version, input.terms, this.ctx.clock.now().toISOString()))
    )
      throw versionConflict('synonym group', id, version);
    return (await repo.listSynonyms(this.ctx.db)).find((x) => x.id === id)!;
  }
  async deleteSynonyms(id: string) {
    if (!(await repo.deleteSynonyms(this.ctx.db, id))) throw notFound('synonym group', id);
  }

  // ---- case library ----

  /** The case library newest closed first, a page at a time. */
  async cases(q: CaseListQuery) {
    const rows = await repo.listCases(this.ctx.db, {
      after: decodeCursor(q.cursor, CASE_SORT, 1),
      limit: q.limit + 1,
    });
    const { page, nextCursor } = pageFrom(rows, q.limit, CASE_SORT, (c) => ({
      keys: [c.closedAt],
      id: c.id,
    }));
    return { items: page, nextCursor };
  }
  async case(id: string) {
    const c = await repo.findCase(this.ctx.db, id);
    if (!c) throw notFound('article', id);
    return c;
  }

  // ---- portal self-service (public articles only) ----

  portalSearch(q: string, limit: number) {
    return search(this.ctx, { q, channel: 'portal', limit, publicOnly: true });
  }
  async portalArticle(idOrSlug: string): Promise<PortalArticle> {
    const row =
      (await repo.findArticleRow(this.ctx.db, idOrSlug)) ??
      (await repo.findArticleBySlug(this.ctx.db, idOrSlug));
    const live = row ? (await repo.liveVersions(this.ctx.db, [row.id]))[0] : undefined;
    // Internal, archived or never-published articles do not exist for the public.
    if (!row || !live || row.status !== 'published' || live.version.visibility !== 'public')
      throw notFound('article', idOrSlug);
    const v = live.version;
    return {
      id: row.id,
      slug: row.slug,
      kind: row.kind,
      title: v.title,
      summary: v.summary,
      body: v.body,
      fault: v.fault,
      attachments: v.attachments,
    };
  }
  async startSession(input: { query?: string; articleId?: string }) {
    const id = newId();
    await repo.insertSession(this.ctx.db, {
      id,
      query: input.query ?? null,
      article_id: input.articleId ?? null,
      outcome: null,
      started_at: this.ctx.clock.now().toISOString(),
      ended_at: null,
    });
    return { id };
  }
  async endSession(id: string, input: { outcome: 'fixed' | 'not_fixed' | 'filed'; articleId?: string }) {
    const ok = await repo.endSession(this.ctx.db, id, {
      outcome: input.outcome,
      articleId: input.articleId ?? null,
      at: this.ctx.clock.now().toISOString(),
    });
    if (!ok) throw notFound('article', id);
    // The customer's answer to "did this fix it?" is the article's feedback too.
    const article = input.articleId ? await repo.findArticleRow(this.ctx.db, input.articleId) : undefined;
    if (article?.status === 'published' && input.outcome !== 'filed')
      await repo.recordFeedback(this.ctx.db, {
        id: newId(),
        articleId: article.id,
        channel: 'portal',
        helpful: input.outcome === 'fixed',
        orderId: null,
        actorId: null,
        at: this.ctx.clock.now().toISOString(),
      });
    return { id, outcome: input.outcome };
  }

  // ---- remote resolution (work-order port) ----

  /** The article a remote resolution names: must exist and be published. */
  async articleForResolution(id: string) {
    const row = await repo.findArticleRow(this.ctx.db, id);
    if (!row) return null;
    return { id: row.id, title: row.title, published: row.status === 'published' };
  }

  // ---- figures ----

  async figures(q: { from?: string; to?: string }): Promise<KnowledgeFigures> {
    const policy = await knowledgePolicy(this.ctx.db);
    const now = this.ctx.clock.now();
    const today = businessDateOf(now);
    const to = q.to ?? today;
    const from = q.from ?? addDays(to, -(policy.figuresDays - 1));
    const [fromAt, toAt] = [dayStart(from), dayStart(addDays(to, 1))];
    const abandonedBefore = new Date(now.getTime() - policy.abandonMinutes * 60_000).toISOString();
    const [sessions, rr, searches, unanswered, helpful] = await Promise.all([
      repo.sessionCounts(this.ctx.db, fromAt, toAt, abandonedBefore),
      this.ctx.ports.remoteResolutions(fromAt, toAt),
      repo.searchCount(this.ctx.db, fromAt, toAt),
      repo.unansweredSearches(this.ctx.db, fromAt, toAt, 10),
      repo.mostHelpful(this.ctx.db, 10),
    ]);
    const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null);
    return {
      from,
      to,
      portalSessions: sessions.total,
      deflected: sessions.deflected,
      deflectionRate: ratio(sessions.deflected, sessions.total),
      ordersRegistered: rr.registered,
      remoteResolved: rr.remoteResolved,
      remoteResolvedWithArticle: rr.withArticle,
      remoteResolutionRate: ratio(rr.remoteResolved, rr.registered),
      articleShare: ratio(rr.withArticle, rr.remoteResolved),
      searches,
      unanswered,
      helpful,
    };
  }
}
