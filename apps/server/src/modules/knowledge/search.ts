import type { ArticleVersion, SearchHit, SearchQuery } from '@anxin/contracts';
import type { Db } from '../../platform/db/types.ts';
import { newId } from '../../platform/ids/index.ts';
import { bm25, feedbackFactor, hasAnchorTerm, round, type Postings } from './domain/bm25.ts';
import { expandQuery } from './domain/synonyms.ts';
import { termFrequencies } from './domain/tokenize.ts';
import { knowledgePolicy, type KnowledgeContext } from './context.ts';
import * as repo from './knowledge.repository.ts';

/** The text a version is found by: summary, body, keywords and the fault guide. */
export function searchableText(
  v: Pick<ArticleVersion, 'summary' | 'body' | 'keywords' | 'fault' | 'faultCodes' | 'modelCodes'>,
) {
  const f = v.fault;
  return [
    v.summary,
    v.keywords.join(' '),
    f ? [f.symptom, ...f.causes, ...f.checks, f.fix].join('\n') : '',
    v.body,
    v.faultCodes.join(' '),
    v.modelCodes.join(' '),
  ].join('\n');
}

/** Puts an article's published version into the index (replacing what was there). */
export async function indexArticle(db: Db, articleId: string, kind: string, v: ArticleVersion) {
  const { titleWeight } = await knowledgePolicy(db);
  const { tf, length } = termFrequencies({ title: v.title, text: searchableText(v) }, titleWeight);
  const tags = [
    `kind:${kind}`,
    ...(v.categoryCode ? [`category:${v.categoryCode}`] : []),
    ...v.modelCodes.map((m) => `model:${m}`),
    ...v.faultCodes.map((c) => `fault:${c}`),
  ];
  await repo.replaceDoc(db, { id: articleId, kind: 'article', visibility: v.visibility, length }, tf, tags);
}

interface Scope {
  publicOnly: boolean;
  cases: boolean;
  kind?: string;
  categoryCode?: string;
  modelCode?: string;
  faultCode?: string;
}

const tagsOf = (s: Scope) => [
  ...(s.kind ? [`kind:${s.kind}`] : []),
  ...(s.categoryCode ? [`category:${s.categoryCode}`] : []),
  ...(s.modelCode ? [`model:${s.modelCode}`] : []),
  ...(s.faultCode ? [`fault:${s.faultCode}`] : []),
];

/** Ranked ids: BM25 over the segmented terms with synonyms, lifted by "this solved it" votes. */
export async function rank(ctx: KnowledgeContext, text: string, scope: Scope, limit: number) {
  const policy = await knowledgePolicy(ctx.db);
  const groups = (await repo.listSynonyms(ctx.db)).map((g) => g.terms);
  const terms = expandQuery(text, groups);
  const s: repo.IndexScope = {
    kinds: scope.cases ? ['article', 'case'] : ['article'],
    publicOnly: scope.publicOnly,
    tags: tagsOf(scope),
  };
  // Collection statistics ignore the filters: a filter narrows the candidates, not how rare a word is.
  const [stats, rows] = await Promise.all([
    repo.indexStats(ctx.db, { ...s, tags: [] }),
    repo.postings(ctx.db, s, [...terms.keys()]),
  ]);
  const postings: Postings = new Map();
  const docLength = new Map<string, number>();
  for (const r of rows) {
    if (!postings.has(r.term)) postings.set(r.term, new Map());
    postings.get(r.term)!.set(r.docId, r.tf);
    docLength.set(r.docId, r.length);
  }
  const scored = bm25({ terms, postings, docLength, ...stats, k1: policy.bm25K1, b: policy.bm25B });
  const votes = new Map(
    (
      await repo.liveVersions(
        ctx.db,
        scored.slice(0, 50).map((x) => x.id),
      )
    ).map((l) => [l.articleId, l]),
  );
  const lifted = scored
    .map((x) => {
      const v = votes.get(x.id);
      return {
        ...x,
        score: round(x.score * (v ? feedbackFactor(v.helpful, v.unhelpful, policy.feedbackBoost) : 1)),
      };
    })
    .filter((x) => x.score >= policy.minScore && hasAnchorTerm(x.matched))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return { hits: lifted.slice(0, limit), terms: [...terms.keys()] };
}

const snippetOf = (text: string, terms: string[]) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  const at = Math.max(0, Math.min(...terms.map((t) => flat.indexOf(t)).filter((i) => i >= 0), flat.length));
  const start = Math.max(0, at - 20);
  return (start > 0 ? '…' : '') + flat.slice(start, start + 90) + (flat.length > start + 90 ? '…' : '');
};

/** Search with hits described (titles, snippets), logged for the dashboard. */
export async function search(
  ctx: KnowledgeContext,
  q: SearchQuery & { publicOnly: boolean },
  log = true,
): Promise<{ items: SearchHit[]; terms: string[] }> {
  const { hits, terms } = await rank(ctx, q.q, { ...q, cases: !!q.cases && !q.publicOnly }, q.limit);
  const ids = hits.map((h) => h.id);
  const [lives, cases] = await Promise.all([repo.liveVersions(ctx.db, ids), repo.casesByIds(ctx.db, ids)]);
  const art = new Map(lives.map((l) => [l.articleId, l]));
  const cs = new Map(cases.map((c) => [c.id, c]));
  const items: SearchHit[] = [];
  for (const h of hits) {
    const a = art.get(h.id);
    if (a) {
      items.push({
        docKind: 'article',
        id: h.id,
        slug: a.slug,
        kind: a.kind,
        title: a.version.title,
        snippet: snippetOf(a.version.summary || searchableText(a.version), h.matched),
        score: h.score,
        matched: h.matched,
      });
      continue;
    }
    const c = cs.get(h.id);
    if (c)
      items.push({
        docKind: 'case',
        id: h.id,
        slug: null,
        kind: null,
        title: c.fault.slice(0, 60),
        snippet: snippetOf(`${c.diagnosis} ${c.fix}`, h.matched),
        score: h.score,
        matched: h.matched,
      });
  }
  if (log)
    await repo.logSearch(ctx.db, {
      id: newId(),
      query: q.q.slice(0, 200),
      channel: q.channel,
      hits: items.length,
      topDocId: items[0]?.id ?? null,
      at: ctx.clock.now().toISOString(),
    });
  return { items, terms };
}
