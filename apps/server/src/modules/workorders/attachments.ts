import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import {
  isAllowedType,
  MeasuringStream,
  sniffType,
  ALLOWED_UPLOAD_TYPES,
  FileNotFoundError,
} from '../../platform/files/index.ts';
import { DomainError, notFound } from '../../platform/http/errors.ts';
import { firstUnstorable, unstorableText } from '../../platform/http/storable-text.ts';
import { newId } from '../../platform/ids/index.ts';
import { eventActor, STREAM, type WorkOrderContext } from './context.ts';

export interface Upload {
  filename: string;
  mimetype: string;
  stream: Readable;
}

const unsupported = (rule: 'media_type' | 'content_mismatch' | 'undecodable', message: string) =>
  new DomainError('request.unsupported_media_type', message, {
    errors: [
      rule === 'media_type'
        ? { path: 'file', rule, params: { allowed: ALLOWED_UPLOAD_TYPES }, message }
        : { path: 'file', rule, message },
    ],
    extra: { allowed: ALLOWED_UPLOAD_TYPES },
  });

const isTooLarge = (err: unknown): boolean => (err as { code?: string })?.code === 'FST_REQ_FILE_TOO_LARGE';

/**
 * Streams an upload to storage while hashing it; the declared type must be allowed and match the
 * file's magic bytes. Anything rejected is removed again, so storage never keeps an orphan.
 */
export async function addAttachment(
  ctx: WorkOrderContext,
  actor: Actor,
  orderId: string,
  up: Upload,
  requestId: string | null,
) {
  const order = await ctx.repo.findInScope(orderId, actor.scope);
  if (!order) {
    up.stream.resume();
    throw notFound('work order', orderId);
  }
  if (!isAllowedType(up.mimetype)) {
    up.stream.resume();
    throw unsupported('media_type', `Files of type ${up.mimetype} are not accepted`);
  }
  // Multipart file names never pass the HTTP layer's text guard (the body is a stream).
  if (firstUnstorable(up.filename, 'file') !== null) {
    up.stream.resume();
    throw unstorableText('file');
  }
  const id = newId();
  const key = `work-orders/${orderId}/${id}`;
  const measure = new MeasuringStream();
  const tooLarge = () =>
    new DomainError('request.payload_too_large', `Files may be at most ${ctx.maxUploadBytes} bytes`, {
      errors: [
        {
          path: 'file',
          rule: 'max_size',
          params: { maxBytes: ctx.maxUploadBytes },
          message: `at most ${ctx.maxUploadBytes} bytes`,
        },
      ],
      extra: { limitBytes: ctx.maxUploadBytes },
    });
  try {
    await ctx.storage.put(key, up.stream.pipe(measure));
  } catch (err) {
    await ctx.storage.delete(key);
    throw isTooLarge(err) ? tooLarge() : err;
  }
  // The multipart parser ends an over-long file early and flags it rather than failing the stream.
  if ((up.stream as { truncated?: boolean }).truncated || measure.size > ctx.maxUploadBytes) {
    await ctx.storage.delete(key);
    throw tooLarge();
  }
  if (sniffType(measure.head) !== up.mimetype) {
    await ctx.storage.delete(key);
    throw unsupported('content_mismatch', `The file content is not ${up.mimetype}`);
  }
  const now = ctx.clock.now();
  const row = {
    id,
    owner_type: 'work_order',
    owner_id: orderId,
    purpose: 'general',
    filename: up.filename.slice(0, 200) || 'file',
    content_type: up.mimetype,
    size_bytes: measure.size,
    sha256: measure.digest(),
    storage_key: key,
    meta: '{}',
    created_by: actor.userId,
    created_at: now.toISOString(),
  };
  try {
    await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
      await ctx.repo.insertAttachment(trx, row);
      await appendEvent(trx, {
        streamType: STREAM,
        streamId: orderId,
        type: 'workorder.attachment_added',
        actor: eventActor(actor),
        at: now,
        data: {
          attachmentId: id,
          filename: row.filename,
          contentType: row.content_type,
          sizeBytes: row.size_bytes,
          sha256: row.sha256,
        },
        requestId,
      });
    });
  } catch (err) {
    await ctx.storage.delete(key);
    throw err;
  }
  return {
    id,
    filename: row.filename,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    createdAt: row.created_at,
  };
}

export async function openAttachment(ctx: WorkOrderContext, actor: Actor, orderId: string, id: string) {
  const order = await ctx.repo.findInScope(orderId, actor.scope);
  const a = order ? await ctx.repo.attachment(orderId, id) : undefined;
  if (!a) throw notFound('attachment', id);
  try {
    return {
      stream: await ctx.storage.get(a.storage_key),
      contentType: a.content_type,
      filename: a.filename,
      sizeBytes: a.size_bytes,
    };
  } catch (err) {
    if (err instanceof FileNotFoundError) throw notFound('attachment', id);
    throw err;
  }
}
