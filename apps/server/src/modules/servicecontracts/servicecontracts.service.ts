import {
  responseHoursOf,
  type CreateServiceContract,
  type Entitlement,
  type ServiceContract,
  type ServiceContractDetail,
  type ServiceContractStatus,
  type ServiceContractTransition,
  type ServiceReminder,
  type UpdateServiceContract,
} from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { ContractPromise } from '../sla/index.ts';
import { eventActorOf } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { fieldError, notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import type { ServiceContractContext } from './context.ts';
import { instalments } from './domain/billing.ts';
import { entitlement } from './domain/entitlement.ts';
import { isEditable, stepOf } from './domain/lifecycle.ts';
import type { ContractFields, ContractRecord } from './servicecontracts.repository.ts';
import { CONTRACT_STREAM, SERVICE_CONTRACT_EVENTS as EV } from './servicecontracts.events.ts';
import { serviceContractPolicy } from './servicecontracts.settings.ts';

const uniq = <T>(xs: T[]) => [...new Set(xs)];

/** Contracts (CRUD while a draft, activation, cancellation), billing, and the entitlement. */
export class ServiceContractService {
  readonly ctx: ServiceContractContext;
  constructor(ctx: ServiceContractContext) {
    this.ctx = ctx;
  }

  today(): string {
    return businessDateOf(this.ctx.clock.now());
  }

  /** The API view: customer names, the tier's response hours and any open renewal reminder. */
  async views(records: ContractRecord[]): Promise<ServiceContract[]> {
    const [policy, names, reminders] = await Promise.all([
      serviceContractPolicy(this.ctx.db),
      this.ctx.ports.customerNames(uniq(records.map((r) => r.customerId))),
      this.ctx.repo.openReminderEnds(records.map((r) => r.id)),
    ]);
    return records.map((r) => ({
      id: r.id,
      number: r.number,
      customerId: r.customerId,
      customerName: names.get(r.customerId) ?? null,
      kind: r.kind,
      coverage: r.coverage,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      slaTier: r.slaTier,
      responseHours: responseHoursOf(policy, r.slaTier),
      visitQuota: r.visitQuota,
      visitsUsed: r.visitsUsed,
      partsCovered: r.partsCovered,
      labourCovered: r.labourCovered,
      priceFen: r.priceFen,
      billing: r.billing,
      note: r.note,
      status: r.status,
      renewalDueOn: reminders.get(r.id) ?? null,
      version: r.version,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    }));
  }

  async list(q: {
    status?: ServiceContractStatus;
    customerId?: string;
    q?: string;
    limit: number;
  }): Promise<ServiceContract[]> {
    const rows = await this.ctx.repo.list({ ...q, limit: q.q ? 500 : q.limit });
    const views = await this.views(rows);
    if (!q.q) return views;
    const needle = q.q.toUpperCase();
    return views
      .filter((v) => v.number.includes(needle) || (v.customerName ?? '').toUpperCase().includes(needle))
      .slice(0, q.limit);
  }

  async find(id: string): Promise<ContractRecord> {
    const c = await this.ctx.repo.find(id);
    if (!c) throw notFound('service contract', id);
    return c;
  }

  async get(id: string): Promise<ServiceContractDetail> {
    const c = await this.find(id);
    const [view] = await this.views([c]);
    const [instalmentLines, visits] = await Promise.all([
      this.ctx.repo.instalments(id),
      this.ctx.repo.visits(id),
    ]);
    return { ...view!, instalments: instalmentLines, visits };
  }

  /** Cross-field rules and references; each failure names its field and nothing is stored. */
  private async validate(input: CreateServiceContract): Promise<ContractFields> {
    if (input.endsOn < input.startsOn)
      throw fieldError('endsOn', 'after_start', 'the last day is before the first day');
    const names = await this.ctx.ports.customerNames([input.customerId]);
    if (!names.has(input.customerId)) throw fieldError('customerId', 'not_found', 'no such customer');
    const coverage = {
      modelIds: uniq(input.coverage.modelIds),
      serials: uniq(input.coverage.serials.map((s) => s.trim().toUpperCase())),
      addressIds: uniq(input.coverage.addressIds),
    };
    return {
      customerId: input.customerId,
      kind: input.kind,
      coverage,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      slaTier: input.slaTier,
      visitQuota: input.visitQuota,
      partsCovered: input.partsCovered,
      labourCovered: input.labourCovered,
      priceFen: input.priceFen,
      billing: input.billing,
      note: input.note,
    };
  }

  private lines(f: ContractFields) {
    return instalments(f.priceFen, f.billing, f.startsOn, f.endsOn).map((l) => ({ ...l, id: newId() }));
  }

  async create(actor: Actor, input: CreateServiceContract): Promise<ServiceContractDetail> {
    const fields = await this.validate(input);
    const id = newId();
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const number = await this.ctx.ports.drawNumber(trx, now);
      await this.ctx.repo.insert(trx, id, number, fields, now.toISOString());
      await this.ctx.repo.replaceInstalments(trx, id, this.lines(fields));
      await appendEvent(trx, {
        streamType: CONTRACT_STREAM,
        streamId: id,
        type: EV.type.created,
        actor: eventActorOf(actor),
        at: now,
        data: { number, customerId: fields.customerId },
      });
    });
    return this.get(id);
  }

  async update(actor: Actor, id: string, input: UpdateServiceContract): Promise<ServiceContractDetail> {
    const current = await this.find(id);
    if (!isEditable(current.status)) throw refuse('servicecontract.not_editable', { status: current.status });
    const { version, ...rest } = input;
    const fields = await this.validate(rest);
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (!(await this.ctx.repo.update(trx, id, version, fields, now.toISOString())))
        throw versionConflict('service contract', id, version);
      // A draft has no paid instalments (payment starts with activation): the schedule is rebuilt.
      await this.ctx.repo.replaceInstalments(trx, id, this.lines(fields));
      await appendEvent(trx, {
        streamType: CONTRACT_STREAM,
        streamId: id,
        type: EV.type.updated,
        actor: eventActorOf(actor),
        at: now,
        data: { number: current.number },
      });
    });
    return this.get(id);
  }

  /** A manager's step of the state machine (activate, cancel), with its event. */
  async transition(actor: Actor, id: string, req: ServiceContractTransition): Promise<ServiceContractDetail> {
    const c = await this.find(id);
    const step = stepOf(c.status, req.to, 'manager');
    if (!step) throw refuse('servicecontract.invalid_transition', { from: c.status, to: req.to });
    if (step.requiresReason && !req.reason)
      throw fieldError('reason', 'required', 'give the reason for cancelling an active contract');
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (!(await this.ctx.repo.setStatus(trx, id, c.status, req.to, now.toISOString(), req.version)))
        throw versionConflict('service contract', id, req.version);
      await appendEvent(trx, {
        streamType: CONTRACT_STREAM,
        streamId: id,
        type: EV.type[step.event],
        actor: eventActorOf(actor),
        at: now,
        reason: req.reason,
        data: { number: c.number, from: c.status, endsOn: c.endsOn },
      });
    });
    return this.get(id);
  }

  async markPaid(actor: Actor, id: string, instalmentId: string): Promise<ServiceContractDetail> {
    await this.find(id);
    const line = (await this.ctx.repo.instalments(id)).find((l) => l.id === instalmentId);
    if (!line) throw notFound('service instalment', instalmentId);
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (!(await this.ctx.repo.markPaid(trx, id, instalmentId, now.toISOString())))
        throw refuse('servicecontract.instalment_paid', {});
      await appendEvent(trx, {
        streamType: CONTRACT_STREAM,
        streamId: id,
        type: EV.type.instalment_paid,
        actor: eventActorOf(actor),
        at: now,
        data: { seq: line.seq, amountFen: line.amountFen },
      });
    });
    return this.get(id);
  }

  /**
   * The response time a covering contract promises for a new order on the product (its tier under
   * the policy), or null when no contract covers it that day. Read at order creation.
   */
  async promiseFor(productId: string, at: Date): Promise<ContractPromise | null> {
    const product = (await this.ctx.ports.products([productId]))[0];
    if (!product) return null;
    const [policy, contracts] = await Promise.all([
      serviceContractPolicy(this.ctx.db),
      this.ctx.repo.ofCustomer(product.customerId),
    ]);
    const e = entitlement(contracts, product, businessDateOf(at));
    if (!e.covered || !e.contract) return null;
    return {
      contractNumber: e.contract.number,
      responseMinutes: responseHoursOf(policy, e.contract.slaTier) * 60,
    };
  }

  /** What covers a product on `asOf` (today by default): found by id or by serial. */
  async entitlement(
    q: { customerId?: string; productId?: string; serial?: string },
    asOf = this.today(),
  ): Promise<Entitlement> {
    const product = q.productId
      ? (await this.ctx.ports.products([q.productId]))[0]
      : await this.ctx.ports.productBySerial(q.serial ?? '');
    if (!product) throw notFound('installed product', q.productId ?? q.serial ?? '');
    if (q.customerId && q.customerId !== product.customerId)
      throw fieldError('productId', 'belongs_to_customer', 'the product belongs to another customer');
    const [policy, contracts] = await Promise.all([
      serviceContractPolicy(this.ctx.db),
      this.ctx.repo.ofCustomer(product.customerId),
    ]);
    const e = entitlement(contracts, product, asOf);
    const c = e.contract;
    return {
      asOf,
      covered: e.covered,
      reason: e.reason,
      contract: c && {
        id: c.id,
        number: c.number,
        kind: c.kind,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        slaTier: c.slaTier,
        responseHours: responseHoursOf(policy, c.slaTier),
        partsCovered: c.partsCovered,
        labourCovered: c.labourCovered,
        visitQuota: c.visitQuota,
        visitsUsed: c.visitsUsed,
        visitsRemaining: c.visitsRemaining,
      },
    };
  }

  async reminders(): Promise<ServiceReminder[]> {
    const rows = await this.ctx.repo.openReminders();
    const names = await this.ctx.ports.customerNames(uniq(rows.map((r) => r.customerId)));
    return rows.map(({ customerId, ...r }) => ({ ...r, customerName: names.get(customerId) ?? null }));
  }

  /** The renewal was dealt with (renewed or declined): the to-do closes. */
  async closeReminder(actor: Actor, reminderId: string): Promise<void> {
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      const r = await this.ctx.repo.closeReminder(trx, reminderId, now.toISOString());
      if (!r) throw notFound('service contract', reminderId);
      await appendEvent(trx, {
        streamType: CONTRACT_STREAM,
        streamId: r.contractId,
        type: EV.type.renewal_done,
        actor: eventActorOf(actor),
        at: now,
        data: { endsOn: r.endsOn },
      });
    });
  }
}
