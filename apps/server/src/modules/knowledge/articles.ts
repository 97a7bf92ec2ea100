import type {
  ArticleContent,
  ArticleDetail,
  ArticleStep,
  ArticleSummary,
  ArticleVersion,
  CreateArticle,
} from '@anxin/contracts';
import { can, type Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { DomainError, fieldError, notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { actionsFor, articleStatusAfter, ruleFor } from './domain/lifecycle.ts';
import { eventActorOf, type KnowledgeContext } from './context.ts';
import { unknownFilePath } from './files.ts';
import { contentColumns } from './knowledge.codec.ts';
import { ARTICLE_STREAM, KNOWLEDGE_EVENTS } from './knowledge.events.ts';
import * as repo from './knowledge.repository.ts';
import { indexArticle } from './search.ts';

type Row = repo.ArticleRecord;

/** A fault-library article is its guide: symptom, checks and fix are required. */
function checkContent(kind: string, c: ArticleContent) {
  if (kind === 'fault' && !c.fault)
    throw refuse(
      'knowledge.fault_guide_required',
      {},
      { path: 'fault', detail: 'A fault article needs its guide' },
    );
}

/** Every uploaded attachment must name a stored file (a version never points at nothing). */
async function checkFiles(ctx: KnowledgeContext, c: ArticleContent) {
  const path = await unknownFilePath(ctx, c.attachments);
  if (path) throw fieldError(path, 'not_found', 'Upload the file first (POST /knowledge/files)');
}

const summaryOf = (r: Row, pending: ArticleVersion['status'] | null): ArticleSummary => ({
  id: r.id,
  slug: r.slug,
  kind: r.kind,
  status: r.status,
  title: r.title,
  visibility: r.visibility,
  categoryCode: r.categoryCode,
  helpfulCount: r.helpfulCount,
  unhelpfulCount: r.unhelpfulCount,
  resolvedCount: r.resolvedCount,
  pendingStatus: pending,
  updatedAt: r.updatedAt,
  version: r.version,
});

export async function listArticles(
  ctx: KnowledgeContext,
  f: { status?: ArticleSummary['status']; kind?: string; q?: string; limit: number },
) {
  const rows = await repo.listArticleRows(ctx.db, f);
  const open = await repo.openStatuses(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => summaryOf(r, open.get(r.id) ?? null)) };
}

export async function getArticle(
  ctx: KnowledgeContext,
  actor: Actor,
  idOrSlug: string,
): Promise<ArticleDetail> {
  const row =
    (await repo.findArticleRow(ctx.db, idOrSlug)) ?? (await repo.findArticleBySlug(ctx.db, idOrSlug));
  if (!row) throw notFound('article', idOrSlug);
  const versions = await repo.versionsOf(ctx.db, row.id);
  const published = versions.find((v) => v.id === row.publishedVersionId) ?? null;
  const pending = versions.find((v) => v.status === 'draft' || v.status === 'in_review') ?? null;
  const open = pending?.status ?? 'none';
  return {
    ...summaryOf(row, pending?.status ?? null),
    published,
    pending,
    actions: actionsFor(row.status, open, (p) => can(actor, p)),
    canEdit: can(actor, 'knowledge:write') && row.status !== 'archived' && open !== 'in_review',
  };
}

export async function createArticle(ctx: KnowledgeContext, actor: Actor, input: CreateArticle) {
  const { slug, kind, ...content } = input;
  checkContent(kind, content);
  await checkFiles(ctx, content);
  if (await repo.findArticleBySlug(ctx.db, slug))
    throw refuse('knowledge.slug_taken', { slug }, { path: 'slug' });
  const now = ctx.clock.now();
  const at = now.toISOString();
  const id = newId();
  await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    await repo.insertArticle(
      trx,
      {
        id,
        slug,
        kind,
        status: 'draft',
        title: content.title,
        visibility: content.visibility,
        category_code: content.categoryCode,
        published_version_id: null,
        helpful_count: 0,
        unhelpful_count: 0,
        resolved_count: 0,
        created_by: actor.userId || null,
        created_at: at,
        updated_at: at,
        version: 1,
      },
      {
        id: newId(),
        article_id: id,
        number: 1,
        status: 'draft',
        ...contentColumns(content),
        author_id: actor.userId || null,
        author_name: actor.displayName || actor.username,
        created_at: at,
        updated_at: at,
      },
    );
    await appendEvent(trx, {
      streamType: ARTICLE_STREAM,
      streamId: id,
      type: 'knowledge.article_created',
      actor: eventActorOf(actor),
      at: now,
      to: 'draft',
      data: { slug, kind },
    });
  });
  return getArticle(ctx, actor, id);
}

/**
 * Saves the open draft; a published article without one gets a new draft version (copying
 * nothing: the editor sends the whole content), so the live version stays readable meanwhile.
 */
export async function saveDraft(
  ctx: KnowledgeContext,
  actor: Actor,
  id: string,
  input: { version: number; content: ArticleContent },
) {
  const row = await repo.findArticleRow(ctx.db, id);
  if (!row) throw notFound('article', id);
  if (row.version !== input.version) throw versionConflict('article', id, input.version);
  checkContent(row.kind, input.content);
  await checkFiles(ctx, input.content);
  const versions = await repo.versionsOf(ctx.db, id);
  const open = versions.find((v) => v.status === 'draft' || v.status === 'in_review');
  if (row.status === 'archived' || open?.status === 'in_review')
    throw refuse('knowledge.not_editable', {}, { detail: `article ${id} is ${row.status}` });
  const now = ctx.clock.now();
  const at = now.toISOString();
  const number = open?.number ?? (versions.at(-1)?.number ?? 0) + 1;
  await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    const live = !!row.publishedVersionId;
    const ok = await repo.updateArticle(trx, id, row.version, {
      updated_at: at,
      // Until first published, the list shows the draft's title.
      ...(live
        ? {}
        : {
            title: input.content.title,
            visibility: input.content.visibility,
            category_code: input.content.categoryCode,
          }),
    });
    if (!ok) throw versionConflict('article', id, input.version);
    const cols = { ...contentColumns(input.content), updated_at: at, review_note: null };
    if (open) await repo.updateVersion(trx, open.id, cols);
    else
      await repo.insertVersion(trx, {
        id: newId(),
        article_id: id,
        number,
        status: 'draft',
        ...cols,
        author_id: actor.userId || null,
        author_name: actor.displayName || actor.username,
        created_at: at,
      });
    await appendEvent(trx, {
      streamType: ARTICLE_STREAM,
      streamId: id,
      type: 'knowledge.draft_saved',
      actor: eventActorOf(actor),
      at: now,
      data: { versionNo: number },
    });
  });
  return getArticle(ctx, actor, id);
}

/** One step of the review table (submit, approve = publish, reject, archive, restore). */
export async function stepArticle(ctx: KnowledgeContext, actor: Actor, id: string, step: ArticleStep) {
  const row = await repo.findArticleRow(ctx.db, id);
  if (!row) throw notFound('article', id);
  if (row.version !== step.version) throw versionConflict('article', id, step.version);
  const versions = await repo.versionsOf(ctx.db, id);
  const open = versions.find((v) => v.status === 'draft' || v.status === 'in_review');
  const rule = ruleFor(step.action, row.status, open?.status ?? 'none');
  if (!rule || !can(actor, rule.permission)) {
    throw new DomainError('state.invalid_transition', `cannot ${step.action} article ${id} (${row.status})`, {
      extra: {
        from: row.status,
        to: step.action,
        allowed: actionsFor(row.status, open?.status ?? 'none', (p) => can(actor, p)),
      },
    });
  }
  if (rule.needsNote && !step.note)
    throw refuse('knowledge.review_note_required', {}, { path: 'note', detail: 'A rejection needs a note' });
  const now = ctx.clock.now();
  const at = now.toISOString();
  const live = versions.find((v) => v.id === row.publishedVersionId) ?? null;
  const status = articleStatusAfter(step.action, !!live);
  await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    let patch: Parameters<typeof repo.updateArticle>[3] = { status, updated_at: at };
    if (step.action === 'submit')
      await repo.updateVersion(trx, open!.id, { status: 'in_review', submitted_at: at });
    if (step.action === 'reject')
      await repo.updateVersion(trx, open!.id, {
        status: 'draft',
        reviewer_id: actor.userId || null,
        reviewer_name: actor.displayName || actor.username,
        review_note: step.note ?? null,
      });
    if (step.action === 'approve') {
      const v = open!;
      if (live) await repo.updateVersion(trx, live.id, { status: 'superseded' });
      await repo.updateVersion(trx, v.id, {
        status: 'published',
        published_at: at,
        reviewer_id: actor.userId || null,
        reviewer_name: actor.displayName || actor.username,
        review_note: step.note ?? null,
      });
      patch = {
        ...patch,
        published_version_id: v.id,
        title: v.title,
        visibility: v.visibility,
        category_code: v.categoryCode,
      };
      await indexArticle(trx, id, row.kind, { ...v, status: 'published' });
    }
    if (step.action === 'archive') await repo.removeDoc(trx, id);
    if (step.action === 'restore' && live) await indexArticle(trx, id, row.kind, live);
    if (!(await repo.updateArticle(trx, id, row.version, patch)))
      throw versionConflict('article', id, step.version);
    await appendEvent(trx, {
      streamType: ARTICLE_STREAM,
      streamId: id,
      type: EVENT_OF[step.action],
      actor: eventActorOf(actor),
      at: now,
      from: row.status,
      to: status,
      reason: step.note ?? null,
      data: { versionNo: open?.number ?? live?.number ?? 0, note: step.note ?? '' },
    });
  });
  return getArticle(ctx, actor, id);
}

const EVENT_OF = {
  submit: KNOWLEDGE_EVENTS.type.submitted,
  approve: KNOWLEDGE_EVENTS.type.approved,
  reject: KNOWLEDGE_EVENTS.type.rejected,
  archive: KNOWLEDGE_EVENTS.type.archived,
  restore: KNOWLEDGE_EVENTS.type.restored,
} as const;
