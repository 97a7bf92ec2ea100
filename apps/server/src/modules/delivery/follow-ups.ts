import { businessDateOf } from '../../platform/calendar/index.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, SYSTEM } from '../../platform/events/append.ts';
import { refuse } from '../../platform/http/errors.ts';
import type { DeliveryContext } from './context.ts';
import { DELIVERY_EVENTS, DELIVERY_STREAM } from './delivery.events.ts';
import { bookings } from './delivery.repository.ts';

const DESCRIPTION = {
  does_not_fit: '送货异常：尺寸不符',
  damaged: '送货异常：货物破损',
  wrong_colour: '送货异常：颜色不符',
  other: '送货异常',
} as const;

/** The RMA cause category of each exception at the door. */
const CAUSE = {
  does_not_fit: 'other',
  damaged: 'transport_damage',
  wrong_colour: 'wrong_or_missing_item',
  other: 'other',
} as const;

/**
 * After a signature: every installed line becomes an installed product of the customer in
 * modules/customers, its warranty starting on the delivery day. Idempotent: products are found by
 * serial before they are registered, and the booking keeps the ids once.
 */
export async function installProducts(ctx: DeliveryContext, bookingId: string): Promise<void> {
  const b = await bookings.find(ctx.db, bookingId);
  if (!b || !b.deliveredOn || b.installedProductIds.length) return;
  const c = b.contract;
  const customerId = await ctx.followUps.customerFor(c);
  const ids: string[] = [];
  // Goods whose model the catalogue lacks are delivered and signed, but no warranty can be kept for
  // them: they are named in the event instead of failing (and retrying) the follow-up.
  const unregistered: { model: string; serial: string }[] = [];
  for (const s of b.serials) {
    const line = c.lines.find((l) => l.lineId === s.lineId);
    if (!line) continue;
    const id = await ctx.followUps.installProduct(customerId, {
      model: line.model,
      serial: s.serial,
      purchaseDate: c.orderDate,
      installDate: b.deliveredOn,
      channel: c.storeName ?? c.salesperson,
    });
    if (id) ids.push(id);
    else unregistered.push({ model: line.model, serial: s.serial });
  }
  if (!ids.length && !unregistered.length) return;
  const now = ctx.clock.now();
  await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    if (ids.length && !(await bookings.setInstalledProducts(trx, b.id, ids, now.toISOString()))) return;
    await appendEvent(trx, {
      streamType: DELIVERY_STREAM,
      streamId: b.id,
      type: DELIVERY_EVENTS.type.products_installed,
      actor: SYSTEM,
      at: now,
      data: { installedProductIds: ids, customerId, unregistered },
    });
  });
}

/**
 * After a hand-over to RMA: the returned or exchanged item becomes the customer's installed product
 * (found by serial when it is one already) and an RMA case is opened for it through modules/rma.
 * A booking that has its case is left alone.
 */
export async function openRmaCase(ctx: DeliveryContext, bookingId: string): Promise<void> {
  const b = await bookings.find(ctx.db, bookingId);
  if (!b || !b.rmaRequest || b.rmaCaseId) return;
  const c = b.contract;
  const line = c.lines.find((l) => l.lineId === b.rmaRequest!.lineId);
  if (!line) return;
  const customerId = await ctx.followUps.customerFor(c);
  const today = businessDateOf(ctx.clock.now());
  const productId = await ctx.followUps.installProduct(customerId, {
    model: line.model,
    serial: b.rmaRequest.serial,
    purchaseDate: c.orderDate,
    installDate: today,
    channel: c.storeName ?? c.salesperson,
  });
  // The hand-over step checked the model; a catalogue change since then is retried after a fix.
  if (!productId) throw refuse('delivery.model_unknown', { model: line.model });
  const kind = b.exceptionKind ?? 'other';
  const caseId = await ctx.followUps.openRmaCase({
    installedProductId: productId,
    kind: b.rmaRequest.kind,
    cause: CAUSE[kind],
    requestedOn: today,
    description: `${DESCRIPTION[kind]} ${b.number}${b.exceptionNote ? `：${b.exceptionNote}` : ''}`,
  });
  const now = ctx.clock.now();
  await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    if (!(await bookings.setRmaCase(trx, b.id, caseId, now.toISOString()))) return;
    await appendEvent(trx, {
      streamType: DELIVERY_STREAM,
      streamId: b.id,
      type: DELIVERY_EVENTS.type.rma_opened,
      actor: SYSTEM,
      at: now,
      data: { rmaCaseId: caseId, installedProductId: productId },
    });
  });
}
