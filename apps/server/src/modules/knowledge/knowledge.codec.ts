import type { ArticleContent, ArticleVersion, FaultGuide, KnowledgeCase } from '@anxin/contracts';
import type { Selectable } from 'kysely';
import type { KbArticleVersionsTable, KbCasesTable } from './knowledge.schema.ts';

const list = (s: string): string[] => JSON.parse(s) as string[];

/** A version row as the API shows it (JSON columns decoded). */
export function versionOf(r: Selectable<KbArticleVersionsTable>): ArticleVersion {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    title: r.title,
    summary: r.summary,
    body: r.body,
    visibility: r.visibility,
    categoryCode: r.category_code,
    modelCodes: list(r.model_codes),
    faultCodes: list(r.fault_codes),
    keywords: list(r.keywords),
    fault: r.fault ? (JSON.parse(r.fault) as FaultGuide) : null,
    attachments: JSON.parse(r.attachments) as ArticleVersion['attachments'],
    authorName: r.author_name,
    reviewerName: r.reviewer_name,
    reviewNote: r.review_note,
    submittedAt: r.submitted_at,
    publishedAt: r.published_at,
    updatedAt: r.updated_at,
  };
}

/** The content columns of a version row. */
export function contentColumns(c: ArticleContent) {
  return {
    title: c.title,
    summary: c.summary,
    body: c.body,
    visibility: c.visibility,
    category_code: c.categoryCode,
    model_codes: JSON.stringify(c.modelCodes),
    fault_codes: JSON.stringify(c.faultCodes),
    keywords: JSON.stringify(c.keywords),
    fault: c.fault ? JSON.stringify(c.fault) : null,
    attachments: JSON.stringify(c.attachments),
  };
}

export function caseOf(r: Selectable<KbCasesTable>): KnowledgeCase {
  return {
    id: r.id,
    orderNo: r.order_no,
    categoryCode: r.category_code,
    modelCode: r.model_code,
    faultCodes: list(r.fault_codes),
    fault: r.fault,
    diagnosis: r.diagnosis,
    fix: r.fix,
    parts: list(r.parts),
    closedAt: r.closed_at,
  };
}

export const synonymTerms = (s: string): string[] => list(s);
