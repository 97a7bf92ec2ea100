import type { SalesContractStatus } from '@anxin/contracts';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { appendEvent, SYSTEM } from '../../platform/events/append.ts';
import { notFound, refuse } from '../../platform/http/errors.ts';
import { outletNamesOf } from '../network/index.ts';
import { contracts, type ContractRecord } from './contracts.repository.ts';
import { BOOKABLE_STATUSES, contractMove } from './domain/lifecycle.ts';
import { CONTRACT_STREAM, SALES_EVENTS } from './sales.events.ts';
import { stock } from './stock.repository.ts';

type Db = Kysely<Database>;

/** One line of a contract as modules/delivery delivers and installs it. */
export interface DeliveryContractLine {
  lineId: string;
  model: string;
  productName: string;
  category: string;
  quantity: number;
  unitPriceFen: number;
  needsInstallation: boolean;
}

/** A sales contract as modules/delivery books, delivers and installs it. */
export interface DeliveryContract {
  id: string;
  contractNo: string;
  storeOutletId: string | null;
  storeName: string | null;
  salesperson: string;
  customerId: string | null;
  customerName: string;
  phones: string[];
  regionCode: string;
  addressDetail: string;
  /** YYYY-MM-DD */
  orderDate: string;
  requestedDate: string;
  batchDate: string;
  /** null until every line is reserved or has a factory date */
  availableDate: string | null;
  specialRequests: string | null;
  status: SalesContractStatus;
  lines: DeliveryContractLine[];
}

const deliveryOf = (c: ContractRecord, storeName: string | null): DeliveryContract => ({
  id: c.id,
  contractNo: c.contractNo,
  storeOutletId: c.storeOutletId,
  storeName,
  salesperson: c.salesperson,
  customerId: c.customerId,
  customerName: c.customerName,
  phones: c.phones,
  regionCode: c.regionCode,
  addressDetail: c.addressDetail,
  orderDate: c.orderDate,
  requestedDate: c.requestedDate,
  batchDate: c.batchDate,
  availableDate: c.availableDate,
  specialRequests: c.specialRequests,
  status: c.status,
  lines: c.lines.map((l) => ({
    lineId: l.id,
    model: l.model,
    productName: l.productName,
    category: l.category,
    quantity: l.quantity,
    unitPriceFen: l.unitPriceFen,
    needsInstallation: l.needsInstallation,
  })),
});

async function withStores(db: Db, list: ContractRecord[]): Promise<DeliveryContract[]> {
  const names = await outletNamesOf(
    db,
    list.map((c) => c.storeOutletId),
  );
  return list.map((c) => deliveryOf(c, c.storeOutletId ? (names.get(c.storeOutletId) ?? null) : null));
}

export async function getDeliveryContract(db: Db, id: string): Promise<DeliveryContract | null> {
  const c = await contracts.find(db, id);
  return c ? ((await withStores(db, [c]))[0] ?? null) : null;
}

/**
 * Contracts ready for booking: stock checked and never booked, or back after a failed delivery
 * (`exception`), oldest batch first. `from`/`to` bound the batch day (YYYY-MM-DD, inclusive).
 */
export async function listContractsToBook(
  db: Db,
  q: {
    from?: string;
    to?: string;
    storeOutletId?: string;
    /** Keyset: the batch day and id of the last contract already read. */
    after?: { batchDate: string; id: string } | undefined;
    limit: number;
  },
): Promise<DeliveryContract[]> {
  const a = q.after;
  const rows = await db
    .selectFrom('sales_contracts')
    .select('id')
    .where('status', 'in', [...BOOKABLE_STATUSES])
    .$if(!!a, (s) => s.where(sql<boolean>`(batch_date, id) > (${a!.batchDate}, ${a!.id})`))
    .$if(!!q.from, (s) => s.where('batch_date', '>=', q.from!))
    .$if(!!q.to, (s) => s.where('batch_date', '<=', q.to!))
    .$if(!!q.storeOutletId, (s) => s.where('store_outlet_id', '=', q.storeOutletId!))
    .orderBy('batch_date')
    .orderBy('id')
    .limit(Math.max(1, Math.min(q.limit, 500)))
    .execute();
  const found: ContractRecord[] = [];
  for (const r of rows) {
    const c = await contracts.find(db, r.id);
    if (c) found.push(c);
  }
  return withStores(db, found);
}

const STEP_EVENT = {
  booked: SALES_EVENTS.type.booked,
  delivered: SALES_EVENTS.type.delivered,
  exception: SALES_EVENTS.type.exception,
} as const;

/**
 * Records a delivery step on the contract (status and event) inside the caller's transaction
 * (modules/delivery books, delivers or reports an exception in its own). Delivery takes the
 * reserved units out of the product stock; a line still waiting for the factory refuses it
 * (`sales.stock_insufficient`). A step the state table does not allow is a 409.
 */
export async function markContractFulfilment(
  db: Db,
  id: string,
  step: 'booked' | 'delivered' | 'exception',
  at: string,
): Promise<void> {
  const c = await contracts.find(db, id);
  if (!c) throw notFound('sales contract', id);
  const move = contractMove(c.status, step);
  if (!move.ok) throw refuse('state.invalid_transition', { from: c.status, to: step, allowed: move.allowed });
  if (step === 'delivered')
    for (const l of c.lines) {
      const issued =
        l.state === 'reserved' &&
        (await stock.issue(db, l.model, l.quantity, at, {
          kind: 'issue',
          quantity: l.quantity,
          contractId: c.id,
          lineId: l.id,
        }));
      if (!issued) {
        const s = await stock.find(db, l.model);
        throw refuse('sales.stock_insufficient', { model: l.model, available: s?.available ?? 0 });
      }
    }
  if (!(await contracts.update(db, id, c.version, c.status, { status: move.to }, at)))
    throw refuse('resource.version_conflict', { resource: 'sales contract', id });
  await appendEvent(db, {
    streamType: CONTRACT_STREAM,
    streamId: id,
    type: STEP_EVENT[step],
    actor: SYSTEM,
    at: new Date(at),
    from: c.status,
    to: move.to,
    data: { contractNo: c.contractNo },
  });
}
