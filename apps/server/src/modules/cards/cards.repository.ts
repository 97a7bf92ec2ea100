import type { Kysely, Selectable } from 'kysely';
import type { CardChannel, ReceiptStatus } from '@anxin/contracts';
import type { Database } from '../../database.ts';
import type { WarrantyCardsTable, WorkshopReceiptsTable } from './cards.schema.ts';

type Db = Kysely<Database>;

export interface CardRecord {
  id: string;
  cardNo: string;
  productId: string;
  holderId: string;
  channel: CardChannel;
  activatedAt: string;
  activatedBy: string | null;
  verifyToken: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface TransferRecord {
  id: string;
  cardId: string;
  fromCustomerId: string;
  toCustomerId: string;
  reason: string;
  actorId: string | null;
  actorName: string | null;
  at: string;
}

export interface ReceiptRecord {
  id: string;
  number: string;
  orderId: string;
  productId: string;
  accessories: string[];
  condition: string;
  promisedReturnDate: string;
  takenById: string | null;
  takenByName: string;
  signature: string;
  status: ReceiptStatus;
  createdAt: string;
  closedAt: string | null;
  closedById: string | null;
  closedByName: string | null;
  version: number;
}

const toCard = (r: Selectable<WarrantyCardsTable>): CardRecord => ({
  id: r.id,
  cardNo: r.card_no,
  productId: r.product_id,
  holderId: r.holder_id,
  channel: r.channel,
  activatedAt: r.activated_at,
  activatedBy: r.activated_by,
  verifyToken: r.verify_token,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

const parseList = (text: string): string[] => {
  const v: unknown = JSON.parse(text);
  return Array.isArray(v) ? v.map(String) : [];
};

const toReceipt = (r: Selectable<WorkshopReceiptsTable>): ReceiptRecord => ({
  id: r.id,
  number: r.number,
  orderId: r.order_id,
  productId: r.product_id,
  accessories: parseList(r.accessories),
  condition: r.condition,
  promisedReturnDate: r.promised_return_date,
  takenById: r.taken_by_id,
  takenByName: r.taken_by_name,
  signature: r.signature,
  status: r.status,
  createdAt: r.created_at,
  closedAt: r.closed_at,
  closedById: r.closed_by_id,
  closedByName: r.closed_by_name,
  version: r.version,
});

/** The only place the cards module's SQL lives. */
export const cardsRepo = {
  async byProduct(db: Db, productId: string): Promise<CardRecord | undefined> {
    const r = await db
      .selectFrom('warranty_cards')
      .selectAll()
      .where('product_id', '=', productId)
      .executeTakeFirst();
    return r && toCard(r);
  },

  async byProducts(db: Db, productIds: readonly string[]): Promise<CardRecord[]> {
    if (!productIds.length) return [];
    const rows = await db
      .selectFrom('warranty_cards')
      .selectAll()
      .where('product_id', 'in', [...new Set(productIds)])
      .execute();
    return rows.map(toCard);
  },

  async byId(db: Db, id: string): Promise<CardRecord | undefined> {
    const r = await db.selectFrom('warranty_cards').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toCard(r);
  },

  async byToken(db: Db, token: string): Promise<CardRecord | undefined> {
    const r = await db
      .selectFrom('warranty_cards')
      .selectAll()
      .where('verify_token', '=', token)
      .executeTakeFirst();
    return r && toCard(r);
  },

  async byHolder(db: Db, holderId: string): Promise<CardRecord[]> {
    const rows = await db
      .selectFrom('warranty_cards')
      .selectAll()
      .where('holder_id', '=', holderId)
      .orderBy('activated_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(toCard);
  },

  async insert(trx: Db, c: CardRecord): Promise<void> {
    await trx
      .insertInto('warranty_cards')
      .values({
        id: c.id,
        card_no: c.cardNo,
        product_id: c.productId,
        holder_id: c.holderId,
        channel: c.channel,
        activated_at: c.activatedAt,
        activated_by: c.activatedBy,
        verify_token: c.verifyToken,
        created_at: c.createdAt,
        updated_at: c.updatedAt,
        version: c.version,
      })
      .execute();
  },

  /** The card moves to a new holder, only from the version the caller saw. */
  async moveHolder(trx: Db, id: string, holderId: string, version: number, at: string): Promise<boolean> {
    const r = await trx
      .updateTable('warranty_cards')
      .set({ holder_id: holderId, updated_at: at, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async insertTransfer(trx: Db, t: TransferRecord): Promise<void> {
    await trx
      .insertInto('warranty_card_transfers')
      .values({
        id: t.id,
        card_id: t.cardId,
        from_customer_id: t.fromCustomerId,
        to_customer_id: t.toCustomerId,
        reason: t.reason,
        actor_id: t.actorId,
        actor_name: t.actorName,
        at: t.at,
      })
      .execute();
  },

  async transfersOf(db: Db, cardIds: readonly string[]): Promise<TransferRecord[]> {
    if (!cardIds.length) return [];
    const rows = await db
      .selectFrom('warranty_card_transfers')
      .selectAll()
      .where('card_id', 'in', [...new Set(cardIds)])
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      cardId: r.card_id,
      fromCustomerId: r.from_customer_id,
      toCustomerId: r.to_customer_id,
      reason: r.reason,
      actorId: r.actor_id,
      actorName: r.actor_name,
      at: r.at,
    }));
  },
};

export const receiptsRepo = {
  async byId(db: Db, id: string): Promise<ReceiptRecord | undefined> {
    const r = await db.selectFrom('workshop_receipts').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toReceipt(r);
  },

  async byOrder(db: Db, orderId: string): Promise<ReceiptRecord[]> {
    const rows = await db
      .selectFrom('workshop_receipts')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(toReceipt);
  },

  async openOfOrder(db: Db, orderId: string): Promise<ReceiptRecord | undefined> {
    const r = await db
      .selectFrom('workshop_receipts')
      .selectAll()
      .where('order_id', '=', orderId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return r && toReceipt(r);
  },

  async insert(trx: Db, r: ReceiptRecord): Promise<void> {
    await trx
      .insertInto('workshop_receipts')
      .values({
        id: r.id,
        number: r.number,
        order_id: r.orderId,
        product_id: r.productId,
        accessories: JSON.stringify(r.accessories),
        condition: r.condition,
        promised_return_date: r.promisedReturnDate,
        taken_by_id: r.takenById,
        taken_by_name: r.takenByName,
        signature: r.signature,
        status: r.status,
        created_at: r.createdAt,
        closed_at: null,
        closed_by_id: null,
        closed_by_name: null,
        version: r.version,
      })
      .execute();
  },

  /** open → closed, only from the version the caller saw. */
  async close(
    trx: Db,
    id: string,
    version: number,
    by: { id: string | null; name: string },
    at: string,
  ): Promise<boolean> {
    const r = await trx
      .updateTable('workshop_receipts')
      .set({
        status: 'closed',
        closed_at: at,
        closed_by_id: by.id,
        closed_by_name: by.name,
        version: version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
