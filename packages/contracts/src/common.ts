import { z } from 'zod';

export const IdSchema = z.string().min(1).max(64);
export const IsoInstantSchema = z.iso.datetime({ offset: true });
export const BusinessDateSchema = z.iso.date();

/** Keyset pagination: `cursor` is opaque; `limit` bounded so no request scans without end. */
export const PageQuerySchema = z.object({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
