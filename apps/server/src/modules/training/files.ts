import type { Readable } from 'node:stream';
import type { CourseFile } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { FileNotFoundError, storeUpload, unsupportedMedia } from '../../platform/files/index.ts';
import { notFound, refuse } from '../../platform/http/errors.ts';
import { firstUnstorable, unstorableText } from '../../platform/http/storable-text.ts';
import { newId } from '../../platform/ids/index.ts';
import { eventActorOf, trainingPolicy, type TrainingContext } from './context.ts';
import { COURSE_EVENTS, COURSE_STREAM } from './training.events.ts';
import { courses, files } from './training.repository.ts';

export interface FileUpload {
  filename: string;
  mimetype: string;
  stream: Readable;
}

/** Videos and documents a lesson shows; the bytes must say the same type as the upload. */
const LESSON_TYPES = [
  'video/mp4',
  'video/quicktime',
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
];
const unsupported = (message: string) => unsupportedMedia(LESSON_TYPES, message);

/**
 * Lesson videos and attachments, stored through the platform file storage
 * (`training/<course>/<file>`) with their sha256; added to drafts only (a published edition is
 * frozen). A rejected upload leaves no file behind.
 */
export async function addCourseFile(
  ctx: TrainingContext,
  actor: Actor,
  courseId: string,
  up: FileUpload,
): Promise<CourseFile> {
  const drain = (err: Error) => {
    up.stream.resume();
    return err;
  };
  const c = await courses.find(ctx.db, courseId);
  if (!c) throw drain(notFound('training course', courseId));
  if (c.status !== 'draft')
    throw drain(refuse('training.course_frozen', { status: c.status }, { path: 'file' }));
  if (!LESSON_TYPES.includes(up.mimetype))
    throw drain(unsupported('Lesson files are MP4, MOV, PDF or images'));
  if (firstUnstorable(up.filename, 'file') !== null) throw drain(unstorableText('file'));
  const policy = await trainingPolicy(ctx.db);
  const id = newId();
  const key = `training/${courseId}/${id}`;
  const stored = await storeUpload(ctx.storage, key, up, policy.maxFileBytes);
  if (!stored.ok)
    throw stored.reason === 'too_large'
      ? refuse('training.file_too_large', { maxBytes: policy.maxFileBytes }, { path: 'file' })
      : unsupported(`The file content is not ${up.mimetype}`);
  const now = ctx.clock.now();
  const row = {
    id,
    courseId,
    filename: up.filename.slice(0, 200) || 'file',
    contentType: up.mimetype,
    sizeBytes: stored.sizeBytes,
    sha256: stored.sha256,
    storageKey: key,
    createdAt: now.toISOString(),
  };
  try {
    await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
      await files.insert(trx, row);
      await appendEvent(trx, {
        streamType: COURSE_STREAM,
        streamId: courseId,
        type: COURSE_EVENTS.type.file_added,
        actor: eventActorOf(actor),
        at: now,
        data: { fileId: id, sha256: row.sha256, sizeBytes: row.sizeBytes, actorName: actor.displayName },
      });
    });
  } catch (err) {
    await ctx.storage.delete(key);
    throw err;
  }
  return { id, filename: row.filename, contentType: row.contentType, sizeBytes: row.sizeBytes };
}

export async function openCourseFile(ctx: TrainingContext, courseId: string, fileId: string) {
  const f = (await files.ofCourse(ctx.db, courseId)).find((x) => x.id === fileId);
  if (!f) throw notFound('training file', fileId);
  try {
    return {
      stream: await ctx.storage.get(f.storageKey),
      contentType: f.contentType,
      sizeBytes: f.sizeBytes,
      filename: f.filename,
    };
  } catch (err) {
    if (err instanceof FileNotFoundError) throw notFound('training file', fileId);
    throw err;
  }
}
