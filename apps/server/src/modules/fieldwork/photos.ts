import type { Kysely } from 'kysely';
import type { PhotoStamp } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import type { DialectName } from '../../platform/db/types.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { FileNotFoundError, sniffType, type FileStorage } from '../../platform/files/index.ts';
import { DomainError, fieldError, notFound } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import type { FieldPhotoKind } from './fieldwork.schema.ts';
import type { FieldPhoto, FieldworkRepository, AssignedJob } from './fieldwork.repository.ts';
import { sha256, stampPhoto } from './stamp.ts';
import { eventActorOf } from '../../platform/auth/actor.ts';

export interface PhotoUpload {
  kind: Exclude<FieldPhotoKind, 'signature'>;
  lat: number | null;
  lng: number | null;
  mimetype: string;
  data: Buffer;
}

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

const unsupported = (rule: 'media_type' | 'content_mismatch' | 'undecodable', message: string) =>
  new DomainError('request.unsupported_media_type', message, {
    errors: [
      rule === 'media_type'
        ? { path: 'file', rule, params: { allowed: PHOTO_TYPES }, message }
        : { path: 'file', rule, message },
    ],
    extra: { allowed: PHOTO_TYPES },
  });

/**
 * Photos and the signature as proof of service. A photo is stamped (order number, time, place) and
 * stored as JPEG; the sha256 of the stored bytes is recorded at upload, so any later edit of the
 * file is evident when it is verified (the mismatch raises the photo_hash_mismatch flag).
 */
export class FieldPhotos {
  private readonly d: {
    db: Kysely<Database>;
    dialect: DialectName;
    clock: Clock;
    repo: FieldworkRepository;
    storage: FileStorage;
  };

  constructor(d: FieldPhotos['d']) {
    this.d = d;
  }

  async add(
    actor: Actor,
    job: AssignedJob,
    visitId: string | null,
    up: PhotoUpload,
    requestId: string | null,
  ) {
    const sniffed = sniffType(up.data.subarray(0, 16));
    if (!sniffed || !PHOTO_TYPES.includes(sniffed))
      throw unsupported('media_type', `Photos must be JPEG, PNG or WebP`);
    if (sniffed !== up.mimetype)
      throw unsupported('content_mismatch', `The file content is not ${up.mimetype}`);
    const at = this.d.clock.now().toISOString();
    const stamp: PhotoStamp = {
      number: job.number,
      at,
      lat: up.lat,
      lng: up.lng,
      address: job.address,
      burnedIn: true,
    };
    let stored: Buffer;
    try {
      stored = await stampPhoto(up.data, stamp);
    } catch {
      throw unsupported('undecodable', 'The photo could not be read as an image');
    }
    return this.store(actor, job, visitId, up.kind, 'image/jpeg', up.data, stored, stamp, up, requestId);
  }

  async addSignature(
    actor: Actor,
    job: AssignedJob,
    visitId: string | null,
    png: string,
    requestId: string | null,
  ) {
    const b64 = png.replace(/^data:image\/png;base64,/, '');
    const data = Buffer.from(b64, 'base64');
    if (sniffType(data.subarray(0, 16)) !== 'image/png')
      throw fieldError('png', 'invalid_format', 'The signature must be a PNG image (data URL or base64)', {
        format: 'png',
      });
    const at = this.d.clock.now().toISOString();
    const stamp: PhotoStamp = {
      number: job.number,
      at,
      lat: null,
      lng: null,
      address: job.address,
      burnedIn: false,
    };
    return this.store(
      actor,
      job,
      visitId,
      'signature',
      'image/png',
      data,
      data,
      stamp,
      { lat: null, lng: null },
      requestId,
    );
  }

  private async store(
    actor: Actor,
    job: AssignedJob,
    visitId: string | null,
    kind: FieldPhotoKind,
    contentType: string,
    original: Buffer,
    stored: Buffer,
    stamp: PhotoStamp,
    pos: { lat: number | null; lng: number | null },
    requestId: string | null,
  ): Promise<FieldPhoto> {
    const id = newId();
    const key = `fieldwork/${job.id}/${id}`;
    const now = this.d.clock.now();
    const row: FieldPhoto = {
      id,
      orderId: job.id,
      visitId,
      kind,
      storageKey: key,
      contentType,
      sizeBytes: stored.length,
      sha256: sha256(stored),
      originalSha256: sha256(original),
      stamp,
      lat: pos.lat,
      lng: pos.lng,
      verifiedAt: null,
      verifiedOk: null,
      createdBy: actor.userId,
      createdAt: now.toISOString(),
    };
    await this.d.storage.put(key, stored);
    try {
      return await withTransaction(this.d.db, this.d.dialect, async ({ trx }) => {
        const photo = await this.d.repo.insertPhoto(trx, row);
        await appendEvent(trx, {
          streamType: 'work_order',
          streamId: job.id,
          type: kind === 'signature' ? 'fieldwork.signature_added' : 'fieldwork.photo_added',
          actor: eventActorOf(actor),
          at: now,
          data: { photoId: id, kind, sha256: row.sha256, sizeBytes: row.sizeBytes, visitId },
          requestId,
        });
        return photo;
      });
    } catch (err) {
      await this.d.storage.delete(key);
      throw err;
    }
  }

  async open(orderId: string, photoId: string) {
    const p = await this.d.repo.photo(orderId, photoId);
    if (!p) throw notFound('photo', photoId);
    try {
      return {
        stream: await this.d.storage.get(p.storageKey),
        contentType: p.contentType,
        sizeBytes: p.sizeBytes,
      };
    } catch (err) {
      if (err instanceof FileNotFoundError) throw notFound('photo', photoId);
      throw err;
    }
  }

  /** Recomputes the stored file's sha256; a mismatch (or a missing file) raises photo_hash_mismatch. */
  async verify(orderId: string, photoId: string) {
    const p = await this.d.repo.photo(orderId, photoId);
    if (!p) throw notFound('photo', photoId);
    let actual: string | null = null;
    try {
      const chunks: Buffer[] = [];
      for await (const c of await this.d.storage.get(p.storageKey)) chunks.push(c as Buffer);
      actual = sha256(Buffer.concat(chunks));
    } catch (err) {
      if (!(err instanceof FileNotFoundError)) throw err;
    }
    const ok = actual === p.sha256;
    const at = this.d.clock.now().toISOString();
    await this.d.repo.markVerified(p.id, at, ok);
    if (!ok) {
      await this.d.repo.raiseFlag(this.d.db, {
        orderId,
        visitId: p.visitId,
        flag: 'photo_hash_mismatch',
        subject: p.id,
        detail: { photoId: p.id, kind: p.kind, storedSha256: p.sha256, actualSha256: actual },
        at,
      });
    }
    return { id: p.id, ok, storedSha256: p.sha256, actualSha256: actual, verifiedAt: at };
  }
}
