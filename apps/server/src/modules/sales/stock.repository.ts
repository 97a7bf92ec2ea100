import type { ProductStock, StockLedgerEntry } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { newId } from '../../platform/ids/index.ts';
import type { SalesStockLedgerTable } from './sales.schema.ts';

type Db = Kysely<Database>;
type Levels = { on_hand: number; reserved: number };
export type LedgerEntry = Pick<SalesStockLedgerTable, 'kind' | 'quantity'> & {
  contractId?: string | null;
  lineId?: string | null;
  note?: string | null;
  actorId?: string | null;
};

/**
 * Product stock (成品库存): every change is one conditional UPDATE (so two contracts never reserve the
 * same unit and no level goes below zero, the CHECKs backing it up) plus a ledger row with the
 * levels after it, in the caller's transaction.
 */
export const stock = {
  async ensure(trx: Db, model: string, productName: string, at: string): Promise<void> {
    await trx
      .insertInto('sales_stock')
      .values({ model, product_name: productName, on_hand: 0, reserved: 0, updated_at: at, version: 1 })
      .onConflict((oc) => oc.column('model').doNothing())
      .execute();
  },

  async receive(trx: Db, model: string, q: number, at: string, e: LedgerEntry): Promise<Levels> {
    const row = await trx
      .updateTable('sales_stock')
      .set((eb) => ({ on_hand: eb('on_hand', '+', q), version: eb('version', '+', 1), updated_at: at }))
      .where('model', '=', model)
      .returning(['on_hand', 'reserved'])
      .executeTakeFirstOrThrow();
    await ledger(trx, model, row, at, e);
    return row;
  },

  /** Reserves `q` units when that many are free; null (nothing changed) otherwise. */
  async reserve(trx: Db, model: string, q: number, at: string, e: LedgerEntry): Promise<Levels | null> {
    const row = await trx
      .updateTable('sales_stock')
      .set((eb) => ({ reserved: eb('reserved', '+', q), version: eb('version', '+', 1), updated_at: at }))
      .where('model', '=', model)
      .where((eb) => eb(eb('on_hand', '-', eb.ref('reserved')), '>=', q))
      .returning(['on_hand', 'reserved'])
      .executeTakeFirst();
    if (row) await ledger(trx, model, row, at, e);
    return row ?? null;
  },

  /** Gives a reservation back (a cancelled contract); null when fewer units are reserved. */
  async release(trx: Db, model: string, q: number, at: string, e: LedgerEntry): Promise<Levels | null> {
    const row = await trx
      .updateTable('sales_stock')
      .set((eb) => ({ reserved: eb('reserved', '-', q), version: eb('version', '+', 1), updated_at: at }))
      .where('model', '=', model)
      .where('reserved', '>=', q)
      .returning(['on_hand', 'reserved'])
      .executeTakeFirst();
    if (row) await ledger(trx, model, row, at, e);
    return row ?? null;
  },

  /** Reserved units leave the warehouse (delivered); null when fewer are reserved. */
  async issue(trx: Db, model: string, q: number, at: string, e: LedgerEntry): Promise<Levels | null> {
    const row = await trx
      .updateTable('sales_stock')
      .set((eb) => ({
        on_hand: eb('on_hand', '-', q),
        reserved: eb('reserved', '-', q),
        version: eb('version', '+', 1),
        updated_at: at,
      }))
      .where('model', '=', model)
      .where('reserved', '>=', q)
      .where('on_hand', '>=', q)
      .returning(['on_hand', 'reserved'])
      .executeTakeFirst();
    if (row) await ledger(trx, model, row, at, e);
    return row ?? null;
  },

  async find(db: Db, model: string): Promise<ProductStock | undefined> {
    const r = await db.selectFrom('sales_stock').selectAll().where('model', '=', model).executeTakeFirst();
    return r ? stockOf(r) : undefined;
  },

  async list(db: Db): Promise<ProductStock[]> {
    return (await db.selectFrom('sales_stock').selectAll().orderBy('model').limit(1000).execute()).map(
      stockOf,
    );
  },

  /** A model's ledger, newest first, with each change's contract number. */
  async ledgerOf(db: Db, model: string): Promise<StockLedgerEntry[]> {
    const rows = await db
      .selectFrom('sales_stock_ledger as l')
      .leftJoin('sales_contracts as c', 'c.id', 'l.contract_id')
      .select([
        'l.id',
        'l.kind',
        'l.quantity',
        'l.on_hand_after',
        'l.reserved_after',
        'l.note',
        'l.at',
        'c.contract_no',
      ])
      .where('l.model', '=', model)
      .orderBy('l.at', 'desc')
      .orderBy('l.id', 'desc')
      .limit(500)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      quantity: r.quantity,
      onHandAfter: r.on_hand_after,
      reservedAfter: r.reserved_after,
      contractNo: r.contract_no,
      note: r.note,
      at: r.at,
    }));
  },
};

const stockOf = (r: {
  model: string;
  product_name: string;
  on_hand: number;
  reserved: number;
  version: number;
}): ProductStock => ({
  model: r.model,
  productName: r.product_name,
  onHand: r.on_hand,
  reserved: r.reserved,
  available: r.on_hand - r.reserved,
  version: r.version,
});

async function ledger(trx: Db, model: string, after: Levels, at: string, e: LedgerEntry): Promise<void> {
  await trx
    .insertInto('sales_stock_ledger')
    .values({
      id: newId(),
      model,
      kind: e.kind,
      quantity: e.quantity,
      on_hand_after: after.on_hand,
      reserved_after: after.reserved,
      contract_id: e.contractId ?? null,
      line_id: e.lineId ?? null,
      note: e.note ?? null,
      actor_id: e.actorId ?? null,
      at,
    })
    .execute();
}
