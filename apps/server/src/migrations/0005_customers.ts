import type { Kysely } from 'kysely';
import type { DialectName } from '../platform/db/types.ts';
import { createIndex } from '../platform/db/columns.ts';

/**
 * Substring search on customer names. Personal names are not dictionary words (jieba keeps
 * 王小明 whole, so 小明 would never match), so we index every two-character window (bigram) of
 * the name and company name: any query of two or more characters becomes an indexed lookup.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('customer_name_tokens')
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('customer_name_tokens_pk', ['token', 'customer_id'])
    .execute();
  await createIndex(db, 'customer_name_tokens_customer_idx', 'customer_name_tokens', ['customer_id']);
}
