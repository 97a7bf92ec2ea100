import type {
  CalloutBand,
  ConsentChannel,
  CoverageStatus,
  LabourPrice,
  PaymentMethod,
  QuoteLine,
  QuoteStatus,
} from '@anxin/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../database.ts';
import type {
  PriceListLinesTable,
  PriceListsTable,
  QuotePaymentsTable,
  QuotesTable,
} from './charges.schema.ts';

type Db = Kysely<Database>;

export interface PriceListRecord {
  id: string;
  versionNo: number;
  effectiveFrom: string;
  note: string;
  labour: LabourPrice[];
  callout: CalloutBand[];
  createdAt: string;
  createdBy: string | null;
}

export interface QuoteRecord {
  id: string;
  number: string;
  orderId: string;
  revision: number;
  status: QuoteStatus;
  coverage: CoverageStatus;
  priceListId: string;
  calloutKm: number | null;
  lines: QuoteLine[];
  subtotalFen: number;
  discountFen: number;
  discountReason: string;
  totalFen: number;
  paidFen: number;
  validUntil: string | null;
  sentAt: string | null;
  decidedAt: string | null;
  consent: {
    channel: ConsentChannel;
    by: string;
    at: string;
    note: string;
    recordingRef: string;
    recordedBy: string | null;
  } | null;
  declineReason: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface PaymentRecord {
  id: string;
  receiptNo: string;
  quoteId: string;
  method: PaymentMethod;
  reference: string;
  amountFen: number;
  note: string;
  receivedAt: string;
  receivedBy: string | null;
}

const toPriceList = (
  r: Selectable<PriceListsTable>,
  lines: Selectable<PriceListLinesTable>[],
): PriceListRecord => ({
  id: r.id,
  versionNo: r.version_no,
  effectiveFrom: r.effective_from,
  note: r.note,
  labour: lines
    .filter((l) => l.kind === 'labour')
    .map((l) => ({
      code: l.code,
      nameZh: l.name_zh,
      nameEn: l.name_en,
      categoryCode: l.category_code,
      amountFen: l.amount_fen,
    })),
  callout: lines
    .filter((l) => l.kind === 'callout')
    .map((l) => ({ minKm: l.min_km ?? 0, maxKm: l.max_km, amountFen: l.amount_fen })),
  createdAt: r.created_at,
  createdBy: r.created_by,
});

const toPayment = (r: Selectable<QuotePaymentsTable>): PaymentRecord => ({
  id: r.id,
  receiptNo: r.receipt_no,
  quoteId: r.quote_id,
  method: r.method,
  reference: r.reference,
  amountFen: r.amount_fen,
  note: r.note,
  receivedAt: r.received_at,
  receivedBy: r.received_by,
});

const toQuote = (r: Selectable<QuotesTable>, lines: QuoteLine[]): QuoteRecord => ({
  id: r.id,
  number: r.number,
  orderId: r.order_id,
  revision: r.revision,
  status: r.status,
  coverage: r.coverage,
  priceListId: r.price_list_id,
  calloutKm: r.callout_km,
  lines,
  subtotalFen: r.subtotal_fen,
  discountFen: r.discount_fen,
  discountReason: r.discount_reason,
  totalFen: r.total_fen,
  paidFen: r.paid_fen,
  validUntil: r.valid_until,
  sentAt: r.sent_at,
  decidedAt: r.decided_at,
  consent:
    r.consent_channel && r.consent_at
      ? {
          channel: r.consent_channel,
          by: r.consent_by ?? '',
          at: r.consent_at,
          note: r.consent_note ?? '',
          recordingRef: r.consent_ref ?? '',
          recordedBy: r.consent_recorded_by,
        }
      : null,
  declineReason: r.decline_reason,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

/** The charges module's only SQL: price lists, quotes with their lines, payments. */
export const chargesRepo = {
  async priceLists(db: Db): Promise<PriceListRecord[]> {
    const rows = await db.selectFrom('price_lists').selectAll().orderBy('version_no', 'desc').execute();
    if (!rows.length) return [];
    const lines = await db
      .selectFrom('price_list_lines')
      .selectAll()
      .where(
        'price_list_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('line_no')
      .execute();
    return rows.map((r) =>
      toPriceList(
        r,
        lines.filter((l) => l.price_list_id === r.id),
      ),
    );
  },

  async priceList(db: Db, id: string): Promise<PriceListRecord | undefined> {
    const r = await db.selectFrom('price_lists').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) return undefined;
    const lines = await db
      .selectFrom('price_list_lines')
      .selectAll()
      .where('price_list_id', '=', id)
      .orderBy('line_no')
      .execute();
    return toPriceList(r, lines);
  },

  /** The version in force on a business date: the latest effective on or before it. */
  async priceListOn(db: Db, date: string): Promise<PriceListRecord | undefined> {
    const r = await db
      .selectFrom('price_lists')
      .select('id')
      .where('effective_from', '<=', date)
      .orderBy('effective_from', 'desc')
      .orderBy('version_no', 'desc')
      .executeTakeFirst();
    return r ? this.priceList(db, r.id) : undefined;
  },

  async nextPriceListNo(db: Db): Promise<number> {
    const r = await db
      .selectFrom('price_lists')
      .select((eb) => eb.fn.max('version_no').as('n'))
      .executeTakeFirst();
    return Number(r?.n ?? 0) + 1;
  },

  async insertPriceList(db: Db, p: PriceListRecord): Promise<void> {
    await db
      .insertInto('price_lists')
      .values({
        id: p.id,
        version_no: p.versionNo,
        effective_from: p.effectiveFrom,
        note: p.note,
        created_at: p.createdAt,
        created_by: p.createdBy,
      })
      .execute();
    const rows = [
      ...p.labour.map((l) => ({
        kind: 'labour' as const,
        code: l.code,
        name_zh: l.nameZh,
        name_en: l.nameEn,
        category_code: l.categoryCode,
        min_km: null,
        max_km: null,
        amount_fen: l.amountFen,
      })),
      ...p.callout.map((b) => ({
        kind: 'callout' as const,
        code: '',
        name_zh: '',
        name_en: '',
        category_code: null,
        min_km: b.minKm,
        max_km: b.maxKm,
        amount_fen: b.amountFen,
      })),
    ].map((r, i) => ({ ...r, price_list_id: p.id, line_no: i + 1 }));
    await db.insertInto('price_list_lines').values(rows).execute();
  },

  async quotesOfOrder(db: Db, orderId: string): Promise<QuoteRecord[]> {
    const rows = await db
      .selectFrom('quotes')
      .selectAll()
      .where('order_id', '=', orderId)
      .orderBy('revision', 'desc')
      .execute();
    return this.withLines(db, rows);
  },

  async quote(db: Db, id: string): Promise<QuoteRecord | undefined> {
    const r = await db.selectFrom('quotes').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? (await this.withLines(db, [r]))[0] : undefined;
  },

  async withLines(db: Db, rows: Selectable<QuotesTable>[]): Promise<QuoteRecord[]> {
    if (!rows.length) return [];
    const lines = await db
      .selectFrom('quote_lines')
      .selectAll()
      .where(
        'quote_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('line_no')
      .execute();
    return rows.map((r) =>
      toQuote(
        r,
        lines
          .filter((l) => l.quote_id === r.id)
          .map((l) => ({
            kind: l.kind,
            ref: l.ref,
            nameZh: l.name_zh,
            nameEn: l.name_en,
            qty: l.qty,
            unitFen: l.unit_fen,
            amountFen: l.amount_fen,
          })),
      ),
    );
  },

  async hasApprovedQuote(db: Db, orderId: string): Promise<boolean> {
    const r = await db
      .selectFrom('quotes')
      .select('id')
      .where('order_id', '=', orderId)
      .where('status', '=', 'approved')
      .executeTakeFirst();
    return !!r;
  },

  async nextRevision(db: Db, orderId: string): Promise<number> {
    const r = await db
      .selectFrom('quotes')
      .select((eb) => eb.fn.max('revision').as('n'))
      .where('order_id', '=', orderId)
      .executeTakeFirst();
    return Number(r?.n ?? 0) + 1;
  },

  async insertQuote(
    db: Db,
    q: Omit<
      QuoteRecord,
      'consent' | 'sentAt' | 'decidedAt' | 'validUntil' | 'paidFen' | 'declineReason' | 'version'
    > & {
      createdBy: string | null;
    },
  ): Promise<void> {
    await db
      .insertInto('quotes')
      .values({
        id: q.id,
        number: q.number,
        order_id: q.orderId,
        revision: q.revision,
        status: q.status,
        coverage: q.coverage,
        price_list_id: q.priceListId,
        callout_km: q.calloutKm,
        subtotal_fen: q.subtotalFen,
        discount_fen: q.discountFen,
        discount_reason: q.discountReason,
        total_fen: q.totalFen,
        paid_fen: 0,
        decline_reason: '',
        created_at: q.createdAt,
        created_by: q.createdBy,
        updated_at: q.updatedAt,
        version: 1,
      })
      .execute();
    await this.insertLines(db, q.id, q.lines);
  },

  async insertLines(db: Db, quoteId: string, lines: QuoteLine[]): Promise<void> {
    await db
      .insertInto('quote_lines')
      .values(
        lines.map((l, i) => ({
          quote_id: quoteId,
          line_no: i + 1,
          kind: l.kind,
          ref: l.ref,
          name_zh: l.nameZh,
          name_en: l.nameEn,
          qty: l.qty,
          unit_fen: l.unitFen,
          amount_fen: l.amountFen,
        })),
      )
      .execute();
  },

  /** Replaces a draft's priced content at the version read; false when the version moved on. */
  async repriceDraft(
    db: Db,
    id: string,
    version: number,
    q: Pick<
      QuoteRecord,
      | 'priceListId'
      | 'calloutKm'
      | 'lines'
      | 'subtotalFen'
      | 'discountFen'
      | 'discountReason'
      | 'totalFen'
      | 'coverage'
    >,
    now: string,
  ): Promise<boolean> {
    const r = await db
      .updateTable('quotes')
      .set({
        price_list_id: q.priceListId,
        coverage: q.coverage,
        callout_km: q.calloutKm,
        subtotal_fen: q.subtotalFen,
        discount_fen: q.discountFen,
        discount_reason: q.discountReason,
        total_fen: q.totalFen,
        updated_at: now,
        version: version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await db.deleteFrom('quote_lines').where('quote_id', '=', id).execute();
    await this.insertLines(db, id, q.lines);
    return true;
  },

  /** Moves a quote from one status to another at the version read; false when it moved on. */
  async setStatus(
    db: Db,
    id: string,
    version: number,
    from: QuoteStatus,
    patch: Partial<
      Pick<
        Selectable<QuotesTable>,
        | 'status'
        | 'valid_until'
        | 'sent_at'
        | 'decided_at'
        | 'consent_channel'
        | 'consent_by'
        | 'consent_at'
        | 'consent_note'
        | 'consent_ref'
        | 'consent_recorded_by'
        | 'decline_reason'
      >
    >,
    now: string,
  ): Promise<boolean> {
    const r = await db
      .updateTable('quotes')
      .set({ ...patch, updated_at: now, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Supersedes every open (draft or sent) quote of an order; returns their ids. */
  async supersedeOpen(db: Db, orderId: string, now: string): Promise<string[]> {
    const rows = await db
      .updateTable('quotes')
      .set((eb) => ({ status: 'superseded', updated_at: now, version: eb('version', '+', 1) }))
      .where('order_id', '=', orderId)
      .where('status', 'in', ['draft', 'sent', 'expired', 'declined'])
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  },

  /**
   * Adds a payment to an approved quote's paid amount when it stays within the total; false when
   * it would overpay (the conditional update is the guard against two cashiers at once).
   */
  async addPaid(db: Db, id: string, amountFen: number, now: string): Promise<boolean> {
    const r = await db
      .updateTable('quotes')
      .set((eb) => ({
        paid_fen: eb('paid_fen', '+', amountFen),
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('status', '=', 'approved')
      .where((eb) => eb(eb('paid_fen', '+', amountFen), '<=', eb.ref('total_fen')))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async insertPayment(db: Db, p: PaymentRecord): Promise<void> {
    await db
      .insertInto('quote_payments')
      .values({
        id: p.id,
        receipt_no: p.receiptNo,
        quote_id: p.quoteId,
        method: p.method,
        reference: p.reference,
        amount_fen: p.amountFen,
        note: p.note,
        received_at: p.receivedAt,
        received_by: p.receivedBy,
      })
      .execute();
  },

  async payments(db: Db, quoteIds: readonly string[]): Promise<PaymentRecord[]> {
    if (!quoteIds.length) return [];
    const rows = await db
      .selectFrom('quote_payments')
      .selectAll()
      .where('quote_id', 'in', [...quoteIds])
      .orderBy('received_at')
      .orderBy('receipt_no')
      .execute();
    return rows.map(toPayment);
  },
};
