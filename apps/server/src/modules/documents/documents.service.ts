import type { DocumentLocale, ProofView, Quote } from '@anxin/contracts';
import { can, type Actor } from '../../platform/auth/actor.ts';
import { newExportStamp, recordExport } from '../../platform/exports/index.ts';
import { notFound, refuse } from '../../platform/http/errors.ts';
import type { DocumentsContext } from './context.ts';
import { documentsPolicy } from './documents.settings.ts';
import { documentFont } from './fonts.ts';
import { WORDS } from './locale.ts';
import { buildQuote, buildReceipt } from './quote.ts';
import { beijing, type Print } from './render.ts';
import { buildServiceReport, type FittedPart, type ServiceReportData } from './service-report.ts';
import { buildStatement } from './statement.ts';

export interface PrintOptions {
  locale: DocumentLocale;
  requestId: string | null;
}

export interface PrintedDocument {
  filename: string;
  /** ASCII fallback for clients without RFC 5987 `filename*`. */
  asciiFilename: string;
  body: Buffer;
}

/**
 * Printable PDFs of other modules' objects. Each is read through its owner with the requesting
 * actor (so scope is the owner's), drawn in the request's language and recorded in the export
 * audit trail like every other file that leaves the system.
 */
export class DocumentsService {
  private readonly ctx: DocumentsContext;
  constructor(ctx: DocumentsContext) {
    this.ctx = ctx;
  }

  async serviceReport(actor: Actor, orderId: string, o: PrintOptions): Promise<PrintedDocument> {
    const { ports } = this.ctx;
    const order = await ports.order(actor, orderId);
    const proof = await ports.proof(actor, orderId);
    if (!proof.visits.length) throw refuse('documents.no_visit', { orderNo: order.number });
    const data: ServiceReportData = {
      orderNo: order.number,
      type: order.type,
      createdAt: order.createdAt,
      completedAt: order.completedAt ?? proof.visits.at(-1)?.completedAt ?? null,
      customerName: order.customer?.name ?? order.contactName,
      contactPhone: order.contactPhone,
      address: order.address ?? '',
      product: order.product ? await ports.product(order.product.id) : null,
      fault: order.faultDescription,
      outlet: order.outlet?.name ?? '',
      technician: order.technician?.name ?? '',
      visits: proof.visits.map((v) => ({
        arrivedAt: v.arrivedAt,
        completedAt: v.completedAt,
        findings: v.diagnosis?.findings ?? '',
        workDone: v.work?.workDone ?? '',
        outcome: v.result?.outcome ?? null,
      })),
      parts: await this.partsOf(orderId, proof.visits),
      quote: await this.chargedQuote(actor, orderId),
      signature: proof.signature ? await ports.signature(actor, orderId, proof.signature.id) : null,
      signedAt: proof.signature?.createdAt ?? null,
    };
    return this.print(actor, o, 'service_report', { orderId, orderNo: order.number }, (p) => ({
      name: `${p.words.serviceReport}-${order.number}`,
      ascii: `service-report-${order.number}`,
      body: buildServiceReport(p, data),
    }));
  }

  /**
   * Parts as the parts module recorded them (consumed on the order); an order whose parts came
   * from elsewhere shows what the technician noted on the visit instead.
   */
  private async partsOf(orderId: string, visits: ProofView['visits']): Promise<FittedPart[]> {
    const fitted = await this.ctx.ports.partsFitted(orderId);
    if (fitted.length) return fitted;
    return visits.flatMap((v) =>
      (v.work?.parts ?? []).map((x) => ({
        code: '',
        nameZh: x.note ? `${x.name}（${x.note}）` : x.name,
        nameEn: '',
        qty: x.quantity,
        newSerial: null,
        paidBy: '',
      })),
    );
  }

  /** The approved quote is what the customer is charged; charges show only to those who may read them. */
  private async chargedQuote(actor: Actor, orderId: string): Promise<Quote | null> {
    if (!can(actor, 'charges:read')) return null;
    const quotes = await this.ctx.ports.quotesOfOrder(actor, orderId);
    return quotes.find((q) => q.status === 'approved') ?? null;
  }

  async quote(actor: Actor, id: string, o: PrintOptions): Promise<PrintedDocument> {
    const q = await this.ctx.ports.quote(actor, id);
    return this.print(actor, o, 'quote', { quoteId: id, quoteNo: q.number }, (p) => ({
      name: `${p.words.quote}-${q.number}`,
      ascii: `quote-${q.number}`,
      body: buildQuote(p, q),
    }));
  }

  async receipt(actor: Actor, quoteId: string, paymentId: string, o: PrintOptions) {
    const q = await this.ctx.ports.quote(actor, quoteId);
    const pay = q.payments.find((x) => x.id === paymentId);
    if (!pay) throw notFound('payment', paymentId);
    return this.print(actor, o, 'receipt', { quoteId, receiptNo: pay.receiptNo }, (p) => ({
      name: `${p.words.receipt}-${pay.receiptNo}`,
      ascii: `receipt-${pay.receiptNo}`,
      body: buildReceipt(p, q, pay),
    }));
  }

  async statement(actor: Actor, id: string, o: PrintOptions): Promise<PrintedDocument> {
    const st = await this.ctx.ports.statement(actor, id);
    return this.print(actor, o, 'settlement_statement', { statementId: id, statementNo: st.number }, (p) => ({
      name: `${p.words.statement}-${st.number}`,
      ascii: `statement-${st.number}`,
      body: buildStatement(p, st),
    }));
  }

  private async print(
    actor: Actor,
    { locale, requestId }: PrintOptions,
    kind: string,
    filter: Record<string, string>,
    build: (p: Print) => { name: string; ascii: string; body: Promise<Buffer> },
  ): Promise<PrintedDocument> {
    const policy = await documentsPolicy(this.ctx.db);
    const words = WORDS[locale];
    const stamp = newExportStamp(actor, this.ctx.clock.now());
    const who = actor.kind === 'system' ? 'system' : `${actor.displayName}（${actor.username}）`;
    const p: Print = {
      locale,
      words,
      company: locale === 'en-US' ? policy.companyNameEn : policy.companyNameZh,
      font: await documentFont(policy.fontPath, this.ctx.logger),
      at: stamp.at,
      stamp: words.printedBy(who, beijing(stamp.at.toISOString()), stamp.id),
    };
    const out = build(p);
    const body = await out.body;
    // Written before the file is handed out: a document whose audit entry failed never leaves.
    await recordExport(this.ctx.db, this.ctx.dialect, actor, stamp, {
      kind: `document_${kind}`,
      rows: 1,
      filter,
      format: 'pdf',
      requestId,
    });
    return { filename: `${out.name}.pdf`, asciiFilename: `${out.ascii.replace(/[^\w.-]/g, '_')}.pdf`, body };
  }
}
