import type { CreateReceipt, WorkshopReceipt } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { isUniqueViolation, withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { fieldError, notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { drawRecordNumber } from '../workorders/index.ts';
import { receiptsRepo, type ReceiptRecord } from './cards.repository.ts';
import { RECEIPT_EVENTS } from './cards.events.ts';
import { cardsPolicy, eventActorOf, SYSTEM_ACTOR, todayOf, type CardsContext } from './context.ts';
import { addDays } from './domain/policy.ts';

/** Receipt numbers: SJ + date + daily sequence (SJ20261206-0001). */
export const RECEIPT_NUMBER_PREFIX = 'SJ';

/**
 * 带回修理收据: the technician or outlet takes the product back to the workshop and leaves the
 * customer a numbered, signed receipt; it is closed when the customer hands it back at pick-up.
 * One open receipt per order.
 */
export class ReceiptsService {
  private readonly ctx: CardsContext;
  constructor(ctx: CardsContext) {
    this.ctx = ctx;
  }

  /** The order within the actor's scope (out of scope reads as absent). */
  private order(actor: Actor, orderId: string) {
    return this.ctx.workOrders.get(actor, orderId);
  }

  async listOfOrder(actor: Actor, orderId: string): Promise<WorkshopReceipt[]> {
    await this.order(actor, orderId);
    return this.views(await receiptsRepo.byOrder(this.ctx.db, orderId));
  }

  async get(actor: Actor, id: string): Promise<WorkshopReceipt> {
    const r = await receiptsRepo.byId(this.ctx.db, id);
    if (!r) throw notFound('workshop receipt', id);
    await this.order(actor, r.orderId);
    return (await this.views([r]))[0]!;
  }

  async create(actor: Actor, orderId: string, input: CreateReceipt): Promise<WorkshopReceipt> {
    const order = await this.order(actor, orderId);
    if (!order.product) throw refuse('card.order_without_product', {});
    const open = await receiptsRepo.openOfOrder(this.ctx.db, orderId);
    if (open) throw refuse('card.receipt_open', { number: open.number });
    const today = todayOf(this.ctx);
    const policy = await cardsPolicy(this.ctx.db);
    const promised = input.promisedReturnDate ?? addDays(today, policy.receiptReturnDays);
    if (promised < today)
      throw fieldError('promisedReturnDate', 'not_in_past', 'The promised return date has passed');
    const now = this.ctx.clock.now();
    const productId = order.product.id;
    let receipt: ReceiptRecord;
    try {
      receipt = await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
        const r: ReceiptRecord = {
          id: newId(),
          number: await drawRecordNumber(trx, RECEIPT_NUMBER_PREFIX, now),
          orderId,
          productId,
          accessories: input.accessories,
          condition: input.condition,
          promisedReturnDate: promised,
          takenById: actor.kind === 'user' ? actor.userId : null,
          takenByName: actor.displayName,
          signature: input.signature,
          status: 'open',
          createdAt: now.toISOString(),
          closedAt: null,
          closedById: null,
          closedByName: null,
          version: 1,
        };
        await receiptsRepo.insert(trx, r);
        await appendEvent(trx, {
          streamType: 'workshop_receipt',
          streamId: r.id,
          type: RECEIPT_EVENTS.type.opened,
          actor: eventActorOf(actor),
          at: now,
          data: { number: r.number, orderId, productId, promisedReturnDate: promised },
        });
        return r;
      });
    } catch (err) {
      // A second receipt for the order at the same moment: the partial unique index decides.
      if (!isUniqueViolation(err)) throw err;
      const winner = await receiptsRepo.openOfOrder(this.ctx.db, orderId);
      throw refuse('card.receipt_open', { number: winner?.number ?? '' });
    }
    return (await this.views([receipt]))[0]!;
  }

  /** The customer handed the receipt back and took the product: closed, with when and by whom. */
  async close(actor: Actor, id: string, version: number): Promise<WorkshopReceipt> {
    const r = await receiptsRepo.byId(this.ctx.db, id);
    if (!r) throw notFound('workshop receipt', id);
    await this.order(actor, r.orderId);
    if (r.status === 'closed') throw refuse('card.receipt_closed', { number: r.number });
    if (r.version !== version) throw versionConflict('workshop receipt', id, version);
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const by = { id: actor.kind === 'user' ? actor.userId : null, name: actor.displayName };
      if (!(await receiptsRepo.close(trx, id, version, by, now.toISOString())))
        throw versionConflict('workshop receipt', id, version);
      await appendEvent(trx, {
        streamType: 'workshop_receipt',
        streamId: id,
        type: RECEIPT_EVENTS.type.closed,
        actor: eventActorOf(actor),
        at: now,
        data: { number: r.number, orderId: r.orderId },
      });
    });
    return this.get(actor, id);
  }

  private async views(rs: ReceiptRecord[]): Promise<WorkshopReceipt[]> {
    if (!rs.length) return [];
    const policy = await cardsPolicy(this.ctx.db);
    const out: WorkshopReceipt[] = [];
    for (const r of rs) {
      const product = await this.ctx.customers.getInstalledProduct(r.productId);
      const order = await this.ctx.workOrders.findInScope(SYSTEM_ACTOR, r.orderId);
      out.push({
        id: r.id,
        number: r.number,
        orderId: r.orderId,
        orderNumber: order?.number ?? '',
        productId: r.productId,
        serial: product.serial,
        modelName: product.modelName,
        customerName: order?.contactName ?? '',
        accessories: r.accessories,
        condition: r.condition,
        promisedReturnDate: r.promisedReturnDate,
        takenById: r.takenById,
        takenByName: r.takenByName,
        signature: r.signature,
        status: r.status,
        createdAt: r.createdAt,
        closedAt: r.closedAt,
        closedByName: r.closedByName,
        hotline: policy.hotline,
        version: r.version,
      });
    }
    return out;
  }
}
