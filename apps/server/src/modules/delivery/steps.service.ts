import { DeliveryStepSchema, type DeliveryBooking, type DeliveryStep } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../database.ts';
import { can, type Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { enqueueOutbox } from '../../platform/events/outbox.ts';
import { notFound, refuse, refusalOf, versionConflict } from '../../platform/http/errors.ts';
import type { BookingsService } from './bookings.service.ts';
import { eventActorOf, type DeliveryContext } from './context.ts';
import { missingChecks, missingSerials } from './domain/checklist.ts';
import { nextStatus, ruleOf } from './domain/lifecycle.ts';
import { bookingRefusal } from './domain/window.ts';
import { DELIVERY_EVENTS, DELIVERY_STREAM } from './delivery.events.ts';
import { bookings, crews, type BookingChange, type BookingRecord } from './delivery.repository.ts';

type Step = z.infer<typeof DeliveryStepSchema>;

/** Follow-ups written in the step's transaction and run after commit (follow-ups.ts). */
export const INSTALL_TOPIC = 'delivery.install_products';
export const RMA_TOPIC = 'delivery.open_rma';
export interface FollowUpPayload {
  bookingId: string;
}

const EVENT_OF = {
  depart: DELIVERY_EVENTS.type.departed,
  deliver: DELIVERY_EVENTS.type.delivered,
  report_exception: DELIVERY_EVENTS.type.exception_reported,
  follow_up: DELIVERY_EVENTS.type.follow_up_booked,
  hand_to_rma: DELIVERY_EVENTS.type.handed_to_rma,
  return_voucher: DELIVERY_EVENTS.type.voucher_returned,
  record_callback: DELIVERY_EVENTS.type.callback_recorded,
} as const;

/**
 * One step of a delivery: checks the state table, the version and the step's own rules (checklist,
 * serials, the booking window for a follow-up visit), then writes the change, its event, the
 * contract's fulfilment step and any follow-up in one transaction.
 */
export class StepsService {
  private readonly ctx: DeliveryContext;
  private readonly bookingsSvc: BookingsService;
  constructor(ctx: DeliveryContext, bookingsSvc: BookingsService) {
    this.ctx = ctx;
    this.bookingsSvc = bookingsSvc;
  }

  async take(actor: Actor, id: string, raw: DeliveryStep): Promise<DeliveryBooking> {
    const step = DeliveryStepSchema.parse(raw);
    // The route needs `delivery:read`; each action needs its own permission from the state table.
    const permission = ruleOf(step.action).permission;
    if (!can(actor, permission)) throw refuse('auth.forbidden', { permission });
    const b = await this.bookingsSvc.visible(actor, id);
    if (b.version !== step.version) throw versionConflict('delivery booking', id, step.version);
    const next = nextStatus(b.status, step.action);
    if (!next.ok) throw refusalOf(next.refusal);
    const now = this.ctx.clock.now();
    const change = await this.changeOf(b, step, now, actor.kind === 'system' ? null : actor.userId);
    const at = now.toISOString();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const full: BookingChange = { ...change, status: next.to };
      if (!(await bookings.update(trx, id, b.version, b.status, full, at)))
        throw versionConflict('delivery booking', id, b.version);
      await appendEvent(trx, {
        streamType: DELIVERY_STREAM,
        streamId: id,
        type: EVENT_OF[step.action],
        actor: eventActorOf(actor),
        at: now,
        from: b.status,
        to: next.to,
        data: { number: b.number, actorName: actor.displayName, ...summaryOf(step) },
      });
      await this.sideEffects(trx, b, step, at, now);
    });
    if (step.action === 'deliver' || step.action === 'hand_to_rma') this.ctx.nudgeOutbox();
    return this.bookingsSvc.get(actor, id);
  }

  private async sideEffects(trx: Kysely<Database>, b: BookingRecord, step: Step, at: string, now: Date) {
    const mark = (s: 'booked' | 'delivered' | 'exception') =>
      this.ctx.sales.markContractFulfilment(trx, b.contractId, s, at);
    if (step.action === 'deliver') {
      await mark('delivered');
      await enqueueOutbox<FollowUpPayload>(trx, {
        topic: INSTALL_TOPIC,
        payload: { bookingId: b.id },
        dedupeKey: `${INSTALL_TOPIC}:${b.id}`,
        at: now,
      });
    }
    if (step.action === 'report_exception') await mark('exception');
    // A follow-up visit books the contract again (the sales module's exception → booked).
    if (step.action === 'follow_up') await mark('booked');
    if (step.action === 'hand_to_rma')
      await enqueueOutbox<FollowUpPayload>(trx, {
        topic: RMA_TOPIC,
        payload: { bookingId: b.id },
        dedupeKey: `${RMA_TOPIC}:${b.id}`,
        at: now,
      });
  }

  /** The columns a step writes, or the refusal naming what is missing. */
  private async changeOf(
    b: BookingRecord,
    step: Step,
    now: Date,
    userId: string | null,
  ): Promise<BookingChange> {
    const at = now.toISOString();
    switch (step.action) {
      case 'depart': {
        const ticked = { calledAhead: step.calledAhead, inspectedBeforeLoading: step.inspectedBeforeLoading };
        const missing = missingChecks('depart', ticked);
        if (missing.length)
          throw refuse('delivery.checklist_incomplete', { items: missing }, { path: missing[0] });
        return { checklist: { ...b.checklist, ...ticked } };
      }
      case 'deliver': {
        const ticked = {
          shoeCovers: step.shoeCovers,
          assembledOnPackaging: step.assembledOnPackaging,
          cleanedUp: step.cleanedUp,
        };
        const missing = missingChecks('deliver', ticked);
        if (missing.length)
          throw refuse('delivery.checklist_incomplete', { items: missing }, { path: missing[0] });
        const known = new Set(b.contract.lines.map((l) => l.lineId));
        const stray = step.serials.findIndex((s) => !known.has(s.lineId));
        if (stray >= 0) throw notFound('sales contract', step.serials[stray]!.lineId);
        const lacking = missingSerials(b.contract.lines, step.serials);
        if (lacking.length)
          throw refuse('delivery.serial_required', { model: lacking[0]!.model }, { path: 'serials' });
        return {
          checklist: { ...b.checklist, ...ticked },
          goodsIntact: step.goodsIntact,
          signedBy: step.signedBy,
          signature: step.signature,
          deliveredAt: at,
          deliveredOn: businessDateOf(now),
          serials: step.serials,
          // A follow-up visit that ends in a signature solves the delivery problem.
          ...(b.problemOpenedAt && !b.problemSolvedAt ? { problemSolvedAt: at } : {}),
        };
      }
      case 'report_exception':
        return {
          exceptionKind: step.kind,
          exceptionNote: step.note,
          goodsIntact: step.kind === 'damaged' ? false : b.goodsIntact,
          problemOpenedAt: b.problemOpenedAt ?? at,
          problemSolvedAt: null,
        };
      case 'follow_up': {
        if (step.crewId && !(await crews.find(this.ctx.db, step.crewId)))
          throw notFound('delivery crew', step.crewId);
        // A follow-up visit may be later than the first window, never before the goods or today.
        const bad = bookingRefusal({
          date: step.date,
          today: businessDateOf(now),
          latest: '9999-12-31',
          availableDate: b.contract.availableDate ?? b.date,
          requestedDate: b.contract.requestedDate,
        });
        if (bad) throw refusalOf(bad.refusal, { path: bad.path });
        return {
          date: step.date,
          slot: step.slot,
          crewId: step.crewId ?? b.crewId,
          routeSeq: null,
          plannedStart: null,
          checklist: {},
        };
      }
      case 'hand_to_rma': {
        const line = b.contract.lines.find((l) => l.lineId === step.lineId);
        if (!line) throw notFound('sales contract', step.lineId);
        if (!(await this.ctx.followUps.modelKnown(line.model)))
          throw refuse('delivery.model_unknown', { model: line.model }, { path: 'lineId' });
        // Handing over to the RMA flow is the solution of the delivery problem.
        return {
          rmaRequest: { kind: step.kind, lineId: step.lineId, serial: step.serial.toUpperCase() },
          problemSolvedAt: at,
        };
      }
      case 'return_voucher':
        return { voucherReturnedAt: at, voucherReturnedBy: userId };
      case 'record_callback':
        return { satisfaction: step.satisfaction, callbackNote: step.note, callbackAt: at };
    }
  }
}

/** What the event records of the step (never the signature image itself). */
function summaryOf(step: Step): Record<string, unknown> {
  const { action: _a, version: _v, ...rest } = step;
  if ('signature' in rest) {
    const { signature: _s, ...kept } = rest;
    return kept;
  }
  return rest;
}
