import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { FileNotFoundError, storeThenRecord, unsupportedMedia } from '../../platform/files/index.ts';
import { notFound, refuse } from '../../platform/http/errors.ts';
import { firstUnstorable, unstorableText } from '../../platform/http/storable-text.ts';
import { newId } from '../../platform/ids/index.ts';
import { eventActorOf, rmaPolicy, type RmaContext } from './context.ts';
import { RMA_EVENTS, RMA_STREAM } from './rma.events.ts';
import { rmaPhotos } from './rma.repository.ts';
import type { RmaService } from './rma.service.ts';

export interface PhotoUpload {
  filename: string;
  mimetype: string;
  stream: Readable;
}

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const unsupported = (message: string) => unsupportedMedia(PHOTO_TYPES, message);

/**
 * Inspection photos of a case, stored through the platform file storage (`rma/<case>/<photo>`)
 * with their sha256; only while the case is being inspected. A rejected upload leaves no file.
 */
export class RmaPhotos {
  private readonly ctx: RmaContext;
  private readonly cases: RmaService;
  constructor(ctx: RmaContext, cases: RmaService) {
    this.ctx = ctx;
    this.cases = cases;
  }

  async add(actor: Actor, caseId: string, up: PhotoUpload) {
    const r = await this.cases.visible(actor, caseId).catch((err: unknown) => {
      up.stream.resume();
      throw err;
    });
    const policy = (await rmaPolicy(this.ctx.db)).value;
    const refuseNow = (err: Error) => {
      up.stream.resume();
      return err;
    };
    if (r.status !== 'inspecting')
      throw refuseNow(
        refuse(
          'state.invalid_transition',
          { from: r.status, to: 'inspecting', allowed: [] },
          { path: 'file' },
        ),
      );
    if (!PHOTO_TYPES.includes(up.mimetype)) throw refuseNow(unsupported(`Photos must be JPEG, PNG or WebP`));
    if (firstUnstorable(up.filename, 'file') !== null) throw refuseNow(unstorableText('file'));
    if ((await rmaPhotos.count(this.ctx.db, caseId)) >= policy.maxPhotosPerCase)
      throw refuseNow(refuse('rma.photo_limit', { max: policy.maxPhotosPerCase }, { path: 'file' }));
    const id = newId();
    const key = `rma/${caseId}/${id}`;
    const now = this.ctx.clock.now();
    const limits = { maxBytes: policy.maxPhotoBytes, allowed: PHOTO_TYPES, what: 'Photos' };
    return storeThenRecord(this.ctx.storage, key, up, limits, async (stored) => {
      const row = {
        id,
        caseId,
        filename: up.filename.slice(0, 200) || 'photo',
        contentType: up.mimetype,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        storageKey: key,
        createdAt: now.toISOString(),
      };
      await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
        await rmaPhotos.insert(trx, row, actor.kind === 'system' ? null : actor.userId);
        await appendEvent(trx, {
          streamType: RMA_STREAM,
          streamId: caseId,
          type: RMA_EVENTS.type.photo_added,
          actor: eventActorOf(actor),
          at: now,
          data: { photoId: id, sha256: row.sha256, sizeBytes: row.sizeBytes, actorName: actor.displayName },
        });
      });
      return {
        id,
        filename: row.filename,
        contentType: row.contentType,
        sizeBytes: row.sizeBytes,
        createdAt: row.createdAt,
      };
    });
  }

  async open(actor: Actor, caseId: string, photoId: string) {
    await this.cases.visible(actor, caseId);
    const p = (await rmaPhotos.ofCase(this.ctx.db, caseId)).find((x) => x.id === photoId);
    if (!p) throw notFound('photo', photoId);
    try {
      return {
        stream: await this.ctx.storage.get(p.storageKey),
        contentType: p.contentType,
        sizeBytes: p.sizeBytes,
      };
    } catch (err) {
      if (err instanceof FileNotFoundError) throw notFound('photo', photoId);
      throw err;
    }
  }
}
