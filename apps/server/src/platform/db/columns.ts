import { sql, type ColumnDataType, type Expression, type Kysely } from 'kysely';
import type { DialectName } from './types.ts';

/**
 * The small portable column vocabulary migrations use (n8n style). Everything maps to the same
 * logical type on both databases; the schema-parity test checks the result.
 */
export function bigintType(dialect: DialectName): ColumnDataType | Expression<unknown> {
  return dialect === 'postgres' ? 'bigint' : 'integer';
}

/** ISO-8601 UTC instants sort correctly as text on both dialects. */
export const INSTANT = 'text' as const;
export const BUSINESS_DATE = 'text' as const;
export const JSON_TEXT = 'text' as const;

export const nowIso = sql<string>`CURRENT_TIMESTAMP`;

export async function createIndex(
  db: Kysely<any>,
  name: string,
  table: string,
  columns: string[],
  opts: { unique?: boolean; where?: string } = {},
): Promise<void> {
  let b = db.schema.createIndex(name).on(table).columns(columns);
  if (opts.unique) b = b.unique();
  if (opts.where) b = b.where(sql.raw<boolean>(opts.where));
  await b.execute();
}

/**
 * Text compared by code point on both databases. Prefix search uses index ranges
 * (`x >= p and x < successor(p)`), which are only exact under binary collation; SQLite compares
 * binary by default, PostgreSQL follows the database collation unless told otherwise.
 */
export function binaryText(dialect: DialectName): ColumnDataType | Expression<unknown> {
  return dialect === 'postgres' ? sql`text collate "C"` : 'text';
}
