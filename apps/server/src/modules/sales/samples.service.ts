import type { CreateSample, FieldError, Sample, SampleStatus, SampleStep } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { DomainError, fieldError, notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { productModelsByCodes } from '../catalog/index.ts';
import { normalisePhone } from '../customers/index.ts';
import { outletNamesOf } from '../network/index.ts';
import { serviceHistory } from '../workorders/index.ts';
import { eventActorOf, type SalesContext } from './context.ts';
import { storeOf } from './contracts.service.ts';
import { sampleMove } from './domain/lifecycle.ts';
import { samples, type SampleRecord } from './samples.repository.ts';
import { SALES_EVENTS, SAMPLE_STREAM } from './sales.events.ts';

const EVENT_OF = {
  approve: SALES_EVENTS.type.sample_approved,
  reject: SALES_EVENTS.type.sample_rejected,
  request_removal: SALES_EVENTS.type.sample_removal_requested,
} as const;

/**
 * Showroom samples (卖场样品): store staff propose a sample for display or its removal, the store
 * manager approves or rejects. An approved sample becomes an installed product of the store (a
 * customer record of its own), so its repairs are work orders on it like on any product.
 */
export class SamplesService {
  private readonly ctx: SalesContext;
  constructor(ctx: SalesContext) {
    this.ctx = ctx;
  }

  async create(actor: Actor, input: CreateSample): Promise<Sample> {
    const own = storeOf(actor);
    const errors: FieldError[] = [];
    if (own && input.storeOutletId !== own)
      errors.push({ path: 'storeOutletId', rule: 'not_in_outlet', message: 'Not your store' });
    else if (!(await outletNamesOf(this.ctx.db, [input.storeOutletId])).size)
      errors.push({ path: 'storeOutletId', rule: 'not_found', message: 'No such store' });
    if (!(await productModelsByCodes(this.ctx.db, [input.model])).length)
      errors.push({ path: 'model', rule: 'not_found', message: 'No such model in the catalogue' });
    const store = await this.ctx.stores(input.storeOutletId);
    const phone = normalisePhone(input.storePhone ?? store?.contactPhone ?? '');
    if (!phone.ok)
      errors.push(
        input.storePhone
          ? {
              path: 'storePhone',
              rule: 'invalid_format',
              params: { format: 'phone' },
              message: phone.message,
            }
          : { path: 'storePhone', rule: 'required', message: 'The store has no contact phone' },
      );
    const serialNo = input.serialNo.trim().toUpperCase();
    if (!/^[A-Z0-9_./-]{3,64}$/.test(serialNo))
      errors.push({
        path: 'serialNo',
        rule: 'invalid_format',
        params: { format: 'serial' },
        message: 'Bad serial',
      });
    if (await samples.serialTaken(this.ctx.db, serialNo))
      errors.push({ path: 'serialNo', rule: 'unique', message: 'A sample with this serial exists' });
    if (errors.length || !phone.ok)
      throw new DomainError('request.validation_failed', 'The sample has invalid fields', { errors });
    const now = this.ctx.clock.now();
    const id = newId();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      await samples.insert(trx, {
        id,
        storeOutletId: input.storeOutletId,
        model: input.model,
        productName: input.productName,
        category: input.category,
        serialNo,
        storePhone: phone.phone,
        status: 'pending_display',
        displayFrom: input.displayFrom,
        displayUntil: null,
        reason: input.reason ?? null,
        decisionNote: null,
        installedProductId: null,
        requestedBy: actor.kind === 'system' ? null : actor.userId,
        decidedBy: null,
        createdAt: now.toISOString(),
      });
      await appendEvent(trx, {
        streamType: SAMPLE_STREAM,
        streamId: id,
        type: SALES_EVENTS.type.sample_requested,
        actor: eventActorOf(actor),
        at: now,
        to: 'pending_display',
        data: { serialNo, model: input.model, actorName: actor.displayName },
      });
    });
    return this.get(actor, id);
  }

  async list(actor: Actor, q: { status?: SampleStatus; storeOutletId?: string }): Promise<Sample[]> {
    const own = storeOf(actor);
    return this.views(await samples.list(this.ctx.db, { ...q, storeOutletId: own ?? q.storeOutletId }));
  }

  async get(actor: Actor, id: string): Promise<Sample> {
    const s = await samples.find(this.ctx.db, id);
    const own = storeOf(actor);
    if (!s || (own && s.storeOutletId !== own)) throw notFound('sample', id);
    return (await this.views([s]))[0]!;
  }

  /** The manager's decision or a removal request; an approved display registers the product. */
  async step(actor: Actor, id: string, step: SampleStep): Promise<Sample> {
    const s = await samples.find(this.ctx.db, id);
    const own = storeOf(actor);
    if (!s || (own && s.storeOutletId !== own)) throw notFound('sample', id);
    if (s.version !== step.version) throw versionConflict('sample', id, step.version);
    const to = sampleMove(s.status, step.action);
    if (!to) throw refuse('state.invalid_transition', { from: s.status, to: step.action });
    if (step.action === 'request_removal' && step.displayUntil < s.displayFrom)
      throw fieldError('displayUntil', 'order', 'The display ends before it started');
    const installedProductId =
      to === 'on_display' ? await this.registerProduct(actor, s) : s.installedProductId;
    const now = this.ctx.clock.now();
    const decided = step.action !== 'request_removal';
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const change = {
        status: to,
        installedProductId,
        ...(decided ? { decidedBy: actor.kind === 'system' ? null : actor.userId } : {}),
        ...(step.action === 'approve' ? { decisionNote: step.note ?? null } : {}),
        ...(step.action === 'reject' ? { decisionNote: step.reason } : {}),
        ...(step.action === 'request_removal'
          ? { reason: step.reason, displayUntil: step.displayUntil }
          : {}),
      };
      if (!(await samples.update(trx, id, s.version, s.status, change, now.toISOString())))
        throw versionConflict('sample', id, s.version);
      await appendEvent(trx, {
        streamType: SAMPLE_STREAM,
        streamId: id,
        type: EVENT_OF[step.action],
        actor: eventActorOf(actor),
        at: now,
        from: s.status,
        to,
        reason: step.action === 'approve' ? (step.note ?? null) : step.reason,
        data: { actorName: actor.displayName, installedProductId },
      });
    });
    return this.get(actor, id);
  }

  /**
   * The sample as an installed product of its store (found by serial when it was registered
   * before): the store is a customer reached at its contact phone, created on first use.
   */
  private async registerProduct(actor: Actor, s: SampleRecord): Promise<string | null> {
    const existing = await this.ctx.customers.findProductBySerial(s.serialNo);
    if (existing) return existing.id;
    const model = (await productModelsByCodes(this.ctx.db, [s.model]))[0];
    if (!model) return null;
    const store = await this.ctx.stores(s.storeOutletId);
    const who = eventActorOf(actor);
    const customer =
      (await this.ctx.customers.findCustomerByPhone(s.storePhone)) ??
      (await this.ctx.customers.createIndividualCustomer(
        { name: store?.name ?? s.storeOutletId, phone: s.storePhone },
        who,
      ));
    const product = await this.ctx.customers.registerProductForCustomer(
      customer.id,
      {
        modelId: model.id,
        serial: s.serialNo,
        purchaseDate: s.displayFrom,
        salesChannel: '卖场样品',
        invoiceNo: null,
        installDate: s.displayFrom,
        warrantyCardNo: null,
        activateWarranty: false,
        addressId: null,
      },
      who,
    );
    return product.id;
  }

  private async views(list: SampleRecord[]): Promise<Sample[]> {
    const names = await outletNamesOf(
      this.ctx.db,
      list.map((s) => s.storeOutletId),
    );
    const now = this.ctx.clock.now();
    const out: Sample[] = [];
    for (const s of list)
      out.push({
        id: s.id,
        storeOutletId: s.storeOutletId,
        storeName: names.get(s.storeOutletId) ?? null,
        model: s.model,
        productName: s.productName,
        category: s.category,
        serialNo: s.serialNo,
        storePhone: s.storePhone,
        status: s.status,
        displayFrom: s.displayFrom,
        displayUntil: s.displayUntil,
        reason: s.reason,
        decisionNote: s.decisionNote,
        installedProductId: s.installedProductId,
        repairOrders: s.installedProductId
          ? (await serviceHistory(this.ctx.db, s.installedProductId, now)).length
          : 0,
        version: s.version,
      });
    return out;
  }
}
