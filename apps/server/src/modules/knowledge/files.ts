import type { Readable } from 'node:stream';
import {
  isFileAttachment,
  KNOWLEDGE_FILE_TYPES,
  type Attachment,
  type KnowledgeFile,
} from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import {
  FileNotFoundError,
  payloadTooLarge,
  storeUpload,
  unsupportedMedia,
} from '../../platform/files/index.ts';
import { notFound } from '../../platform/http/errors.ts';
import { firstUnstorable, unstorableText } from '../../platform/http/storable-text.ts';
import { newId } from '../../platform/ids/index.ts';
import { eventActorOf, knowledgePolicy, type KnowledgeContext } from './context.ts';
import * as files from './files.repository.ts';
import { FILE_STREAM, KNOWLEDGE_EVENTS } from './knowledge.events.ts';

export interface FileUpload {
  filename: string;
  mimetype: string;
  stream: Readable;
}

const TYPES: readonly string[] = KNOWLEDGE_FILE_TYPES;
const unsupported = (message: string) => unsupportedMedia(TYPES, message);

/**
 * A manual or video for articles, stored through the platform file storage
 * (`knowledge/<file>`) with its sha256. Articles name it by id once saved; a refused upload (type,
 * content, size) leaves no bytes and no row behind.
 */
export async function addKnowledgeFile(
  ctx: KnowledgeContext,
  actor: Actor,
  up: FileUpload,
): Promise<KnowledgeFile> {
  const refuseUpload = (err: Error) => {
    up.stream.resume();
    return err;
  };
  if (!TYPES.includes(up.mimetype))
    throw refuseUpload(unsupported('Knowledge files are PDF, MP4, MOV or images'));
  if (firstUnstorable(up.filename, 'file') !== null) throw refuseUpload(unstorableText('file'));
  const { maxAttachmentBytes } = await knowledgePolicy(ctx.db);
  const id = newId();
  const key = `knowledge/${id}`;
  const stored = await storeUpload(ctx.storage, key, up, maxAttachmentBytes);
  if (!stored.ok)
    throw stored.reason === 'too_large'
      ? payloadTooLarge(maxAttachmentBytes)
      : unsupported(`The file content is not ${up.mimetype}`);
  const now = ctx.clock.now();
  const row: files.KbFileRecord = {
    id,
    filename: up.filename.slice(0, 200) || 'file',
    contentType: up.mimetype,
    sizeBytes: stored.sizeBytes,
    sha256: stored.sha256,
    storageKey: key,
    uploadedBy: actor.userId || null,
    createdAt: now.toISOString(),
  };
  try {
    await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
      await files.insertFile(trx, row);
      await appendEvent(trx, {
        streamType: FILE_STREAM,
        streamId: id,
        type: KNOWLEDGE_EVENTS.type.file_uploaded,
        actor: eventActorOf(actor),
        at: now,
        data: { filename: row.filename, sha256: row.sha256, sizeBytes: row.sizeBytes },
      });
    });
  } catch (err) {
    await ctx.storage.delete(key);
    throw err;
  }
  return { id, filename: row.filename, contentType: row.contentType, sizeBytes: row.sizeBytes };
}

/**
 * Opens a stored file to stream. `publicOnly` (the portal) serves only files attached to the live
 * version of a published public article; anything else does not exist for the public.
 */
export async function openKnowledgeFile(ctx: KnowledgeContext, fileId: string, publicOnly: boolean) {
  const f = await files.findFile(ctx.db, fileId);
  if (!f || (publicOnly && !(await files.isPublicFile(ctx.db, fileId))))
    throw notFound('knowledge file', fileId);
  try {
    return {
      stream: await ctx.storage.get(f.storageKey),
      contentType: f.contentType,
      sizeBytes: f.sizeBytes,
      filename: f.filename,
    };
  } catch (err) {
    if (err instanceof FileNotFoundError) throw notFound('knowledge file', fileId);
    throw err;
  }
}

/** The first attachment naming a file that was never uploaded, as its field path. */
export async function unknownFilePath(
  ctx: KnowledgeContext,
  attachments: readonly Attachment[],
): Promise<string | null> {
  const ids = attachments.flatMap((a) => (isFileAttachment(a) ? [a.fileId] : []));
  const known = await files.existingFileIds(ctx.db, ids);
  const i = attachments.findIndex((a) => isFileAttachment(a) && !known.has(a.fileId));
  return i < 0 ? null : `attachments.${i}.fileId`;
}
