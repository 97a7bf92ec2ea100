import type {
  FieldError,
  SalesContract,
  SalesContractSource,
  SalesContractStatus,
  SalesContractStep,
} from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import { isUniqueViolation, withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, listStream } from '../../platform/events/append.ts';
import { notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import { outletNamesOf } from '../network/index.ts';
import { maskPhone, regionName } from '../customers/index.ts';
import { checkContractInput, type CheckedContract } from './contract-input.ts';
import { contracts, type ContractRecord } from './contracts.repository.ts';
import { eventActorOf, salesPolicy, type SalesContext } from './context.ts';
import { batchDateOf } from './domain/batch.ts';
import { totalFenOf } from './domain/contract-rules.ts';
import { contractMove } from './domain/lifecycle.ts';
import { CONTRACT_STREAM, SALES_EVENTS } from './sales.events.ts';
import { checkStock, releaseContract } from './stock.service.ts';

/** A store's staff see their store's contracts; everyone else with `sales:read` sees all. */
export const storeOf = (actor: Actor): string | null =>
  actor.scope.level === 'outlet' || actor.scope.level === 'own' ? actor.scope.outletId : null;

const invalid = (errors: FieldError[]) =>
  refuse('sales.contract_invalid', { count: errors.length }, { errors });

export class ContractsService {
  private readonly ctx: SalesContext;
  constructor(ctx: SalesContext) {
    this.ctx = ctx;
  }

  /**
   * Everything wrong with a contract as it arrived, field by field: shape, phones, district,
   * consistency, the contract number already taken (also within one import) and the store.
   */
  async check(
    actor: Actor,
    raw: unknown,
    seen: ReadonlySet<string> = new Set(),
  ): Promise<{ ok: true; value: CheckedContract } | { ok: false; errors: FieldError[] }> {
    const today = businessDateOf(this.ctx.clock.now());
    const own = storeOf(actor);
    const input = own && raw && typeof raw === 'object' ? { storeOutletId: own, ...raw } : raw;
    const res = checkContractInput(input, today);
    const errors = res.ok ? [] : [...res.errors];
    const obj = (input ?? {}) as Record<string, unknown>;
    if (typeof obj.contractNo === 'string' && obj.contractNo) {
      const taken = await contracts.numbersTaken(this.ctx.db, [obj.contractNo]);
      if (taken.has(obj.contractNo) || seen.has(obj.contractNo))
        errors.push({ path: 'contractNo', rule: 'unique', message: 'The contract number is taken' });
    }
    if (typeof obj.storeOutletId === 'string' && obj.storeOutletId) {
      if (own && obj.storeOutletId !== own)
        errors.push({ path: 'storeOutletId', rule: 'not_in_outlet', message: 'Not your store' });
      else if (!(await outletNamesOf(this.ctx.db, [obj.storeOutletId])).size)
        errors.push({ path: 'storeOutletId', rule: 'not_found', message: 'No such store' });
    }
    if (errors.length || !res.ok) return { ok: false, errors };
    return { ok: true, value: res.value };
  }

  /** Enters a contract (form or partner API): refused with every broken field, or stored in its batch. */
  async create(actor: Actor, raw: unknown, source: SalesContractSource): Promise<SalesContract> {
    const res = await this.check(actor, raw);
    if (!res.ok) throw invalid(res.errors);
    const id = await this.store(actor, res.value, source);
    return this.get(actor, id);
  }

  /** Stores a checked contract: the customer found by phone (or created), the batch by the cut-off. */
  async store(actor: Actor, c: CheckedContract, source: SalesContractSource): Promise<string> {
    const now = this.ctx.clock.now();
    const { value: policy } = await salesPolicy(this.ctx.db);
    const batchDate = batchDateOf(now, policy.cutoffTime, await this.ctx.calendar());
    const phone = c.phones[0]!;
    const customer =
      (await this.ctx.customers.findCustomerByPhone(phone)) ??
      (await this.ctx.customers.createIndividualCustomer(
        { name: c.customerName, phone },
        eventActorOf(actor),
      ));
    const id = newId();
    const at = now.toISOString();
    const record: Omit<ContractRecord, 'version'> = {
      id,
      contractNo: c.contractNo,
      source,
      storeOutletId: c.storeOutletId ?? null,
      salesperson: c.salesperson,
      customerId: customer.id,
      customerName: c.customerName,
      phones: c.phones,
      regionCode: c.regionCode,
      addressDetail: c.addressDetail,
      orderDate: c.orderDate,
      requestedDate: c.requestedDate,
      batchDate,
      availableDate: null,
      specialRequests: c.specialRequests ?? null,
      status: 'entered',
      totalFen: totalFenOf(c.lines),
      cancelReason: null,
      createdBy: actor.kind === 'system' ? null : actor.userId,
      createdAt: at,
      lines: c.lines.map((l, i) => ({
        ...l,
        id: newId(),
        contractId: id,
        lineNo: i + 1,
        state: 'pending' as const,
        factoryOrderDate: null,
        expectedDate: null,
        reservedOn: null,
      })),
    };
    try {
      await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
        await contracts.insert(trx, record, at);
        await appendEvent(trx, {
          streamType: CONTRACT_STREAM,
          streamId: id,
          type: SALES_EVENTS.type.contract_entered,
          actor: eventActorOf(actor),
          at: now,
          to: 'entered',
          data: { contractNo: c.contractNo, source, batchDate, actorName: actor.displayName },
        });
      });
    } catch (err) {
      // Two entries of one number at once: the loser is told as if it had been taken before.
      if (isUniqueViolation(err))
        throw invalid([{ path: 'contractNo', rule: 'unique', message: 'The contract number is taken' }]);
      throw err;
    }
    return id;
  }

  async get(actor: Actor, id: string): Promise<SalesContract> {
    const c = await contracts.find(this.ctx.db, id);
    const own = storeOf(actor);
    if (!c || (own && c.storeOutletId !== own)) throw notFound('sales contract', id);
    const [view] = await this.views(actor, [c]);
    const history = await listStream(this.ctx.db, CONTRACT_STREAM, id);
    return {
      ...view!,
      history: history.map((e) => ({
        type: e.type,
        at: e.occurredAt,
        actorName: typeof e.data.actorName === 'string' ? e.data.actorName : null,
        to: e.to,
      })),
    };
  }

  async list(
    actor: Actor,
    q: {
      status?: SalesContractStatus;
      batchDate?: string;
      storeOutletId?: string;
      q?: string;
      cursor?: string;
      limit?: number;
    },
  ): Promise<{ items: SalesContract[]; nextCursor: string | null }> {
    const limit = q.limit ?? 50;
    const own = storeOf(actor);
    const [batchDate, cursorId] = (q.cursor ?? '').split('|');
    const rows = await contracts.list(this.ctx.db, {
      status: q.status,
      batchFrom: q.batchDate,
      batchTo: q.batchDate,
      storeOutletId: own ?? q.storeOutletId,
      q: q.q,
      after: batchDate && cursorId ? { batchDate, id: cursorId } : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.views(actor, page),
      nextCursor: rows.length > limit && last ? `${last.batchDate}|${last.id}` : null,
    };
  }

  /** The warehouse's stock check, or a cancellation before booking (reservations go back). */
  async transition(actor: Actor, id: string, step: SalesContractStep): Promise<SalesContract> {
    const c = await contracts.find(this.ctx.db, id);
    const own = storeOf(actor);
    if (!c || (own && c.storeOutletId !== own)) throw notFound('sales contract', id);
    if (c.version !== step.version) throw versionConflict('sales contract', id, step.version);
    const move = contractMove(c.status, step.action);
    if (!move.ok)
      throw refuse('state.invalid_transition', { from: c.status, to: step.action, allowed: move.allowed });
    if (step.action === 'check_stock') await checkStock(this.ctx, actor, c);
    else await releaseContract(this.ctx, actor, c, step.reason);
    return this.get(actor, id);
  }

  /** Phones masked for whoever may not see customers' numbers (the warehouse, say). */
  private async views(actor: Actor, list: ContractRecord[]): Promise<SalesContract[]> {
    const unmasked = actor.permissions.has('customer:phone_unmasked');
    const names = await outletNamesOf(
      this.ctx.db,
      list.map((c) => c.storeOutletId),
    );
    return list.map((c) => ({
      id: c.id,
      contractNo: c.contractNo,
      source: c.source,
      storeOutletId: c.storeOutletId,
      storeName: c.storeOutletId ? (names.get(c.storeOutletId) ?? null) : null,
      salesperson: c.salesperson,
      customerId: c.customerId,
      customerName: c.customerName,
      phones: unmasked ? c.phones : c.phones.map(maskPhone),
      regionCode: c.regionCode,
      regionName: regionName(c.regionCode),
      addressDetail: c.addressDetail,
      orderDate: c.orderDate,
      requestedDate: c.requestedDate,
      batchDate: c.batchDate,
      availableDate: c.availableDate,
      specialRequests: c.specialRequests,
      status: c.status,
      totalFen: c.totalFen,
      lines: c.lines.map((l) => ({
        lineId: l.id,
        model: l.model,
        productName: l.productName,
        category: l.category,
        quantity: l.quantity,
        unitPriceFen: l.unitPriceFen,
        needsInstallation: l.needsInstallation,
        state: l.state,
        factoryOrderDate: l.factoryOrderDate,
        expectedDate: l.expectedDate,
      })),
      createdAt: c.createdAt,
      version: c.version,
    }));
  }
}
