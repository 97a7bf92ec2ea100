import type { Readable } from 'node:stream';
import { DomainError } from '../http/errors.ts';
import { sniffType } from './content-type.ts';
import { MeasuringStream } from './measure.ts';
import type { FileStorage } from './storage.ts';

/** What a stored upload measured, or why it was refused (the stored bytes are then deleted). */
export type StoredUpload =
  { ok: true; sizeBytes: number; sha256: string } | { ok: false; reason: 'too_large' | 'wrong_type' };

/**
 * Streams an upload to `key`, counting and hashing it on the way; a file over `maxBytes` (or cut
 * short by the multipart limit) or whose bytes are not the declared type is deleted again, so a
 * refused upload leaves nothing behind.
 */
export async function storeUpload(
  storage: FileStorage,
  key: string,
  up: { stream: Readable; mimetype: string },
  maxBytes: number,
): Promise<StoredUpload> {
  const measure = new MeasuringStream();
  await storage.put(key, up.stream.pipe(measure));
  const tooLarge = (up.stream as { truncated?: boolean }).truncated || measure.size > maxBytes;
  if (!tooLarge && sniffType(measure.head) === up.mimetype)
    return { ok: true, sizeBytes: measure.size, sha256: measure.digest() };
  await storage.delete(key);
  return { ok: false, reason: tooLarge ? 'too_large' : 'wrong_type' };
}

/** The 413 a photo or file over the limit gets, with the limit as the field's parameter. */
export function payloadTooLarge(maxBytes: number, what = 'Files'): DomainError {
  return new DomainError('request.payload_too_large', `${what} may be at most ${maxBytes} bytes`, {
    errors: [{ path: 'file', rule: 'max_size', params: { maxBytes }, message: `at most ${maxBytes} bytes` }],
    extra: { limitBytes: maxBytes },
  });
}

/** The 415 an upload of a type the endpoint does not take (or whose bytes lie) gets. */
export function unsupportedMedia(allowed: readonly string[], message: string): DomainError {
  return new DomainError('request.unsupported_media_type', message, {
    errors: [{ path: 'file', rule: 'media_type', params: { allowed: [...allowed] }, message }],
    extra: { allowed: [...allowed] },
  });
}

/**
 * Stores an upload under `key`, then lets `record` write its row and event (one transaction of the
 * caller's). A refused upload is a 413 or 415 and leaves no file; a failed record deletes the file.
 */
export async function storeThenRecord<T>(
  storage: FileStorage,
  key: string,
  up: { stream: Readable; mimetype: string },
  limits: { maxBytes: number; allowed: readonly string[]; what: string },
  record: (stored: { sizeBytes: number; sha256: string }) => Promise<T>,
): Promise<T> {
  const stored = await storeUpload(storage, key, up, limits.maxBytes);
  if (!stored.ok)
    throw stored.reason === 'too_large'
      ? payloadTooLarge(limits.maxBytes, limits.what)
      : unsupportedMedia(limits.allowed, `The file content is not ${up.mimetype}`);
  try {
    return await record(stored);
  } catch (err) {
    await storage.delete(key);
    throw err;
  }
}
