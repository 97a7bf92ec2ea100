import { randomBytes } from 'node:crypto';
import {
  RegisterProductSchema,
  type CardChannel,
  type CardVerification,
  type InstalledProduct,
  type TransferCard,
  type WarrantyCard,
} from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { isUniqueViolation, withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { fieldError, notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { drawRecordNumber } from '../workorders/index.ts';
import { cardsRepo, type CardRecord } from './cards.repository.ts';
import { CARD_EVENTS } from './cards.events.ts';
import { cardsPolicy, eventActorOf, todayOf, type CardsContext } from './context.ts';
import { cardValid, maskSerial, transferAllowed } from './domain/policy.ts';

/** Card numbers: BK + date + daily sequence (BK20261206-0001), drawn in the activation's transaction. */
export const CARD_NUMBER_PREFIX = 'BK';

export interface ActivateInput {
  serial: string;
  customerId: string;
  channel: CardChannel;
  register?: { modelId: string; purchaseDate: string | null };
}

/** Electronic warranty cards: activation, the holder's card page, public verification, transfer. */
export class CardsService {
  private readonly ctx: CardsContext;
  constructor(ctx: CardsContext) {
    this.ctx = ctx;
  }

  /**
   * Activates the card of the product with this serial for `customerId`. A serial nobody registered
   * is registered first when the caller says which model it is (through the customers module).
   */
  async activate(actor: Actor, input: ActivateInput): Promise<WarrantyCard> {
    const serial = input.serial.trim().toUpperCase();
    let product = await this.ctx.customers.findProductBySerial(serial);
    if (!product) {
      if (!input.register) throw refuse('card.serial_unknown', { serial }, { path: 'serial' });
      const registration = RegisterProductSchema.parse({
        modelId: input.register.modelId,
        serial,
        // Without a purchase date the warranty runs from the activation day (the customer can
        // still have the date corrected with an invoice); an unknown start would void the card.
        purchaseDate: input.register.purchaseDate ?? todayOf(this.ctx),
      });
      await this.ctx.customers.registerProductForCustomer(
        input.customerId,
        registration,
        eventActorOf(actor),
      );
      product = await this.ctx.customers.findProductBySerial(serial);
      if (!product) throw refuse('card.serial_unknown', { serial }, { path: 'serial' });
    }
    if (product.customerId !== input.customerId)
      throw refuse('card.serial_of_another_customer', { serial }, { path: 'serial' });
    const existing = await cardsRepo.byProduct(this.ctx.db, product.id);
    if (existing) throw refuse('card.already_activated', { cardNo: existing.cardNo }, { path: 'serial' });

    const now = this.ctx.clock.now();
    const at = now.toISOString();
    const productId = product.id;
    let card: CardRecord;
    try {
      card = await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
        const c: CardRecord = {
          id: newId(),
          cardNo: await drawRecordNumber(trx, CARD_NUMBER_PREFIX, now),
          productId,
          holderId: input.customerId,
          channel: input.channel,
          activatedAt: at,
          activatedBy: actor.kind === 'user' ? actor.userId : null,
          // 128 random bits, URL-safe: the QR code is the only way to the verification page.
          verifyToken: randomBytes(16).toString('base64url'),
          createdAt: at,
          updatedAt: at,
          version: 1,
        };
        await cardsRepo.insert(trx, c);
        await appendEvent(trx, {
          streamType: 'card',
          streamId: c.id,
          type: CARD_EVENTS.type.activated,
          actor: eventActorOf(actor),
          at: now,
          data: { cardNo: c.cardNo, productId, serial, customerId: input.customerId, channel: input.channel },
        });
        return c;
      });
    } catch (err) {
      // Two activations of one product at once: the unique product_id decides.
      if (!isUniqueViolation(err)) throw err;
      const winner = await cardsRepo.byProduct(this.ctx.db, productId);
      throw refuse('card.already_activated', { cardNo: winner?.cardNo ?? '' }, { path: 'serial' });
    }
    return this.view(card);
  }

  async view(card: CardRecord): Promise<WarrantyCard> {
    const [product, holder, transfers, policy] = await Promise.all([
      this.ctx.customers.getInstalledProduct(card.productId),
      this.ctx.customers.getCustomer(card.holderId),
      cardsRepo.transfersOf(this.ctx.db, [card.id]),
      cardsPolicy(this.ctx.db),
    ]);
    const names = new Map<string, string>([[holder.id, holder.name]]);
    for (const t of transfers)
      for (const id of [t.fromCustomerId, t.toCustomerId])
        if (!names.has(id)) names.set(id, await this.nameOf(id));
    return {
      id: card.id,
      cardNo: card.cardNo,
      productId: card.productId,
      holderId: card.holderId,
      holderName: holder.name,
      serial: product.serial,
      modelCode: product.modelCode,
      modelName: product.modelName,
      brand: product.brand,
      categoryCode: product.categoryCode,
      purchaseDate: product.purchaseDate,
      activatedAt: card.activatedAt,
      channel: card.channel,
      verifyToken: card.verifyToken,
      hotline: policy.hotline,
      warranty: product.warranty,
      transfers: transfers.map((t) => ({
        id: t.id,
        at: t.at,
        fromName: names.get(t.fromCustomerId) ?? '',
        toName: names.get(t.toCustomerId) ?? '',
        reason: t.reason,
        actorName: t.actorName,
      })),
      version: card.version,
    };
  }

  /** A merged or erased customer still has a name on the history (the merge target's, or the erased mark). */
  private async nameOf(customerId: string): Promise<string> {
    try {
      return (await this.ctx.customers.getCustomer(customerId)).name;
    } catch {
      return '—';
    }
  }

  /** The cards a customer holds now (the portal's 我的保修卡). */
  async cardsOfHolder(customerId: string): Promise<WarrantyCard[]> {
    const cards = await cardsRepo.byHolder(this.ctx.db, customerId);
    return Promise.all(cards.map((c) => this.view(c)));
  }

  /** One card of this holder; another customer's card reads as absent. */
  async cardOfHolder(customerId: string, cardId: string): Promise<WarrantyCard> {
    const card = await cardsRepo.byId(this.ctx.db, cardId);
    if (!card || card.holderId !== customerId) throw notFound('warranty card', cardId);
    return this.view(card);
  }

  async card(cardId: string): Promise<WarrantyCard> {
    const card = await cardsRepo.byId(this.ctx.db, cardId);
    if (!card) throw notFound('warranty card', cardId);
    return this.view(card);
  }

  /** The card of one product, or null before activation. */
  async cardOfProduct(productId: string): Promise<WarrantyCard | null> {
    const card = await cardsRepo.byProduct(this.ctx.db, productId);
    return card ? this.view(card) : null;
  }

  /** The public page behind the QR code: only facts that name nobody. */
  async verify(token: string): Promise<CardVerification> {
    const card = await cardsRepo.byToken(this.ctx.db, token);
    if (!card) throw notFound('warranty card', 'token');
    const product: InstalledProduct = await this.ctx.customers.getInstalledProduct(card.productId);
    return {
      cardNo: card.cardNo,
      brand: product.brand,
      modelCode: product.modelCode,
      modelName: product.modelName,
      maskedSerial: maskSerial(product.serial),
      activatedOn: card.activatedAt.slice(0, 10),
      valid: cardValid(product.warranty.status),
      warrantyStatus: product.warranty.status,
      unitUntil: product.warranty.unitUntil,
      asOf: todayOf(this.ctx),
    };
  }

  async transferAllowedFor(categoryCode: string): Promise<boolean> {
    return transferAllowed(await cardsPolicy(this.ctx.db), categoryCode);
  }

  /**
   * Ownership transfer (过户): the card and the product move to the customer with `toPhone` (a new
   * individual customer when nobody has it). The warranty dates do not change: 三包 obligations
   * follow the unit. Recorded on the card's history and both customers' streams.
   */
  async transfer(actor: Actor, cardId: string, input: TransferCard): Promise<WarrantyCard> {
    const card = await cardsRepo.byId(this.ctx.db, cardId);
    if (!card) throw notFound('warranty card', cardId);
    if (card.version !== input.version) throw versionConflict('warranty card', cardId, input.version);
    const product = await this.ctx.customers.getInstalledProduct(card.productId);
    if (!(await this.transferAllowedFor(product.categoryCode)))
      throw refuse('card.transfer_not_allowed', { categoryCode: product.categoryCode });
    const to = await this.ctx.customers.findCustomerByPhone(input.toPhone);
    if (to?.id === card.holderId) throw refuse('card.transfer_to_holder', {}, { path: 'toPhone' });
    if (!to && !input.toName)
      throw fieldError('toName', 'required', 'Name the new owner: nobody has this phone number yet');
    const toId =
      to?.id ??
      (
        await this.ctx.customers.createIndividualCustomer(
          { name: input.toName!, phone: input.toPhone },
          eventActorOf(actor),
        )
      ).id;
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (!(await cardsRepo.moveHolder(trx, card.id, toId, card.version, now.toISOString())))
        throw versionConflict('warranty card', cardId, input.version);
      await cardsRepo.insertTransfer(trx, {
        id: newId(),
        cardId: card.id,
        fromCustomerId: card.holderId,
        toCustomerId: toId,
        reason: input.reason,
        actorId: actor.kind === 'user' ? actor.userId : null,
        actorName: actor.kind === 'system' ? null : actor.displayName,
        at: now.toISOString(),
      });
      await this.ctx.customers.transferProduct(trx, card.productId, toId, eventActorOf(actor), input.reason);
      await appendEvent(trx, {
        streamType: 'card',
        streamId: card.id,
        type: CARD_EVENTS.type.transferred,
        actor: eventActorOf(actor),
        at: now,
        reason: input.reason,
        data: { cardNo: card.cardNo, from: card.holderId, to: toId },
      });
    });
    return this.card(card.id);
  }
}
