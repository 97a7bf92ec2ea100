import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { FileNotFoundError, storeThenRecord, unsupportedMedia } from '../../platform/files/index.ts';
import { notFound, refuse } from '../../platform/http/errors.ts';
import { firstUnstorable, unstorableText } from '../../platform/http/storable-text.ts';
import { newId } from '../../platform/ids/index.ts';
import type { BookingsService } from './bookings.service.ts';
import { deliveryPolicy, eventActorOf, type DeliveryContext } from './context.ts';
import { DELIVERY_EVENTS, DELIVERY_STREAM } from './delivery.events.ts';
import { photos } from './delivery.repository.ts';

export interface PhotoUpload {
  filename: string;
  mimetype: string;
  stream: Readable;
}

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
/** The crew photographs while on the job: loading, at the door, the finished room. */
const PHOTO_STATUSES = ['departed', 'delivered', 'exception'];
const unsupported = (message: string) => unsupportedMedia(PHOTO_TYPES, message);

/**
 * The crew's photos of a delivery, stored through the platform file storage
 * (`delivery/<booking>/<photo>`) with their sha256. A rejected upload leaves no file.
 */
export class DeliveryPhotos {
  private readonly ctx: DeliveryContext;
  private readonly bookingsSvc: BookingsService;
  constructor(ctx: DeliveryContext, bookingsSvc: BookingsService) {
    this.ctx = ctx;
    this.bookingsSvc = bookingsSvc;
  }

  async add(actor: Actor, bookingId: string, up: PhotoUpload, maxBytes: number) {
    const drop = (err: Error) => {
      up.stream.resume();
      return err;
    };
    const b = await this.bookingsSvc.visible(actor, bookingId).catch((err: Error) => {
      throw drop(err);
    });
    if (!PHOTO_STATUSES.includes(b.status))
      throw drop(
        refuse('state.invalid_transition', { from: b.status, to: 'departed', allowed: [] }, { path: 'file' }),
      );
    if (!PHOTO_TYPES.includes(up.mimetype)) throw drop(unsupported('Photos must be JPEG, PNG or WebP'));
    if (firstUnstorable(up.filename, 'file') !== null) throw drop(unstorableText('file'));
    const max = (await deliveryPolicy(this.ctx.db)).value.maxPhotos;
    if ((await photos.ofBooking(this.ctx.db, bookingId)).length >= max)
      throw drop(refuse('delivery.photo_limit', { max }, { path: 'file' }));
    const id = newId();
    const key = `delivery/${bookingId}/${id}`;
    const now = this.ctx.clock.now();
    const limits = { maxBytes: maxBytes, allowed: PHOTO_TYPES, what: 'Photos' };
    return storeThenRecord(this.ctx.storage, key, up, limits, async (stored) => {
      const row = {
        id,
        bookingId,
        filename: up.filename.slice(0, 200) || 'photo',
        contentType: up.mimetype,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        storageKey: key,
        createdAt: now.toISOString(),
      };
      await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
        await photos.insert(trx, row, actor.kind === 'system' ? null : actor.userId);
        await appendEvent(trx, {
          streamType: DELIVERY_STREAM,
          streamId: bookingId,
          type: DELIVERY_EVENTS.type.photo_added,
          actor: eventActorOf(actor),
          at: now,
          data: { photoId: id, sha256: row.sha256, sizeBytes: row.sizeBytes, actorName: actor.displayName },
        });
      });
      return { id, filename: row.filename, createdAt: row.createdAt };
    });
  }

  async open(actor: Actor, bookingId: string, photoId: string) {
    await this.bookingsSvc.visible(actor, bookingId);
    const p = (await photos.ofBooking(this.ctx.db, bookingId)).find((x) => x.id === photoId);
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
