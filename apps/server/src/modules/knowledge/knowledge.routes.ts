import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ArticleDetailSchema,
  ArticleListQuerySchema,
  ArticleListSchema,
  ArticleStepSchema,
  CaseListQuerySchema,
  CaseListSchema,
  CaseSchema,
  CreateArticleSchema,
  FeedbackSchema,
  KnowledgeFiguresQuerySchema,
  IdSchema,
  KnowledgeFiguresSchema,
  PortalArticleSchema,
  PortalSessionEndSchema,
  PortalSessionStartSchema,
  SearchQuerySchema,
  SearchResultSchema,
  SuggestQuerySchema,
  SynonymGroupSchema,
  SynonymInputSchema,
  UpdateDraftSchema,
  storedText,
} from '@anxin/contracts';
import { problemResponses } from '../../platform/http/responses.ts';
import { knowledgeFileRoutes } from './files.routes.ts';
import type { KnowledgeService } from './knowledge.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const tags = ['knowledge'];
const P = '/api/v1/knowledge';
const PUB = '/api/v1/portal/knowledge';
const IdParams = z.object({ id: IdSchema });

/** Knowledge base: articles and their review, search, suggestions, feedback, synonyms, cases, figures. */
export function knowledgeRoutes(svc: KnowledgeService, maxUploadBytes: number) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    await fastify.register(knowledgeFileRoutes(svc, maxUploadBytes));
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const read = { permission: 'knowledge:read' as const };
    app.get(
      `${P}/articles`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Articles (every state)',
          querystring: ArticleListQuerySchema,
          response: { 200: ArticleListSchema, ...problems },
        },
      },
      async (req) => svc.list(req.query),
    );
    app.post(
      `${P}/articles`,
      {
        config: { permission: 'knowledge:write' },
        schema: {
          tags,
          summary: 'Write a new article (a draft)',
          body: CreateArticleSchema,
          response: { 201: ArticleDetailSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.create(req.actor!, req.body)),
    );
    app.get(
      `${P}/articles/:id`,
      {
        config: read,
        schema: {
          tags,
          summary: 'One article by id or slug: live version, open draft, steps',
          params: IdParams,
          response: { 200: ArticleDetailSchema, ...problems },
        },
      },
      async (req) => svc.get(req.actor!, req.params.id),
    );
    app.put(
      `${P}/articles/:id/draft`,
      {
        config: { permission: 'knowledge:write' },
        schema: {
          tags,
          summary: 'Save the open draft (a published article gets a new draft version)',
          params: IdParams,
          body: UpdateDraftSchema,
          response: { 200: ArticleDetailSchema, ...problems },
        },
      },
      async (req) => svc.saveDraft(req.actor!, req.params.id, req.body),
    );
    app.post(
      `${P}/articles/:id/steps`,
      {
        config: { permission: 'knowledge:write' },
        schema: {
          tags,
          summary: 'Submit, approve (publish), reject, archive or restore',
          params: IdParams,
          body: ArticleStepSchema,
          response: { 200: ArticleDetailSchema, ...problems },
        },
      },
      async (req) => svc.step(req.actor!, req.params.id, req.body),
    );
    app.post(
      `${P}/articles/:id/feedback`,
      {
        config: read,
        schema: {
          tags,
          summary: '"This solved it" (or not)',
          params: IdParams,
          body: FeedbackSchema,
          response: { 200: z.object({ helpful: z.number(), unhelpful: z.number() }), ...problems },
        },
      },
      async (req) => svc.feedback(req.actor!, req.params.id, req.body),
    );
    app.get(
      `${P}/search`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Ranked search (jieba + BM25 + synonyms), logged',
          querystring: SearchQuerySchema,
          response: { 200: SearchResultSchema, ...problems },
        },
      },
      async (req) => svc.search(req.query),
    );
    app.get(
      `${P}/suggest`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Suggestions for a fault description (intake, technician)',
          querystring: SuggestQuerySchema,
          response: { 200: SearchResultSchema, ...problems },
        },
      },
      async (req) => svc.suggest(req.query),
    );
    app.get(
      `${P}/synonyms`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Synonym groups',
          response: { 200: z.object({ items: z.array(SynonymGroupSchema) }), ...problems },
        },
      },
      async () => svc.synonyms(),
    );
    app.post(
      `${P}/synonyms`,
      {
        config: { permission: 'knowledge:manage' },
        schema: {
          tags,
          summary: 'Add a synonym group',
          body: SynonymInputSchema,
          response: { 201: SynonymGroupSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.addSynonyms(req.body)),
    );
    app.put(
      `${P}/synonyms/:id`,
      {
        config: { permission: 'knowledge:manage' },
        schema: {
          tags,
          summary: 'Change a synonym group',
          params: IdParams,
          body: SynonymInputSchema,
          response: { 200: SynonymGroupSchema, ...problems },
        },
      },
      async (req) => svc.updateSynonyms(req.params.id, req.body),
    );
    app.delete(
      `${P}/synonyms/:id`,
      {
        config: { permission: 'knowledge:manage' },
        schema: {
          tags,
          summary: 'Remove a synonym group',
          params: IdParams,
          response: { 204: z.null(), ...problems },
        },
      },
      async (req, reply) => {
        await svc.deleteSynonyms(req.params.id);
        return reply.status(204).send(null);
      },
    );
    app.get(
      `${P}/cases`,
      {
        config: read,
        schema: {
          tags,
          summary: 'The case library (anonymised closed orders), newest first',
          querystring: CaseListQuerySchema,
          response: { 200: CaseListSchema, ...problems },
        },
      },
      async (req) => svc.cases(req.query),
    );
    app.get(
      `${P}/cases/:id`,
      {
        config: read,
        schema: { tags, summary: 'One case', params: IdParams, response: { 200: CaseSchema, ...problems } },
      },
      async (req) => svc.case(req.params.id),
    );
    app.get(
      `${P}/figures`,
      {
        config: { permission: 'report:read' },
        schema: {
          tags,
          summary: 'Deflection, remote resolution, unanswered searches, helpful articles',
          querystring: KnowledgeFiguresQuerySchema,
          response: { 200: KnowledgeFiguresSchema, ...problems },
        },
      },
      async (req) => svc.figures(req.query),
    );

    // Portal self-service: anyone may read public articles and walk a fault guide.
    const pub = { permission: 'public' as const, rateLimit: { max: 120, timeWindow: '1 minute' } };
    app.get(
      `${PUB}/search`,
      {
        config: pub,
        schema: {
          tags,
          summary: 'Search public articles',
          querystring: z.object({
            q: storedText().trim().min(1).max(200),
            limit: z.coerce.number().int().min(1).max(20).default(8),
          }),
          response: { 200: SearchResultSchema, ...problems },
        },
      },
      async (req) => svc.portalSearch(req.query.q, req.query.limit),
    );
    app.get(
      `${PUB}/articles/:id`,
      {
        config: pub,
        schema: {
          tags,
          summary: 'A public article (by id or slug)',
          params: IdParams,
          response: { 200: PortalArticleSchema, ...problems },
        },
      },
      async (req) => svc.portalArticle(req.params.id),
    );
    app.post(
      `${PUB}/sessions`,
      {
        config: pub,
        schema: {
          tags,
          summary: 'Start a self-service visit',
          body: PortalSessionStartSchema,
          response: { 201: z.object({ id: z.string() }), ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.startSession(req.body)),
    );
    app.post(
      `${PUB}/sessions/:id/outcome`,
      {
        config: pub,
        schema: {
          tags,
          summary: 'How the visit ended: fixed (deflected), not fixed, filed a request',
          params: IdParams,
          body: PortalSessionEndSchema,
          response: { 200: z.object({ id: z.string(), outcome: z.string() }), ...problems },
        },
      },
      async (req) => svc.endSession(req.params.id, req.body),
    );
  };
}
