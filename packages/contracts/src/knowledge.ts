import { z } from 'zod';
import { IdSchema, storedText } from './common.ts';

/**
 * Knowledge base (知识库, issue #17): articles of several kinds, versioned and reviewed before
 * publishing; ranked Chinese search with synonyms; suggestions at intake and on the technician's
 * phone; "this solved it" feedback; the anonymised case library; portal self-service.
 */

export const ARTICLE_KINDS = ['faq', 'fault', 'script', 'manual', 'video'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

/** An article's own state: a published article stays readable while its next draft is edited. */
export const ARTICLE_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const ARTICLE_VERSION_STATUSES = ['draft', 'in_review', 'published', 'superseded'] as const;
export type ArticleVersionStatus = (typeof ARTICLE_VERSION_STATUSES)[number];

export const ARTICLE_VISIBILITIES = ['internal', 'public'] as const;
export type ArticleVisibility = (typeof ARTICLE_VISIBILITIES)[number];

export const KNOWLEDGE_CHANNELS = ['agent', 'technician', 'portal', 'library'] as const;
export type KnowledgeChannel = (typeof KNOWLEDGE_CHANNELS)[number];

/** Review steps on an article's open version (server state table: knowledge/domain/lifecycle.ts). */
export const ARTICLE_ACTIONS = ['submit', 'approve', 'reject', 'archive', 'restore'] as const;
export type ArticleAction = (typeof ARTICLE_ACTIONS)[number];

const Line = storedText().trim().min(1).max(500);
const Code = storedText().trim().min(1).max(64);

export const FaultGuideSchema = z.strictObject({
  symptom: storedText().trim().min(1).max(500),
  causes: z.array(Line).max(20).default([]),
  /** Checks in order; the portal shows them as troubleshooting steps. */
  checks: z.array(Line).min(1).max(20),
  fix: storedText().trim().min(1).max(2000),
});
export type FaultGuide = z.infer<typeof FaultGuideSchema>;

const AttachmentName = storedText().trim().min(1).max(200);

/** An attachment that points elsewhere (a vendor's manual online, a video site, an intranet page). */
export const LinkAttachmentSchema = z.strictObject({
  kind: z.enum(['manual', 'video', 'link']),
  name: AttachmentName,
  url: z
    .string()
    .trim()
    .max(1000)
    .regex(/^(https?:\/\/|\/)[^\s]*$/),
});
/** A manual or video uploaded to the knowledge base (`POST /knowledge/files`); saved versions name it. */
export const FileAttachmentSchema = z.strictObject({
  kind: z.enum(['manual', 'video']),
  name: AttachmentName,
  fileId: IdSchema,
});
/** Either form; links written before uploads existed stay valid. */
export const AttachmentSchema = z.union([FileAttachmentSchema, LinkAttachmentSchema]);
export type FileAttachment = z.infer<typeof FileAttachmentSchema>;
export type LinkAttachment = z.infer<typeof LinkAttachmentSchema>;
export const isFileAttachment = (a: Attachment): a is FileAttachment => 'fileId' in a;

/** An uploaded knowledge file as the upload answers it. */
export const KnowledgeFileSchema = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
});
export type KnowledgeFile = z.infer<typeof KnowledgeFileSchema>;
/** Types a manual or video may be (the bytes must say the same). */
export const KNOWLEDGE_FILE_TYPES = [
  'application/pdf',
  'video/mp4',
  'video/quicktime',
  'image/jpeg',
  'image/png',
  'image/webp',
] as const;
export type Attachment = z.infer<typeof AttachmentSchema>;

export const ArticleContentSchema = z.strictObject({
  title: storedText().trim().min(2).max(120),
  summary: storedText().trim().max(500).default(''),
  body: storedText().trim().max(20000).default(''),
  visibility: z.enum(ARTICLE_VISIBILITIES),
  categoryCode: Code.nullable().default(null),
  modelCodes: z.array(Code).max(50).default([]),
  faultCodes: z.array(Code).max(50).default([]),
  keywords: z.array(storedText().trim().min(1).max(40)).max(30).default([]),
  fault: FaultGuideSchema.nullable().default(null),
  attachments: z.array(AttachmentSchema).max(20).default([]),
});
export type ArticleContent = z.infer<typeof ArticleContentSchema>;

export const CreateArticleSchema = ArticleContentSchema.extend({
  slug: z
    .string()
    .trim()
    .min(3)
    .max(80)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  kind: z.enum(ARTICLE_KINDS),
});
export type CreateArticle = z.infer<typeof CreateArticleSchema>;

export const UpdateDraftSchema = z.strictObject({
  version: z.number().int().min(1),
  content: ArticleContentSchema,
});
export type UpdateDraft = z.infer<typeof UpdateDraftSchema>;

export const ArticleStepSchema = z.strictObject({
  action: z.enum(ARTICLE_ACTIONS),
  version: z.number().int().min(1),
  note: storedText().trim().min(1).max(500).optional(),
});
export type ArticleStep = z.infer<typeof ArticleStepSchema>;

export const ArticleVersionSchema = ArticleContentSchema.extend({
  id: z.string(),
  number: z.number().int(),
  status: z.enum(ARTICLE_VERSION_STATUSES),
  authorName: z.string().nullable(),
  reviewerName: z.string().nullable(),
  reviewNote: z.string().nullable(),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type ArticleVersion = z.infer<typeof ArticleVersionSchema>;

export const ArticleSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  kind: z.enum(ARTICLE_KINDS),
  status: z.enum(ARTICLE_STATUSES),
  title: z.string(),
  visibility: z.enum(ARTICLE_VISIBILITIES),
  categoryCode: z.string().nullable(),
  helpfulCount: z.number().int(),
  unhelpfulCount: z.number().int(),
  resolvedCount: z.number().int(),
  /** A draft or review is open beside the live version. */
  pendingStatus: z.enum(ARTICLE_VERSION_STATUSES).nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

export const ArticleDetailSchema = ArticleSummarySchema.extend({
  /** What readers see (null until first published). */
  published: ArticleVersionSchema.nullable(),
  /** The open draft or version in review (null when none). */
  pending: ArticleVersionSchema.nullable(),
  /** Steps the caller may take now. */
  actions: z.array(z.enum(ARTICLE_ACTIONS)),
  canEdit: z.boolean(),
});
export type ArticleDetail = z.infer<typeof ArticleDetailSchema>;

export const ArticleListQuerySchema = z.object({
  status: z.enum(ARTICLE_STATUSES).optional(),
  kind: z.enum(ARTICLE_KINDS).optional(),
  q: storedText().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export const ArticleListSchema = z.object({ items: z.array(ArticleSummarySchema) });

export const SearchQuerySchema = z.object({
  q: storedText().trim().min(1).max(200),
  channel: z.enum(KNOWLEDGE_CHANNELS).default('library'),
  kind: z.enum(ARTICLE_KINDS).optional(),
  categoryCode: Code.optional(),
  modelCode: Code.optional(),
  faultCode: Code.optional(),
  /** Include the case library. */
  cases: z
    .enum(['0', '1'])
    .transform((v) => v === '1')
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const SearchHitSchema = z.object({
  docKind: z.enum(['article', 'case']),
  id: z.string(),
  slug: z.string().nullable(),
  kind: z.enum(ARTICLE_KINDS).nullable(),
  title: z.string(),
  snippet: z.string(),
  score: z.number(),
  matched: z.array(z.string()),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;
export const SearchResultSchema = z.object({ items: z.array(SearchHitSchema), terms: z.array(z.string()) });
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const SuggestQuerySchema = z.object({
  text: storedText().trim().max(500).default(''),
  channel: z.enum(['agent', 'technician']).default('agent'),
  categoryCode: Code.optional(),
  modelCode: Code.optional(),
  faultCode: Code.optional(),
  limit: z.coerce.number().int().min(1).max(10).default(5),
});

export const FeedbackSchema = z.strictObject({
  helpful: z.boolean(),
  channel: z.enum(KNOWLEDGE_CHANNELS),
  orderId: IdSchema.optional(),
});
export type Feedback = z.infer<typeof FeedbackSchema>;

export const SynonymGroupSchema = z.object({
  id: z.string(),
  terms: z.array(z.string()),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type SynonymGroup = z.infer<typeof SynonymGroupSchema>;
export const SynonymInputSchema = z.strictObject({
  terms: z.array(storedText().trim().min(1).max(20)).min(2).max(20),
  version: z.number().int().min(1).optional(),
});
export type SynonymInput = z.infer<typeof SynonymInputSchema>;

export const CaseSchema = z.object({
  id: z.string(),
  orderNo: z.string(),
  categoryCode: z.string().nullable(),
  modelCode: z.string().nullable(),
  faultCodes: z.array(z.string()),
  fault: z.string(),
  diagnosis: z.string(),
  fix: z.string(),
  parts: z.array(z.string()),
  closedAt: z.string(),
});
export type KnowledgeCase = z.infer<typeof CaseSchema>;
export const CaseListQuerySchema = z.strictObject({
  /** Opaque keyset position from the previous page's `nextCursor` (newest closed first). */
  cursor: storedText().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;
export const CaseListSchema = z.object({ items: z.array(CaseSchema), nextCursor: z.string().nullable() });

/** Portal self-service: public articles only. */
export const PortalArticleSchema = z.object({
  id: z.string(),
  slug: z.string(),
  kind: z.enum(ARTICLE_KINDS),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  fault: FaultGuideSchema.nullable(),
  attachments: z.array(AttachmentSchema),
});
export type PortalArticle = z.infer<typeof PortalArticleSchema>;
export const PortalSessionStartSchema = z.strictObject({
  query: storedText().trim().max(200).optional(),
  articleId: IdSchema.optional(),
});
export const PortalSessionEndSchema = z.strictObject({
  outcome: z.enum(['fixed', 'not_fixed', 'filed']),
  articleId: IdSchema.optional(),
});

export const KnowledgeFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  portalSessions: z.number().int(),
  deflected: z.number().int(),
  deflectionRate: z.number().nullable(),
  ordersRegistered: z.number().int(),
  remoteResolved: z.number().int(),
  remoteResolvedWithArticle: z.number().int(),
  remoteResolutionRate: z.number().nullable(),
  articleShare: z.number().nullable(),
  searches: z.number().int(),
  unanswered: z.array(z.object({ query: z.string(), count: z.number().int() })),
  helpful: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      title: z.string(),
      helpful: z.number().int(),
      unhelpful: z.number().int(),
      resolved: z.number().int(),
    }),
  ),
});
export type KnowledgeFigures = z.infer<typeof KnowledgeFiguresSchema>;
export const KnowledgeFiguresQuerySchema = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

/** Business settings (`knowledge.policy`). */
export const KnowledgePolicySchema = z.strictObject({
  /** BM25 term-frequency saturation and length normalisation. */
  bm25K1: z.number().min(0.1).max(5),
  bm25B: z.number().min(0).max(1),
  /** Title terms count this many times. */
  titleWeight: z.number().int().min(1).max(10),
  /** Score multiplier per log(1 + net helpful votes). */
  feedbackBoost: z.number().min(0).max(2),
  /** A portal visit with no outcome after this many minutes counts as left without filing. */
  abandonMinutes: z.number().int().min(5).max(1440),
  /** Lowest score shown as a hit (a search with none is logged as unanswered). */
  minScore: z.number().min(0).max(100),
  /** Days the knowledge dashboard looks back by default. */
  figuresDays: z.number().int().min(1).max(366),
  /** Largest uploaded manual or video (a policy saved before uploads existed gets the default). */
  maxAttachmentBytes: z
    .number()
    .int()
    .min(100_000)
    .max(500 * 1024 * 1024)
    .default(100 * 1024 * 1024),
});
export type KnowledgePolicy = z.infer<typeof KnowledgePolicySchema>;
export const DEFAULT_KNOWLEDGE_POLICY: KnowledgePolicy = {
  bm25K1: 1.2,
  bm25B: 0.75,
  titleWeight: 3,
  feedbackBoost: 0.1,
  abandonMinutes: 30,
  minScore: 0.5,
  figuresDays: 30,
  maxAttachmentBytes: 100 * 1024 * 1024,
};
