import { isFileAttachment } from '@anxin/contracts';
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/types.ts';
import { versionOf } from './knowledge.codec.ts';
import type { KbFilesTable } from './knowledge.schema.ts';

/** An uploaded manual or video as the module works with it. */
export interface KbFileRecord {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string | null;
  createdAt: string;
}

const fileOf = (r: Selectable<KbFilesTable>): KbFileRecord => ({
  id: r.id,
  filename: r.filename,
  contentType: r.content_type,
  sizeBytes: r.size_bytes,
  sha256: r.sha256,
  storageKey: r.storage_key,
  uploadedBy: r.uploaded_by,
  createdAt: r.created_at,
});

export async function insertFile(trx: Db, f: KbFileRecord): Promise<void> {
  await trx
    .insertInto('kb_files')
    .values({
      id: f.id,
      filename: f.filename,
      content_type: f.contentType,
      size_bytes: f.sizeBytes,
      sha256: f.sha256,
      storage_key: f.storageKey,
      uploaded_by: f.uploadedBy,
      created_at: f.createdAt,
    })
    .execute();
}

export async function findFile(db: Db, id: string): Promise<KbFileRecord | undefined> {
  const r = await db.selectFrom('kb_files').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? fileOf(r) : undefined;
}

/** Which of `ids` are stored files (a version may only name those). */
export async function existingFileIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('kb_files')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Whether the file is attached to the live version of a published public article: the only files
 * the portal may serve. The text match narrows the candidates; the decoded attachments decide.
 */
export async function isPublicFile(db: Db, fileId: string): Promise<boolean> {
  const rows = await db
    .selectFrom('kb_article_versions as v')
    .innerJoin('kb_articles as a', 'a.published_version_id', 'v.id')
    .selectAll('v')
    .where('a.status', '=', 'published')
    .where('v.visibility', '=', 'public')
    .where('v.attachments', 'like', `%${JSON.stringify(fileId)}%`)
    .execute();
  return rows.some((r) => versionOf(r).attachments.some((a) => isFileAttachment(a) && a.fileId === fileId));
}
