import {
  BookDeliverySchema,
  deliveryActionsFrom,
  type BookDelivery,
  type DeliveryBooking,
  type DeliveryQuery,
} from '@anxin/contracts';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { notFound, refuse, refusalOf } from '../../platform/http/errors.ts';
import { decodeCursor, scannedPage } from '../../platform/http/keyset.ts';
import { newId } from '../../platform/ids/index.ts';
import { drawRecordNumber } from '../workorders/index.ts';
import { deliveryPolicy, eventActorOf, type Contract, type DeliveryContext } from './context.ts';
import { bookingRefusal, latestBookingDate } from './domain/window.ts';
import { DELIVERY_EVENTS, DELIVERY_STREAM } from './delivery.events.ts';
import { bookings, crews, photos, type BookingRecord } from './delivery.repository.ts';
import { decodeBookingCursor, encodeBookingCursor } from './list.codec.ts';
import { reachOf, reaches } from './reach.ts';

/** The one order of the contracts-to-book list (the cursor belongs to it). */
const TO_BOOK_SORT = 'batch_date';

/** 送货单 SH20261207-0001. */
export const DELIVERY_NUMBER_PREFIX = 'SH';

/**
 * Bookings: the date agreed with the customer (by the salesperson or the center) inside the booking
 * window, the list and views each role sees, and the contracts still waiting for a date.
 */
export class BookingsService {
  private readonly ctx: DeliveryContext;
  constructor(ctx: DeliveryContext) {
    this.ctx = ctx;
  }

  /** The window a contract may be booked in: from the goods' availability to the latest day. */
  async windowOf(c: Pick<Contract, 'batchDate'>): Promise<string> {
    const policy = (await deliveryPolicy(this.ctx.db)).value;
    return latestBookingDate(await this.ctx.calendar(), c.batchDate, policy.bookingWorkingDays);
  }

  /** Stock-checked contracts with no live booking, each with its latest booking day. */
  /** Oldest batch first, a page at a time (keyset cursor). */
  async contractsToBook(actor: Actor, q: { cursor?: string | undefined; limit: number }) {
    const storeOutletId = actor.scope.level === 'outlet' ? (actor.scope.outletId ?? undefined) : undefined;
    const { page, nextCursor } = await scannedPage({
      sort: TO_BOOK_SORT,
      after: decodeCursor(q.cursor, TO_BOOK_SORT, 1),
      limit: q.limit,
      read: (after, n) =>
        this.ctx.sales.listContractsToBook(this.ctx.db, {
          limit: n,
          ...(after ? { after: { batchDate: String(after.keys[0]), id: after.id } } : {}),
          ...(storeOutletId ? { storeOutletId } : {}),
        }),
      posOf: (c) => ({ keys: [c.batchDate], id: c.id }),
      // A contract whose delivery waits for the center's decision (exception) is not offered again.
      view: async (rows) => {
        const shown = [];
        for (const c of rows)
          shown.push(
            (await bookings.liveOfContract(this.ctx.db, c.id))
              ? null
              : { ...c, latestDate: await this.windowOf(c) },
          );
        return shown;
      },
    });
    return { items: page, nextCursor };
  }

  async book(actor: Actor, raw: BookDelivery): Promise<DeliveryBooking> {
    const input: z.infer<typeof BookDeliverySchema> = BookDeliverySchema.parse(raw);
    const contract = await this.ctx.sales.getDeliveryContract(this.ctx.db, input.contractId);
    if (!contract || (actor.scope.level === 'outlet' && contract.storeOutletId !== actor.scope.outletId))
      throw notFound('sales contract', input.contractId);
    const live = await bookings.liveOfContract(this.ctx.db, contract.id);
    if (live) throw refuse('delivery.already_booked', { number: live.number }, { path: 'contractId' });
    if (input.slot.end <= input.slot.start)
      throw refuse('delivery.booking_outside_window', { latest: input.slot.start }, { path: 'slot.end' });
    if (input.crewId && !(await crews.find(this.ctx.db, input.crewId)))
      throw notFound('delivery crew', input.crewId);
    const now = this.ctx.clock.now();
    const latest = await this.windowOf(contract);
    const bad = bookingRefusal({
      date: input.date,
      today: businessDateOf(now),
      latest,
      availableDate: contract.availableDate,
      requestedDate: contract.requestedDate,
    });
    if (bad) throw refusalOf(bad.refusal, { path: bad.path });
    const id = newId();
    const at = now.toISOString();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const number = await drawRecordNumber(trx, DELIVERY_NUMBER_PREFIX, now);
      const record: BookingRecord = {
        id,
        number,
        contractId: contract.id,
        contract,
        storeOutletId: contract.storeOutletId,
        batchDate: contract.batchDate,
        latestDate: latest,
        promisedDate: input.date,
        date: input.date,
        slot: input.slot,
        agreedBy: input.agreedBy,
        note: input.note,
        lat: input.lat,
        lng: input.lng,
        crewId: input.crewId,
        routeSeq: null,
        plannedStart: null,
        status: 'booked',
        checklist: {},
        goodsIntact: null,
        signedBy: null,
        signature: null,
        deliveredAt: null,
        deliveredOn: null,
        serials: [],
        exceptionKind: null,
        exceptionNote: null,
        problemOpenedAt: null,
        problemSolvedAt: null,
        rmaRequest: null,
        rmaCaseId: null,
        installedProductIds: [],
        voucherReturnedAt: null,
        satisfaction: null,
        callbackNote: null,
        createdAt: at,
        version: 1,
      };
      await bookings.insert(trx, record, actor.kind === 'system' ? null : actor.userId);
      await this.ctx.sales.markContractFulfilment(trx, contract.id, 'booked', at);
      await appendEvent(trx, {
        streamType: DELIVERY_STREAM,
        streamId: id,
        type: DELIVERY_EVENTS.type.booked,
        actor: eventActorOf(actor),
        at: now,
        from: null,
        to: 'booked',
        data: {
          number,
          contractId: contract.id,
          contractNo: contract.contractNo,
          date: input.date,
          slot: input.slot,
          agreedBy: input.agreedBy,
          latest,
          actorName: actor.displayName,
        },
      });
    });
    return this.get(actor, id);
  }

  async visible(actor: Actor, id: string): Promise<BookingRecord> {
    const b = await bookings.find(this.ctx.db, id);
    if (!b || !reaches(await reachOf(this.ctx.db, actor), b)) throw notFound('delivery booking', id);
    return b;
  }

  async get(actor: Actor, id: string): Promise<DeliveryBooking> {
    const b = await this.visible(actor, id);
    return (await this.views([b]))[0]!;
  }

  /** The delivery list: filters, a search, keyset pages in either day order. */
  async list(
    actor: Actor,
    q: DeliveryQuery,
  ): Promise<{ items: DeliveryBooking[]; nextCursor: string | null }> {
    const reach = await reachOf(this.ctx.db, actor);
    const { cursor, limit, ...filters } = q;
    const after = decodeBookingCursor(cursor, q.sort);
    const rows = await bookings.list(this.ctx.db, {
      ...filters,
      ...(after ? { after } : {}),
      ...(reach ? { reach } : {}),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = rows.length > limit ? page[page.length - 1] : undefined;
    return {
      items: await this.views(page),
      nextCursor: last ? encodeBookingCursor(q.sort, { date: last.date, id: last.id }) : null,
    };
  }

  async views(rows: BookingRecord[]): Promise<DeliveryBooking[]> {
    const crewNames = new Map((await crews.list(this.ctx.db)).map((c) => [c.id, c.name]));
    return Promise.all(
      rows.map(async (b) => ({
        id: b.id,
        number: b.number,
        contractId: b.contractId,
        contractNo: b.contract.contractNo,
        storeOutletId: b.storeOutletId,
        storeName: b.contract.storeName,
        salesperson: b.contract.salesperson,
        customerName: b.contract.customerName,
        phone: b.contract.phones[0] ?? '',
        regionCode: b.contract.regionCode,
        address: b.contract.addressDetail,
        specialRequests: b.contract.specialRequests,
        lines: b.contract.lines.map((l) => ({
          lineId: l.lineId,
          model: l.model,
          productName: l.productName,
          quantity: l.quantity,
          needsInstallation: l.needsInstallation,
        })),
        batchDate: b.batchDate,
        latestDate: b.latestDate,
        promisedDate: b.promisedDate,
        date: b.date,
        slot: b.slot,
        agreedBy: b.agreedBy,
        crewId: b.crewId,
        crewName: b.crewId ? (crewNames.get(b.crewId) ?? null) : null,
        routeSeq: b.routeSeq,
        plannedStart: b.plannedStart,
        status: b.status,
        actions: deliveryActionsFrom(b.status),
        checklist: b.checklist,
        goodsIntact: b.goodsIntact,
        signedBy: b.signedBy,
        hasSignature: b.signature !== null,
        deliveredAt: b.deliveredAt,
        exceptionKind: b.exceptionKind,
        exceptionNote: b.exceptionNote,
        problemOpenedAt: b.problemOpenedAt,
        problemSolvedAt: b.problemSolvedAt,
        rmaCaseId: b.rmaCaseId,
        installedProductIds: b.installedProductIds,
        voucherReturnedAt: b.voucherReturnedAt,
        satisfaction: b.satisfaction,
        callbackNote: b.callbackNote,
        photos: (await photos.ofBooking(this.ctx.db, b.id)).map((p) => ({
          id: p.id,
          filename: p.filename,
          createdAt: p.createdAt,
        })),
        version: b.version,
      })),
    );
  }

  /** The customer's signature image (PNG data URL) of a delivered booking. */
  async signature(actor: Actor, id: string): Promise<string | null> {
    return (await this.visible(actor, id)).signature;
  }
}
