import type { FactoryOrderLine, ProductStock, ReceiveProductStock, StockLedgerEntry } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { versionConflict } from '../../platform/http/errors.ts';
import { outletNamesOf } from '../network/index.ts';
import { contracts, type ContractRecord } from './contracts.repository.ts';
import { eventActorOf, salesPolicy, type SalesContext } from './context.ts';
import { availableDateOf, factoryDates } from './domain/batch.ts';
import { CONTRACT_STREAM, SALES_EVENTS, STOCK_STREAM } from './sales.events.ts';
import { stock } from './stock.repository.ts';

const actorIdOf = (a: Actor) => (a.kind === 'system' ? null : a.userId);

/**
 * The stock check (库存核对) of one contract, in one transaction: each line is reserved whole from
 * the product stock when that many units are free (a conditional update, so two contracts never
 * get the same unit), otherwise it goes on the factory order of the working day after the batch
 * day (or after today, when the check is late) with its expected arrival. The contract's
 * available date is the latest of its lines' days.
 */
export async function checkStock(ctx: SalesContext, actor: Actor, c: ContractRecord): Promise<void> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = businessDateOf(now);
  const { value: policy } = await salesPolicy(ctx.db);
  const cal = await ctx.calendar();
  const base = c.batchDate > today ? c.batchDate : today;
  const factory = factoryDates(base, policy, cal);
  await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    const lines = [];
    for (const l of c.lines) {
      await stock.ensure(trx, l.model, l.productName, at);
      const entry = { kind: 'reserve' as const, quantity: l.quantity, contractId: c.id, lineId: l.id };
      const reserved = await stock.reserve(trx, l.model, l.quantity, at, {
        ...entry,
        actorId: actorIdOf(actor),
      });
      const change = reserved
        ? { state: 'reserved' as const, reservedOn: today }
        : {
            state: 'factory_order' as const,
            factoryOrderDate: factory.orderDate,
            expectedDate: factory.expectedDate,
          };
      await contracts.setLine(trx, l.id, change);
      lines.push({ ...l, ...change });
    }
    const availableDate = availableDateOf(lines);
    if (
      !(await contracts.update(
        trx,
        c.id,
        c.version,
        'entered',
        { status: 'stock_checked', availableDate },
        at,
      ))
    )
      throw versionConflict('sales contract', c.id, c.version);
    await appendEvent(trx, {
      streamType: CONTRACT_STREAM,
      streamId: c.id,
      type: SALES_EVENTS.type.stock_checked,
      actor: eventActorOf(actor),
      at: now,
      from: 'entered',
      to: 'stock_checked',
      data: {
        actorName: actor.displayName,
        availableDate,
        reserved: lines.filter((l) => l.state === 'reserved').map((l) => l.model),
        factory: lines.filter((l) => l.state === 'factory_order').map((l) => l.model),
      },
    });
  });
}

/** Cancels a contract before booking: reserved units go back to stock, factory lines are dropped. */
export async function releaseContract(
  ctx: SalesContext,
  actor: Actor,
  c: ContractRecord,
  reason: string,
): Promise<void> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    for (const l of c.lines) {
      if (l.state === 'reserved')
        await stock.release(trx, l.model, l.quantity, at, {
          kind: 'release',
          quantity: l.quantity,
          contractId: c.id,
          lineId: l.id,
          actorId: actorIdOf(actor),
        });
      await contracts.setLine(trx, l.id, { state: 'released' });
    }
    const change = { status: 'cancelled' as const, cancelReason: reason };
    if (!(await contracts.update(trx, c.id, c.version, c.status, change, at)))
      throw versionConflict('sales contract', c.id, c.version);
    await appendEvent(trx, {
      streamType: CONTRACT_STREAM,
      streamId: c.id,
      type: SALES_EVENTS.type.cancelled,
      actor: eventActorOf(actor),
      at: now,
      from: c.status,
      to: 'cancelled',
      reason,
      data: { actorName: actor.displayName },
    });
  });
}

/**
 * Goods received into the product stock (factory delivery, return to stock). Contract lines of the
 * model waiting on the factory are served first, oldest order first: each is reserved whole when
 * enough is free and its contract's available date moves to today when nothing else is awaited.
 */
export async function receiveStock(
  ctx: SalesContext,
  actor: Actor,
  input: ReceiveProductStock,
): Promise<{ stock: ProductStock; reservedLines: number }> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = businessDateOf(now);
  const reservedLines = await withTransaction(ctx.db, ctx.dialect, async ({ trx }) => {
    await stock.ensure(trx, input.model, input.productName, at);
    const levels = await stock.receive(trx, input.model, input.quantity, at, {
      kind: 'receipt',
      quantity: input.quantity,
      note: input.note ?? null,
      actorId: actorIdOf(actor),
    });
    await appendEvent(trx, {
      streamType: STOCK_STREAM,
      streamId: input.model,
      type: SALES_EVENTS.type.stock_received,
      actor: eventActorOf(actor),
      at: now,
      data: { quantity: input.quantity, onHand: levels.on_hand, note: input.note ?? null },
    });
    let served = 0;
    for (const line of await contracts.waitingLines(trx, input.model)) {
      const ok = await stock.reserve(trx, line.model, line.quantity, at, {
        kind: 'reserve',
        quantity: line.quantity,
        contractId: line.contractId,
        lineId: line.id,
        actorId: actorIdOf(actor),
      });
      if (!ok) continue;
      served++;
      await contracts.setLine(trx, line.id, { state: 'reserved', reservedOn: today });
      const c = await contracts.find(trx, line.contractId);
      if (!c) continue;
      const availableDate = availableDateOf(c.lines);
      if (!(await contracts.update(trx, c.id, c.version, c.status, { availableDate }, at)))
        throw versionConflict('sales contract', c.id, c.version);
      await appendEvent(trx, {
        streamType: CONTRACT_STREAM,
        streamId: c.id,
        type: SALES_EVENTS.type.line_reserved,
        actor: eventActorOf(actor),
        at: now,
        data: { actorName: actor.displayName, model: line.model, quantity: line.quantity, availableDate },
      });
    }
    return served;
  });
  return { stock: (await stock.find(ctx.db, input.model))!, reservedLines };
}

export const listStock = (ctx: SalesContext): Promise<ProductStock[]> => stock.list(ctx.db);
export const stockLedger = (ctx: SalesContext, model: string): Promise<StockLedgerEntry[]> =>
  stock.ledgerOf(ctx.db, model);

/**
 * The factory order list (工厂订货单) of a day: every line put on it by the stock checks, with its
 * contract, store and expected arrival. Without a date: the next working day's list, which the
 * warehouse prepares today from today's batch.
 */
export async function factoryOrders(
  ctx: SalesContext,
  date?: string,
): Promise<{ date: string; items: FactoryOrderLine[] }> {
  const day = date ?? (await ctx.calendar()).addWorkingDays(businessDateOf(ctx.clock.now()), 1);
  const rows = await contracts.factoryLines(ctx.db, day);
  const names = await outletNamesOf(
    ctx.db,
    rows.map((r) => r.store_outlet_id),
  );
  return {
    date: day,
    items: rows.map((r) => ({
      lineId: r.id,
      contractId: r.contract_id,
      contractNo: r.contract_no,
      storeName: r.store_outlet_id ? (names.get(r.store_outlet_id) ?? null) : null,
      model: r.model,
      productName: r.product_name,
      quantity: r.quantity,
      factoryOrderDate: r.factory_order_date!,
      expectedDate: r.expected_date!,
      state: r.state,
    })),
  };
}
