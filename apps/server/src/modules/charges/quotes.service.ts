import type {
  CoverageStatus,
  OrderQuotes,
  PaymentInput,
  PhoneConsent,
  Quote,
  QuoteDraft,
  QuoteStatus,
} from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import { dateFromDay, dayFromDate } from '../../platform/calendar/dates.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, type EventActor } from '../../platform/events/append.ts';
import { notFound, refuse, refusalOf, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { drawRecordNumber, type WorkOrder } from '../workorders/index.ts';
import { QUOTE_EVENTS, QUOTE_STREAM } from './charges.events.ts';

type QuoteEventType = (typeof QUOTE_EVENTS.type)[keyof typeof QUOTE_EVENTS.type];
import { chargesRepo, type PaymentRecord, type QuoteRecord } from './charges.repository.ts';
import { chargesPolicy, eventActorOf, SYSTEM_ACTOR, type ChargesContext } from './context.ts';
import { isPastValidity, priceQuote } from './domain/pricing.ts';

/** 保外报价 BW…, 收款 SK…: daily sequences beside the work orders' own (补件单 use BJ). */
const QUOTE_PREFIX = 'BW';
const RECEIPT_PREFIX = 'SK';

/** Whether starting work on an order with this coverage needs an approved quote. */
export const quoteRequiredFor = (c: CoverageStatus): boolean => c === 'out_of_warranty';

const OPEN: readonly QuoteStatus[] = ['draft', 'sent', 'approved'];

/**
 * Quotes (报价单) on out-of-warranty orders: priced from the price list in force, sent to the
 * customer with a validity, answered in the portal or by recorded phone consent; revised as a new
 * revision; paid against once approved (no overpayment; refunds are out of scope).
 */
export class QuotesService {
  private readonly ctx: ChargesContext;
  constructor(ctx: ChargesContext) {
    this.ctx = ctx;
  }

  private async orderOf(actor: Actor, orderId: string): Promise<WorkOrder> {
    const o = await this.ctx.ports.order(actor, orderId);
    if (!o) throw notFound('work order', orderId);
    return o;
  }

  /** A quote and its order, the order within the actor's scope (a customer: their own order). */
  private async load(actor: Actor, id: string): Promise<{ q: QuoteRecord; order: WorkOrder }> {
    const q = await chargesRepo.quote(this.ctx.db, id);
    if (!q) throw notFound('quote', id);
    const order =
      actor.kind === 'customer'
        ? await this.ctx.ports.order(SYSTEM_ACTOR, q.orderId)
        : await this.ctx.ports.order(actor, q.orderId);
    if (!order || (actor.kind === 'customer' && order.customerId !== actor.customerId))
      throw notFound('quote', id);
    return { q, order };
  }

  private async views(qs: QuoteRecord[], order: WorkOrder): Promise<Quote[]> {
    const payments = await chargesRepo.payments(
      this.ctx.db,
      qs.map((q) => q.id),
    );
    const lists = new Map<string, number>();
    for (const q of qs)
      if (!lists.has(q.priceListId))
        lists.set(q.priceListId, (await chargesRepo.priceList(this.ctx.db, q.priceListId))?.versionNo ?? 0);
    const today = businessDateOf(this.ctx.clock.now());
    return qs.map((q) => ({
      id: q.id,
      number: q.number,
      orderId: q.orderId,
      orderNumber: order.number,
      revision: q.revision,
      // A sent quote past its validity reads as expired before anyone touches it.
      status: q.status === 'sent' && isPastValidity(q.validUntil, today) ? 'expired' : q.status,
      coverage: q.coverage,
      priceListId: q.priceListId,
      priceListVersionNo: lists.get(q.priceListId) ?? 0,
      calloutKm: q.calloutKm,
      lines: q.lines,
      subtotalFen: q.subtotalFen,
      discountFen: q.discountFen,
      discountReason: q.discountReason,
      totalFen: q.totalFen,
      paidFen: q.paidFen,
      balanceFen: q.status === 'approved' ? q.totalFen - q.paidFen : 0,
      validUntil: q.validUntil,
      sentAt: q.sentAt,
      decidedAt: q.decidedAt,
      consent: q.consent,
      declineReason: q.declineReason,
      payments: payments.filter((p) => p.quoteId === q.id).map(paymentView),
      customerName: order.contactName,
      address: order.address ?? '',
      createdAt: q.createdAt,
      version: q.version,
    }));
  }

  private async one(id: string, order: WorkOrder): Promise<Quote> {
    return (await this.views([(await chargesRepo.quote(this.ctx.db, id))!], order))[0]!;
  }

  async forOrder(actor: Actor, orderId: string): Promise<OrderQuotes> {
    const order =
      actor.kind === 'customer'
        ? await this.ctx.ports.order(SYSTEM_ACTOR, orderId)
        : await this.orderOf(actor, orderId);
    if (!order || (actor.kind === 'customer' && order.customerId !== actor.customerId))
      throw notFound('work order', orderId);
    const coverage = await this.ctx.ports.coverageOf(orderId);
    let items = await this.views(await chargesRepo.quotesOfOrder(this.ctx.db, orderId), order);
    // The customer sees what was sent to them, never a draft or a superseded revision.
    if (actor.kind === 'customer')
      items = items.filter((q) => q.status !== 'draft' && q.status !== 'superseded');
    return { coverage, quoteRequired: quoteRequiredFor(coverage), items };
  }

  async get(actor: Actor, id: string): Promise<Quote> {
    const { q, order } = await this.load(actor, id);
    if (actor.kind === 'customer' && q.status === 'draft') throw notFound('quote', id);
    return (await this.views([q], order))[0]!;
  }

  /** Prices a draft from today's price list; refuses (nothing written) on anything unpriceable. */
  private async price(order: WorkOrder, draft: QuoteDraft) {
    const today = businessDateOf(this.ctx.clock.now());
    const list = await chargesRepo.priceListOn(this.ctx.db, today);
    if (!list) throw refuse('charges.no_price_list', {});
    const policy = await chargesPolicy(this.ctx.db);
    const parts = new Map(
      (await this.ctx.ports.partsByIds(draft.parts.map((p) => p.itemId))).map((p) => [p.id, p]),
    );
    const priced = priceQuote(draft, {
      labour: list.labour,
      callout: list.callout,
      categoryCode: order.categoryCode,
      parts,
      maxDiscountPct: policy.maxDiscountPct,
    });
    if (!priced.ok) throw refusalOf(priced.refusal, { path: priced.path });
    return { list, priced };
  }

  private async coverageForQuote(order: WorkOrder): Promise<CoverageStatus> {
    const coverage = await this.ctx.ports.coverageOf(order.id);
    if (coverage === 'in_warranty') throw refuse('charges.in_warranty', { orderNo: order.number });
    return coverage;
  }

  /** A new quote on an order with no open one (draft, sent or approved). */
  async create(
    actor: Actor,
    orderId: string,
    draft: QuoteDraft,
    requestId: string | null = null,
  ): Promise<Quote> {
    const order = await this.orderOf(actor, orderId);
    const open = (await chargesRepo.quotesOfOrder(this.ctx.db, orderId)).find((q) => OPEN.includes(q.status));
    if (open) throw refuse('charges.quote_open', { number: open.number });
    return this.write(actor, order, draft, null, requestId);
  }

  /**
   * A revised quote: a new revision in draft, the revised one superseded. An approved quote can be
   * revised only before anything is paid against it (refunds are out of scope).
   */
  async revise(
    actor: Actor,
    id: string,
    version: number,
    draft: QuoteDraft,
    requestId: string | null = null,
  ) {
    const { q, order } = await this.load(actor, id);
    if (q.version !== version) throw versionConflict('quote', id, version);
    if (q.status === 'draft' || q.status === 'superseded' || (q.status === 'approved' && q.paidFen > 0))
      throw refuse('charges.quote_not_sent', { status: q.status }, { path: 'version' });
    return this.write(actor, order, draft, q, requestId);
  }

  private async write(
    actor: Actor,
    order: WorkOrder,
    draft: QuoteDraft,
    revised: QuoteRecord | null,
    requestId: string | null,
  ): Promise<Quote> {
    const coverage = await this.coverageForQuote(order);
    const { list, priced } = await this.price(order, draft);
    const now = this.ctx.clock.now();
    const id = newId();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (revised) {
        const from = revised.status;
        if (
          !(await chargesRepo.setStatus(
            trx,
            revised.id,
            revised.version,
            from,
            { status: 'superseded' },
            now.toISOString(),
          ))
        )
          throw versionConflict('quote', revised.id, revised.version);
        await this.event(
          trx,
          actor,
          revised.id,
          QUOTE_EVENTS.type.superseded,
          now,
          requestId,
          { by: id },
          from,
          'superseded',
        );
      }
      const revision = await chargesRepo.nextRevision(trx, order.id);
      const number = await drawRecordNumber(trx, QUOTE_PREFIX, now);
      await chargesRepo.insertQuote(trx, {
        id,
        number,
        orderId: order.id,
        revision,
        status: 'draft',
        coverage,
        priceListId: list.id,
        calloutKm: draft.calloutKm,
        lines: priced.lines,
        subtotalFen: priced.subtotalFen,
        discountFen: priced.discountFen,
        discountReason: draft.discountReason,
        totalFen: priced.totalFen,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        createdBy: actor.kind === 'user' ? actor.userId : null,
      });
      await this.event(trx, actor, id, QUOTE_EVENTS.type.drafted, now, requestId, {
        orderId: order.id,
        number,
        revision,
        totalFen: priced.totalFen,
      });
    });
    return this.one(id, order);
  }

  /** Edits a draft at the version read (re-priced from today's list). */
  async edit(actor: Actor, id: string, version: number, draft: QuoteDraft, requestId: string | null = null) {
    const { q, order } = await this.load(actor, id);
    if (q.status !== 'draft') throw refuse('charges.quote_not_draft', { status: q.status });
    const coverage = await this.coverageForQuote(order);
    const { list, priced } = await this.price(order, draft);
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const ok = await chargesRepo.repriceDraft(
        trx,
        id,
        version,
        {
          priceListId: list.id,
          coverage,
          calloutKm: draft.calloutKm,
          lines: priced.lines,
          subtotalFen: priced.subtotalFen,
          discountFen: priced.discountFen,
          discountReason: draft.discountReason,
          totalFen: priced.totalFen,
        },
        now.toISOString(),
      );
      if (!ok) throw versionConflict('quote', id, version);
      await this.event(trx, actor, id, QUOTE_EVENTS.type.edited, now, requestId, {
        totalFen: priced.totalFen,
      });
    });
    return this.one(id, order);
  }

  /** Sends a draft to the customer; it stays open for the policy's validity days. */
  async send(actor: Actor, id: string, version: number, requestId: string | null = null): Promise<Quote> {
    const { q, order } = await this.load(actor, id);
    if (q.status !== 'draft') throw refuse('charges.quote_not_draft', { status: q.status });
    const now = this.ctx.clock.now();
    const policy = await chargesPolicy(this.ctx.db);
    const validUntil = dateFromDay(dayFromDate(businessDateOf(now)) + policy.quoteValidityDays);
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const ok = await chargesRepo.setStatus(
        trx,
        id,
        version,
        'draft',
        { status: 'sent', sent_at: now.toISOString(), valid_until: validUntil },
        now.toISOString(),
      );
      if (!ok) throw versionConflict('quote', id, version);
      await this.event(
        trx,
        actor,
        id,
        QUOTE_EVENTS.type.sent,
        now,
        requestId,
        { validUntil },
        'draft',
        'sent',
      );
    });
    return this.one(id, order);
  }

  /**
   * The customer's answer to a sent quote: in the portal (the signed-in customer) or by phone
   * (an agent records who answered, when, the call note and the recording reference).
   */
  async decide(
    actor: Actor,
    id: string,
    input:
      | { channel: 'portal'; version: number; decision: 'approved' | 'declined'; reason: string }
      | ({ channel: 'phone' } & PhoneConsent),
    requestId: string | null = null,
  ): Promise<Quote> {
    const { q, order } = await this.load(actor, id);
    if (q.status !== 'sent') throw refuse('charges.quote_not_sent', { status: q.status });
    if (q.version !== input.version) throw versionConflict('quote', id, input.version);
    const now = this.ctx.clock.now();
    const at = now.toISOString();
    if (isPastValidity(q.validUntil, businessDateOf(now))) {
      await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
        if (await chargesRepo.setStatus(trx, id, q.version, 'sent', { status: 'expired' }, at))
          await this.event(
            trx,
            SYSTEM_ACTOR,
            id,
            QUOTE_EVENTS.type.expired,
            now,
            requestId,
            {},
            'sent',
            'expired',
          );
      });
      throw refuse('charges.quote_expired', { validUntil: q.validUntil! });
    }
    const phone = input.channel === 'phone';
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const ok = await chargesRepo.setStatus(
        trx,
        id,
        input.version,
        'sent',
        {
          status: input.decision,
          decided_at: at,
          consent_channel: input.channel,
          consent_by: phone ? input.consentBy : actor.displayName || order.contactName,
          consent_at: phone ? input.consentAt : at,
          consent_note: phone ? input.note : '',
          consent_ref: phone ? input.recordingRef : '',
          consent_recorded_by: phone && actor.kind === 'user' ? actor.userId : null,
          decline_reason: input.decision === 'declined' ? (phone ? input.note : input.reason) : '',
        },
        at,
      );
      if (!ok) throw versionConflict('quote', id, input.version);
      await this.event(
        trx,
        actor,
        id,
        input.decision === 'approved' ? QUOTE_EVENTS.type.approved : QUOTE_EVENTS.type.declined,
        now,
        requestId,
        { channel: input.channel, ...(phone ? { recordingRef: input.recordingRef } : {}) },
        'sent',
        input.decision,
      );
    });
    return this.one(id, order);
  }

  /** Records a payment against an approved quote; never more than the balance due. */
  async pay(actor: Actor, id: string, input: PaymentInput, requestId: string | null = null): Promise<Quote> {
    const { q, order } = await this.load(actor, id);
    if (q.status !== 'approved') throw refuse('charges.quote_not_approved', { status: q.status });
    if (input.method !== 'cash' && !input.reference)
      throw refuse('charges.reference_required', {}, { path: 'reference' });
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (!(await chargesRepo.addPaid(trx, id, input.amountFen, now.toISOString()))) {
        const cur = await chargesRepo.quote(trx, id);
        throw refuse(
          'charges.overpayment',
          { balanceFen: cur ? cur.totalFen - cur.paidFen : 0 },
          { path: 'amountFen' },
        );
      }
      const payment: PaymentRecord = {
        id: newId(),
        receiptNo: await drawRecordNumber(trx, RECEIPT_PREFIX, now),
        quoteId: id,
        method: input.method,
        reference: input.reference,
        amountFen: input.amountFen,
        note: input.note,
        receivedAt: now.toISOString(),
        receivedBy: actor.kind === 'user' ? actor.userId : null,
      };
      await chargesRepo.insertPayment(trx, payment);
      await this.event(trx, actor, id, QUOTE_EVENTS.type.paid, now, requestId, {
        paymentId: payment.id,
        receiptNo: payment.receiptNo,
        amountFen: input.amountFen,
        method: input.method,
      });
    });
    return this.one(id, order);
  }

  /** Whether work may start: an approved quote exists, or the order does not need one. */
  async workMayStart(orderId: string): Promise<boolean> {
    if (!quoteRequiredFor(await this.ctx.ports.coverageOf(orderId))) return true;
    return chargesRepo.hasApprovedQuote(this.ctx.db, orderId);
  }

  private event(
    trx: Kysely<Database>,
    actor: Actor,
    id: string,
    type: QuoteEventType,
    at: Date,
    requestId: string | null,
    data: Record<string, unknown>,
    from?: string,
    to?: string,
  ) {
    const who: EventActor = eventActorOf(actor);
    return appendEvent(trx, {
      streamType: QUOTE_STREAM,
      streamId: id,
      type,
      actor: who,
      at,
      from: from ?? null,
      to: to ?? null,
      data,
      requestId,
    });
  }
}

const paymentView = (p: PaymentRecord) => ({ ...p });
