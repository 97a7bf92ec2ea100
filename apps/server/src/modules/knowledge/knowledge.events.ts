import { z } from 'zod';
import { anyPayload, defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/** Events of knowledge articles (one per review step) and the case library. */
const KNOWLEDGE_EVENT_SCHEMAS = {
  article_created: z.looseObject({ slug: z.string(), kind: z.string() }),
  draft_saved: z.looseObject({ versionNo: z.number() }),
  submitted: z.looseObject({ versionNo: z.number() }),
  approved: z.looseObject({ versionNo: z.number() }),
  rejected: z.looseObject({ versionNo: z.number(), note: z.string() }),
  archived: anyPayload,
  restored: anyPayload,
  case_recorded: z.looseObject({ orderId: z.string() }),
  file_uploaded: z.looseObject({ filename: z.string(), sha256: z.string(), sizeBytes: z.number() }),
};
export const KNOWLEDGE_EVENTS = defineEvents('knowledge', 'knowledge', KNOWLEDGE_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'knowledge', typeof KNOWLEDGE_EVENT_SCHEMAS> {}
}

export const ARTICLE_STREAM = 'kb_article';
export const CASE_STREAM = 'kb_case';
export const FILE_STREAM = 'kb_file';
