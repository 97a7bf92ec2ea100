import { z } from 'zod';

/**
 * Text neither database stores faithfully: NUL (PostgreSQL refuses it, SQLite keeps it and
 * truncates it in C APIs) and a lone UTF-16 surrogate (PostgreSQL refuses it in JSON and turns it
 * into U+FFFD in text). Matched per UTF-16 code unit, so no `u` flag.
 */
export const UNSTORABLE_TEXT =
  // eslint-disable-next-line no-control-regex -- NUL is what this pattern is for
  /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const isStorableText = (s: string): boolean => !UNSTORABLE_TEXT.test(s);

/**
 * The string type for every text a request may store: `storedText().min(1).max(200)`. An
 * unstorable value fails with the registered field rule `unstorable_text`.
 */
export const storedText = () =>
  z.string().refine(isStorableText, {
    message: 'The text contains NUL or a lone UTF-16 surrogate',
    params: { rule: 'unstorable_text' },
  });

export const IdSchema = storedText().min(1).max(64);
export const IsoInstantSchema = z.iso.datetime({ offset: true });
export const BusinessDateSchema = z.iso.date();

/** Keyset pagination: `cursor` is opaque; `limit` bounded so no request scans without end. */
export const PageQuerySchema = z.object({
  cursor: storedText().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export * from './locales.ts';
