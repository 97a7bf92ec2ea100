import { z } from 'zod';
import { storedText } from './common.ts';

/** Locales the printable documents are written in (the request's, zh-CN by default). */
export const DOCUMENT_LOCALES = ['zh-CN', 'en-US'] as const;
export type DocumentLocale = (typeof DOCUMENT_LOCALES)[number];

export const DOCUMENTS_POLICY_KEY = 'documents.policy';

/** Settings of the printable PDF documents (`documents.policy`). */
export const DocumentsPolicySchema = z.strictObject({
  /** The company name in every document's header (Chinese documents). */
  companyNameZh: storedText().trim().min(1).max(60),
  /** The company name in English documents. */
  companyNameEn: storedText().trim().min(1).max(80),
  /**
   * An OpenType/TrueType font file on the server that replaces the vendored Noto Sans SC subset
   * (e.g. a full system font for rare characters); empty uses the vendored font.
   */
  fontPath: storedText().trim().max(500),
});
export type DocumentsPolicy = z.infer<typeof DocumentsPolicySchema>;
export const DEFAULT_DOCUMENTS_POLICY: DocumentsPolicy = {
  companyNameZh: '安心售后服务中心',
  companyNameEn: 'Anxin After-sales Service Centre',
  fontPath: '',
};

/** `?locale=` on a document's URL: the web passes the language it shows. */
export const DocumentQuerySchema = z.object({ locale: z.enum(DOCUMENT_LOCALES).optional() });
