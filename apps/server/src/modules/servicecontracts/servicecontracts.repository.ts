import type { ServiceCoverage, ServiceInstalment, ServiceReminder, ServiceVisit } from '@anxin/contracts';
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/types.ts';
import type { InstalmentLine } from './domain/billing.ts';
import type { ContractFacts } from './domain/entitlement.ts';
import type { ServiceContractsTable } from './servicecontracts.schema.ts';

/** A contract as the use cases see it (coverage decoded, flags as booleans, visits counted). */
export interface ContractRecord extends ContractFacts {
  priceFen: number;
  billing: ServiceContractsTable['billing'];
  note: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type ContractFields = Omit<
  ContractRecord,
  'id' | 'number' | 'status' | 'visitsUsed' | 'version' | 'createdAt' | 'updatedAt'
>;

const toContract = (r: Selectable<ServiceContractsTable>, visitsUsed: number): ContractRecord => ({
  id: r.id,
  number: r.number,
  customerId: r.customer_id,
  kind: r.kind,
  status: r.status,
  coverage: JSON.parse(r.coverage) as ServiceCoverage,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  slaTier: r.sla_tier,
  visitQuota: r.visit_quota,
  visitsUsed,
  partsCovered: r.parts_covered === 1,
  labourCovered: r.labour_covered === 1,
  priceFen: Number(r.price_fen),
  billing: r.billing,
  note: r.note,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const columnsOf = (f: ContractFields) => ({
  customer_id: f.customerId,
  kind: f.kind,
  coverage: JSON.stringify(f.coverage),
  starts_on: f.startsOn,
  ends_on: f.endsOn,
  sla_tier: f.slaTier,
  visit_quota: f.visitQuota,
  parts_covered: f.partsCovered ? 1 : 0,
  labour_covered: f.labourCovered ? 1 : 0,
  price_fen: f.priceFen,
  billing: f.billing,
  note: f.note,
});

/** The only reader and writer of the service-contract tables. */
export class ServiceContractRepository {
  private readonly db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  private async visitCounts(ids: string[], db: Db): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows = await db
      .selectFrom('service_contract_visits')
      .select(['contract_id', (e) => e.fn.countAll<number>().as('n')])
      .where('contract_id', 'in', ids)
      .groupBy('contract_id')
      .execute();
    return new Map(rows.map((r) => [r.contract_id, Number(r.n)]));
  }

  private async withVisits(rows: Selectable<ServiceContractsTable>[], db: Db): Promise<ContractRecord[]> {
    const counts = await this.visitCounts(
      rows.map((r) => r.id),
      db,
    );
    return rows.map((r) => toContract(r, counts.get(r.id) ?? 0));
  }

  async list(q: {
    status?: ServiceContractsTable['status'];
    customerId?: string;
    limit: number;
  }): Promise<ContractRecord[]> {
    let s = this.db.selectFrom('service_contracts').selectAll();
    if (q.status) s = s.where('status', '=', q.status);
    if (q.customerId) s = s.where('customer_id', '=', q.customerId);
    const rows = await s.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
    return this.withVisits(rows, this.db);
  }

  async ofCustomer(customerId: string, db: Db = this.db): Promise<ContractRecord[]> {
    const rows = await db
      .selectFrom('service_contracts')
      .selectAll()
      .where('customer_id', '=', customerId)
      .where('status', 'in', ['active', 'expired'])
      .execute();
    return this.withVisits(rows, db);
  }

  async find(id: string, db: Db = this.db): Promise<ContractRecord | undefined> {
    const r = await db.selectFrom('service_contracts').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? (await this.withVisits([r], db))[0] : undefined;
  }

  async insert(trx: Db, id: string, number: string, f: ContractFields, at: string): Promise<void> {
    await trx
      .insertInto('service_contracts')
      .values({ id, number, ...columnsOf(f), status: 'draft', version: 1, created_at: at, updated_at: at })
      .execute();
  }

  /** Optimistic update of a draft's terms; false when the version moved on or it left draft. */
  async update(trx: Db, id: string, version: number, f: ContractFields, at: string): Promise<boolean> {
    const r = await trx
      .updateTable('service_contracts')
      .set({ ...columnsOf(f), version: version + 1, updated_at: at })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Conditional status change; false when the version or the status moved on. */
  async setStatus(
    trx: Db,
    id: string,
    from: ServiceContractsTable['status'],
    to: ServiceContractsTable['status'],
    at: string,
    version?: number,
  ): Promise<boolean> {
    let q = trx
      .updateTable('service_contracts')
      .set((e) => ({ status: to, version: e('version', '+', 1), updated_at: at }))
      .where('id', '=', id)
      .where('status', '=', from);
    if (version !== undefined) q = q.where('version', '=', version);
    return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
  }

  /** Active contracts whose last day is before `date` (the expiry job). */
  async endedBefore(date: string): Promise<ContractRecord[]> {
    const rows = await this.db
      .selectFrom('service_contracts')
      .selectAll()
      .where('status', '=', 'active')
      .where('ends_on', '<', date)
      .execute();
    return this.withVisits(rows, this.db);
  }

  /** Active contracts whose last day is on or before `date` (reminder candidates). */
  async endingBy(date: string): Promise<ContractRecord[]> {
    const rows = await this.db
      .selectFrom('service_contracts')
      .selectAll()
      .where('status', '=', 'active')
      .where('ends_on', '<=', date)
      .execute();
    return this.withVisits(rows, this.db);
  }

  async replaceInstalments(trx: Db, contractId: string, lines: (InstalmentLine & { id: string })[]) {
    await trx.deleteFrom('service_contract_instalments').where('contract_id', '=', contractId).execute();
    if (lines.length)
      await trx
        .insertInto('service_contract_instalments')
        .values(
          lines.map((l) => ({
            id: l.id,
            contract_id: contractId,
            seq: l.seq,
            due_on: l.dueOn,
            amount_fen: l.amountFen,
            paid_at: null,
          })),
        )
        .execute();
  }

  async instalments(contractId: string, db: Db = this.db): Promise<ServiceInstalment[]> {
    const rows = await db
      .selectFrom('service_contract_instalments')
      .selectAll()
      .where('contract_id', '=', contractId)
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      dueOn: r.due_on,
      amountFen: Number(r.amount_fen),
      paidAt: r.paid_at,
    }));
  }

  /** Marks an unpaid instalment paid; false when it was paid already. */
  async markPaid(trx: Db, contractId: string, id: string, at: string): Promise<boolean> {
    const r = await trx
      .updateTable('service_contract_instalments')
      .set({ paid_at: at })
      .where('id', '=', id)
      .where('contract_id', '=', contractId)
      .where('paid_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Records the order's visit; false when the order was counted before (for any contract). */
  async insertVisit(
    trx: Db,
    v: {
      id: string;
      contractId: string;
      workOrderId: string;
      workOrderNumber: string;
      productId: string;
      visitedOn: string;
    },
    at: string,
  ): Promise<boolean> {
    const r = await trx
      .insertInto('service_contract_visits')
      .values({
        id: v.id,
        contract_id: v.contractId,
        work_order_id: v.workOrderId,
        work_order_number: v.workOrderNumber,
        installed_product_id: v.productId,
        visited_on: v.visitedOn,
        created_at: at,
      })
      .onConflict((oc) => oc.column('work_order_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    return !!r;
  }

  async visits(contractId: string): Promise<ServiceVisit[]> {
    const rows = await this.db
      .selectFrom('service_contract_visits')
      .selectAll()
      .where('contract_id', '=', contractId)
      .orderBy('visited_on')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      workOrderId: r.work_order_id,
      workOrderNumber: r.work_order_number,
      installedProductId: r.installed_product_id,
      visitedOn: r.visited_on,
      countedAt: r.created_at,
    }));
  }

  /** Raises the term's reminder; false when this term's reminder exists already. */
  async insertReminder(
    trx: Db,
    id: string,
    contractId: string,
    endsOn: string,
    at: string,
  ): Promise<boolean> {
    const r = await trx
      .insertInto('service_contract_reminders')
      .values({ id, contract_id: contractId, ends_on: endsOn, raised_at: at, done_at: null })
      .onConflict((oc) => oc.columns(['contract_id', 'ends_on']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return !!r;
  }

  async closeReminder(
    trx: Db,
    id: string,
    at: string,
  ): Promise<{ contractId: string; endsOn: string } | null> {
    const r = await trx
      .updateTable('service_contract_reminders')
      .set({ done_at: at })
      .where('id', '=', id)
      .where('done_at', 'is', null)
      .returning(['contract_id', 'ends_on'])
      .executeTakeFirst();
    return r ? { contractId: r.contract_id, endsOn: r.ends_on } : null;
  }

  /** Open reminders, soonest end first. */
  async openReminders(): Promise<(Omit<ServiceReminder, 'customerName'> & { customerId: string })[]> {
    const rows = await this.db
      .selectFrom('service_contract_reminders as r')
      .innerJoin('service_contracts as c', 'c.id', 'r.contract_id')
      .select(['r.id', 'r.contract_id', 'c.number', 'c.customer_id', 'r.ends_on', 'r.raised_at'])
      .where('r.done_at', 'is', null)
      .orderBy('r.ends_on')
      .orderBy('r.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      contractId: r.contract_id,
      contractNumber: r.number,
      customerId: r.customer_id,
      endsOn: r.ends_on,
      raisedAt: r.raised_at,
    }));
  }

  /** The open reminder's last day per contract. */
  async openReminderEnds(contractIds: string[]): Promise<Map<string, string>> {
    if (!contractIds.length) return new Map();
    const rows = await this.db
      .selectFrom('service_contract_reminders')
      .select(['contract_id', 'ends_on'])
      .where('contract_id', 'in', contractIds)
      .where('done_at', 'is', null)
      .execute();
    return new Map(rows.map((r) => [r.contract_id, r.ends_on]));
  }

  // ---------- installed-base figures ----------

  /** Instalments falling due in [from, to] of contracts in force or run out (not drafts or cancelled). */
  async instalmentsDue(from: string, to: string): Promise<{ amountFen: number; paid: boolean }[]> {
    const rows = await this.db
      .selectFrom('service_contract_instalments as i')
      .innerJoin('service_contracts as c', 'c.id', 'i.contract_id')
      .select(['i.amount_fen', 'i.paid_at'])
      .where('c.status', 'in', ['active', 'expired'])
      .where('i.due_on', '>=', from)
      .where('i.due_on', '<=', to)
      .execute();
    return rows.map((r) => ({ amountFen: Number(r.amount_fen), paid: r.paid_at !== null }));
  }

  /** Orders counted as visits in [from, to]. */
  async visitOrdersIn(from: string, to: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('service_contract_visits')
      .select('work_order_id')
      .where('visited_on', '>=', from)
      .where('visited_on', '<=', to)
      .execute();
    return rows.map((r) => r.work_order_id);
  }

  /** Contracts in force at some day of [from, to] with their quota and visits used in their term. */
  async contractsInForce(from: string, to: string): Promise<{ visitQuota: number | null; used: number }[]> {
    const rows = await this.db
      .selectFrom('service_contracts as c')
      .select((e) => [
        'c.id',
        'c.visit_quota',
        e
          .selectFrom('service_contract_visits as v')
          .select((v) => v.fn.countAll<string | number>().as('n'))
          .whereRef('v.contract_id', '=', 'c.id')
          .as('used'),
      ])
      .where('c.status', 'in', ['active', 'expired'])
      .where('c.starts_on', '<=', to)
      .where('c.ends_on', '>=', from)
      .execute();
    return rows.map((r) => ({
      visitQuota: r.visit_quota === null ? null : Number(r.visit_quota),
      used: Number(r.used ?? 0),
    }));
  }
}
