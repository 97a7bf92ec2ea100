/**
 * Work-order test support: the reference data most integration tests share (a category with its
 * fault tree, three outlets, two technicians, two customers and a product), the body of a new
 * repair order, and a back door that puts an order straight into a state for table-driven tests.
 */
import type { WorkOrdersTable } from '../../src/modules/workorders/workorders.schema.ts';
import { makeCatalog } from './catalog.ts';
import { makeCustomer, makeProduct } from './customers.ts';
import { makeOutlet, makeTechnician } from './network.ts';
import type { TestUser, World } from './world.ts';

export { startWorld, type Client, type Reply, type TestUser, type World } from './world.ts';

export interface Refs {
  categoryCode: string;
  faultId: string;
  symptomId: string;
  otherSymptomId: string;
  outletA: string;
  outletB: string;
  suspendedOutlet: string;
  techA: { id: string; user: TestUser };
  techB: { id: string; user: TestUser };
  customerId: string;
  productId: string;
  vipCustomerId: string;
}

/**
 * Category WM; outlets A (440106), B (310101) and suspended S (440106), each serving its district
 * and WM (dispatch refuses non-covering outlets); a WM-skilled technician at A and at B; customers
 * 王小明 (standard, with product SN-0001) and 李华 (VIP), both in 440106.
 */
export async function seedRefs(w: World): Promise<Refs> {
  const at = w.clock.now().toISOString();
  const catalog = await makeCatalog(w.db, 'WM');
  const { categoryCode } = catalog;
  const outlet = (code: string, district: string, status: 'active' | 'suspended' = 'active') =>
    makeOutlet(w, { code, areas: [district], categories: [categoryCode], status, capacity: 20 });
  const outletA = await outlet('A', '440106');
  const outletB = await outlet('B', '310101');
  const suspendedOutlet = await outlet('S', '440106', 'suspended');
  const customerId = await makeCustomer(w.db, { name: '王小明', phone: '13812345678', at });
  const vipCustomerId = await makeCustomer(w.db, { name: '李华', tier: 'vip', phone: '13998765432', at });
  const productId = await makeProduct(w.db, { customerId, modelId: catalog.modelId, categoryCode, at });
  return {
    categoryCode,
    faultId: catalog.faultId,
    symptomId: catalog.symptomId,
    otherSymptomId: catalog.otherSymptomId,
    outletA,
    outletB,
    suspendedOutlet,
    techA: await makeTechnician(w, outletA, categoryCode),
    techB: await makeTechnician(w, outletB, categoryCode),
    customerId,
    productId,
    vipCustomerId,
  };
}

/** Puts an order straight into a state (for table-driven transition tests), bypassing the machine. */
export async function forceState(w: World, id: string, patch: Partial<WorkOrdersTable>): Promise<number> {
  const cur = await w.db.db
    .selectFrom('work_orders')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await w.db.db
    .updateTable('work_orders')
    .set({ ...patch, version: cur.version + 1 })
    .where('id', '=', id)
    .execute();
  return cur.version + 1;
}

export const createBody = (refs: Refs, over: Record<string, unknown> = {}) => ({
  type: 'repair',
  channel: 'hotline',
  customerId: refs.customerId,
  productId: refs.productId,
  faultDescription: '洗衣机不脱水',
  faultCodeId: refs.faultId,
  symptomCodes: [refs.symptomId],
  urgency: 'normal',
  ...over,
});
