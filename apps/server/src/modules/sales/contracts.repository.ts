import type { SalesContractSource, SalesContractStatus, SalesLineState } from '@anxin/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../database.ts';
import type { SalesContractLinesTable, SalesContractsTable } from './sales.schema.ts';

type Db = Kysely<Database>;

export interface ContractLineRecord {
  id: string;
  contractId: string;
  lineNo: number;
  model: string;
  productName: string;
  category: string;
  quantity: number;
  unitPriceFen: number;
  needsInstallation: boolean;
  state: SalesLineState;
  factoryOrderDate: string | null;
  expectedDate: string | null;
  reservedOn: string | null;
}

export interface ContractRecord {
  id: string;
  contractNo: string;
  source: SalesContractSource;
  storeOutletId: string | null;
  salesperson: string;
  customerId: string | null;
  customerName: string;
  phones: string[];
  regionCode: string;
  addressDetail: string;
  orderDate: string;
  requestedDate: string;
  batchDate: string;
  availableDate: string | null;
  specialRequests: string | null;
  status: SalesContractStatus;
  totalFen: number;
  cancelReason: string | null;
  createdBy: string | null;
  createdAt: string;
  version: number;
  lines: ContractLineRecord[];
}

const phonesOf = (text: string): string[] => {
  const v = JSON.parse(text) as unknown;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

const lineOf = (r: Selectable<SalesContractLinesTable>): ContractLineRecord => ({
  id: r.id,
  contractId: r.contract_id,
  lineNo: r.line_no,
  model: r.model,
  productName: r.product_name,
  category: r.category,
  quantity: r.quantity,
  unitPriceFen: r.unit_price_fen,
  needsInstallation: r.needs_installation === 1,
  state: r.state,
  factoryOrderDate: r.factory_order_date,
  expectedDate: r.expected_date,
  reservedOn: r.reserved_on,
});

const contractOf = (r: Selectable<SalesContractsTable>, lines: ContractLineRecord[]): ContractRecord => ({
  id: r.id,
  contractNo: r.contract_no,
  source: r.source,
  storeOutletId: r.store_outlet_id,
  salesperson: r.salesperson,
  customerId: r.customer_id,
  customerName: r.customer_name,
  phones: phonesOf(r.phones),
  regionCode: r.region_code,
  addressDetail: r.address_detail,
  orderDate: r.order_date,
  requestedDate: r.requested_date,
  batchDate: r.batch_date,
  availableDate: r.available_date,
  specialRequests: r.special_requests,
  status: r.status,
  totalFen: r.total_fen,
  cancelReason: r.cancel_reason,
  createdBy: r.created_by,
  createdAt: r.created_at,
  version: r.version,
  lines: lines.sort((a, b) => a.lineNo - b.lineNo),
});

async function withLines(db: Db, rows: Selectable<SalesContractsTable>[]): Promise<ContractRecord[]> {
  if (!rows.length) return [];
  const lines = await db
    .selectFrom('sales_contract_lines')
    .selectAll()
    .where(
      'contract_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const by = new Map<string, ContractLineRecord[]>();
  for (const l of lines) by.set(l.contract_id, [...(by.get(l.contract_id) ?? []), lineOf(l)]);
  return rows.map((r) => contractOf(r, by.get(r.id) ?? []));
}

export interface ContractQuery {
  status?: SalesContractStatus;
  statuses?: readonly SalesContractStatus[];
  batchFrom?: string;
  batchTo?: string;
  storeOutletId?: string;
  q?: string;
  /** Keyset cursor: batch date and id of the last row seen (newest batch first). */
  after?: { batchDate: string; id: string };
  limit: number;
}

export type ContractChange = Partial<
  Pick<ContractRecord, 'status' | 'availableDate' | 'cancelReason' | 'customerId'>
>;

export const contracts = {
  async insert(trx: Db, c: Omit<ContractRecord, 'version'>, at: string): Promise<void> {
    await trx
      .insertInto('sales_contracts')
      .values({
        id: c.id,
        contract_no: c.contractNo,
        source: c.source,
        store_outlet_id: c.storeOutletId,
        salesperson: c.salesperson,
        customer_id: c.customerId,
        customer_name: c.customerName,
        phones: JSON.stringify(c.phones),
        region_code: c.regionCode,
        address_detail: c.addressDetail,
        order_date: c.orderDate,
        requested_date: c.requestedDate,
        batch_date: c.batchDate,
        available_date: c.availableDate,
        special_requests: c.specialRequests,
        status: c.status,
        total_fen: c.totalFen,
        cancel_reason: null,
        created_by: c.createdBy,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .execute();
    for (const l of c.lines)
      await trx
        .insertInto('sales_contract_lines')
        .values({
          id: l.id,
          contract_id: c.id,
          line_no: l.lineNo,
          model: l.model,
          product_name: l.productName,
          category: l.category,
          quantity: l.quantity,
          unit_price_fen: l.unitPriceFen,
          needs_installation: l.needsInstallation ? 1 : 0,
          state: l.state,
          factory_order_date: l.factoryOrderDate,
          expected_date: l.expectedDate,
          reserved_on: l.reservedOn,
        })
        .execute();
  },

  async find(db: Db, id: string): Promise<ContractRecord | undefined> {
    const row = await db.selectFrom('sales_contracts').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? (await withLines(db, [row]))[0] : undefined;
  },

  /** Which of these contract numbers are already taken. */
  async numbersTaken(db: Db, numbers: readonly string[]): Promise<Set<string>> {
    if (!numbers.length) return new Set();
    const rows = await db
      .selectFrom('sales_contracts')
      .select('contract_no')
      .where('contract_no', 'in', [...numbers])
      .execute();
    return new Set(rows.map((r) => r.contract_no));
  },

  async list(db: Db, q: ContractQuery): Promise<ContractRecord[]> {
    let s = db.selectFrom('sales_contracts').selectAll();
    if (q.status) s = s.where('status', '=', q.status);
    if (q.statuses) s = s.where('status', 'in', [...q.statuses]);
    if (q.batchFrom) s = s.where('batch_date', '>=', q.batchFrom);
    if (q.batchTo) s = s.where('batch_date', '<=', q.batchTo);
    if (q.storeOutletId) s = s.where('store_outlet_id', '=', q.storeOutletId);
    if (q.q) {
      const like = `%${q.q.replace(/[%_\\]/g, '')}%`;
      s = s.where((eb) =>
        eb.or([
          eb('contract_no', 'like', like),
          eb('customer_name', 'like', like),
          eb('salesperson', 'like', like),
        ]),
      );
    }
    if (q.after) {
      const { batchDate, id } = q.after;
      s = s.where((eb) =>
        eb.or([
          eb('batch_date', '<', batchDate),
          eb.and([eb('batch_date', '=', batchDate), eb('id', '<', id)]),
        ]),
      );
    }
    const rows = await s.orderBy('batch_date', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
    return withLines(db, rows);
  },

  /** Conditional on version and status: false when someone else moved the contract first. */
  async update(
    trx: Db,
    id: string,
    version: number,
    from: SalesContractStatus,
    change: ContractChange,
    at: string,
  ): Promise<boolean> {
    const res = await trx
      .updateTable('sales_contracts')
      .set({
        ...(change.status !== undefined ? { status: change.status } : {}),
        ...(change.availableDate !== undefined ? { available_date: change.availableDate } : {}),
        ...(change.cancelReason !== undefined ? { cancel_reason: change.cancelReason } : {}),
        ...(change.customerId !== undefined ? { customer_id: change.customerId } : {}),
        updated_at: at,
        version: version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },

  async setLine(
    trx: Db,
    lineId: string,
    change: Partial<Pick<ContractLineRecord, 'state' | 'factoryOrderDate' | 'expectedDate' | 'reservedOn'>>,
  ): Promise<void> {
    await trx
      .updateTable('sales_contract_lines')
      .set({
        ...(change.state !== undefined ? { state: change.state } : {}),
        ...(change.factoryOrderDate !== undefined ? { factory_order_date: change.factoryOrderDate } : {}),
        ...(change.expectedDate !== undefined ? { expected_date: change.expectedDate } : {}),
        ...(change.reservedOn !== undefined ? { reserved_on: change.reservedOn } : {}),
      })
      .where('id', '=', lineId)
      .execute();
  },

  /** Lines on the factory order of a day, with their contract's number and store. */
  async factoryLines(db: Db, date: string) {
    return db
      .selectFrom('sales_contract_lines as l')
      .innerJoin('sales_contracts as c', 'c.id', 'l.contract_id')
      .select([
        'l.id',
        'l.contract_id',
        'c.contract_no',
        'c.store_outlet_id',
        'l.model',
        'l.product_name',
        'l.quantity',
        'l.factory_order_date',
        'l.expected_date',
        'l.state',
      ])
      .where('l.factory_order_date', '=', date)
      .where('c.status', '!=', 'cancelled')
      .orderBy('l.model')
      .orderBy('c.contract_no')
      .execute();
  },

  /** Factory lines of a model still waiting for goods, oldest order first (who arriving goods serve). */
  async waitingLines(trx: Db, model: string): Promise<ContractLineRecord[]> {
    const rows = await trx
      .selectFrom('sales_contract_lines as l')
      .innerJoin('sales_contracts as c', 'c.id', 'l.contract_id')
      .selectAll('l')
      .where('l.model', '=', model)
      .where('l.state', '=', 'factory_order')
      .where('c.status', '!=', 'cancelled')
      .orderBy('l.factory_order_date')
      .orderBy('c.batch_date')
      .orderBy('l.id')
      .execute();
    return rows.map(lineOf);
  },
};
