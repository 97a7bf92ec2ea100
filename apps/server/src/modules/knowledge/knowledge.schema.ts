import type {
  ArticleKind,
  ArticleStatus,
  ArticleVersionStatus,
  ArticleVisibility,
  KnowledgeChannel,
} from '@anxin/contracts';

/** One article; title, visibility and category mirror the live version (else the first draft). */
export interface KbArticlesTable {
  id: string;
  slug: string;
  kind: ArticleKind;
  status: ArticleStatus;
  title: string;
  visibility: ArticleVisibility;
  category_code: string | null;
  published_version_id: string | null;
  helpful_count: number;
  unhelpful_count: number;
  resolved_count: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** One version's content; JSON columns hold arrays or the fault guide. */
export interface KbArticleVersionsTable {
  id: string;
  article_id: string;
  number: number;
  status: ArticleVersionStatus;
  title: string;
  summary: string;
  body: string;
  visibility: ArticleVisibility;
  category_code: string | null;
  model_codes: string;
  fault_codes: string;
  keywords: string;
  fault: string | null;
  attachments: string;
  author_id: string | null;
  author_name: string | null;
  reviewer_id: string | null;
  reviewer_name: string | null;
  review_note: string | null;
  submitted_at: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface KbDocsTable {
  doc_id: string;
  doc_kind: 'article' | 'case';
  visibility: ArticleVisibility;
  length: number;
}
export interface KbTermsTable {
  doc_id: string;
  term: string;
  tf: number;
}
export interface KbDocTagsTable {
  doc_id: string;
  tag: string;
}
export interface KbSynonymGroupsTable {
  id: string;
  terms: string;
  created_at: string;
  updated_at: string;
  version: number;
}
export interface KbSearchesTable {
  id: string;
  query: string;
  channel: KnowledgeChannel;
  hits: number;
  top_doc_id: string | null;
  at: string;
}
export interface KbFeedbackTable {
  id: string;
  article_id: string;
  channel: KnowledgeChannel;
  helpful: number;
  order_id: string | null;
  actor_id: string | null;
  at: string;
}
export interface KbPortalSessionsTable {
  id: string;
  query: string | null;
  article_id: string | null;
  outcome: 'fixed' | 'not_fixed' | 'filed' | null;
  started_at: string;
  ended_at: string | null;
}
export interface KbCasesTable {
  id: string;
  order_id: string;
  order_no: string;
  category_code: string | null;
  model_code: string | null;
  fault_codes: string;
  fault: string;
  diagnosis: string;
  fix: string;
  parts: string;
  closed_at: string;
  created_at: string;
}

/** An uploaded manual or video; the bytes are in the file storage under `storage_key`. */
export interface KbFilesTable {
  id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  created_at: string;
}

export interface KnowledgeTables {
  kb_articles: KbArticlesTable;
  kb_article_versions: KbArticleVersionsTable;
  kb_docs: KbDocsTable;
  kb_terms: KbTermsTable;
  kb_doc_tags: KbDocTagsTable;
  kb_synonym_groups: KbSynonymGroupsTable;
  kb_searches: KbSearchesTable;
  kb_feedback: KbFeedbackTable;
  kb_portal_sessions: KbPortalSessionsTable;
  kb_cases: KbCasesTable;
  kb_files: KbFilesTable;
}

/** The tables this module owns; other modules read them through its index.ts. */
export const OWNED_TABLES = [
  'kb_articles',
  'kb_article_versions',
  'kb_docs',
  'kb_terms',
  'kb_doc_tags',
  'kb_synonym_groups',
  'kb_searches',
  'kb_feedback',
  'kb_portal_sessions',
  'kb_cases',
  'kb_files',
] as const satisfies readonly (keyof KnowledgeTables)[];
