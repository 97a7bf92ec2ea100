import type { Kysely } from 'kysely';
import { createIndex, INSTANT } from '../platform/db/columns.ts';
import type { DialectName } from '../platform/db/types.ts';

/**
 * Knowledge-base files (issue #17 item 1): manuals and videos uploaded once and named by article
 * versions' attachments (`{ kind, name, fileId }`). The bytes live in the platform file storage
 * under `storage_key`; the row keeps what was measured on the way in.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('kb_files')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('uploaded_by', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'kb_files_created_idx', 'kb_files', ['created_at']);
}
