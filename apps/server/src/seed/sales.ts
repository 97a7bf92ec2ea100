import { PERMISSIONS } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { systemActor, type Actor } from '../platform/auth/actor.ts';
import { ManualClock } from '../platform/clock/index.ts';
import type { DialectName } from '../platform/db/types.ts';
import { receiveStock } from '../modules/sales/index.ts';
import { seedModules } from './derive.ts';
import { DAY } from './time.ts';

const HOUR = 3_600_000;

const GOODS = {
  sofa: { model: 'SF-301', productName: '三人布艺沙发', category: '沙发', unitPriceFen: 6_800_00 },
  table: { model: 'CJ-120', productName: '大理石茶几', category: '茶几', unitPriceFen: 2_400_00 },
  bed: { model: 'BED-180', productName: '1.8 米实木床', category: '床', unitPriceFen: 5_200_00 },
  wardrobe: { model: 'YG-4D24', productName: '四门推拉衣柜', category: '衣柜', unitPriceFen: 4_600_00 },
  fridge: { model: 'BX-520', productName: '十字对开门冰箱', category: '冰箱', unitPriceFen: 5_999_00 },
};
type Good = keyof typeof GOODS;

interface DemoContract {
  /** Hours before the anchor the contract was entered (a large one lands in an earlier batch). */
  hoursAgo: number;
  customer: string;
  phone: string;
  address: string;
  lines: [Good, number][];
  special?: string;
  checked: boolean;
}

/** Entered over the last days: most stock-checked (one waiting on the factory), two not yet. */
const CONTRACTS: DemoContract[] = [
  {
    hoursAgo: 75,
    customer: '周建国',
    phone: '13711110001',
    address: '天河路 385 号 1802',
    lines: [
      ['sofa', 1],
      ['table', 1],
    ],
    special: '电梯到 18 楼，请提前一小时电话',
    checked: true,
  },
  {
    hoursAgo: 52,
    customer: '吴佩琳',
    phone: '13711110002',
    address: '体育东路 116 号 903',
    lines: [
      ['bed', 1],
      ['wardrobe', 2],
    ],
    special: '老人在家，上午送货',
    checked: true,
  },
  {
    hoursAgo: 49,
    customer: '郑少华',
    phone: '13711110003',
    address: '黄埔大道西 76 号 2201',
    lines: [['fridge', 1]],
    checked: true,
  },
  {
    hoursAgo: 28,
    customer: '冯雅婷',
    phone: '13711110004',
    address: '华穗路 263 号 1506',
    lines: [['sofa', 1]],
    checked: true,
  },
  {
    hoursAgo: 3,
    customer: '陈志远',
    phone: '13711110005',
    address: '珠江东路 6 号 3101',
    lines: [
      ['bed', 1],
      ['table', 1],
    ],
    special: '需要拆旧床',
    checked: false,
  },
  {
    hoursAgo: 1,
    customer: '林晓燕',
    phone: '13711110006',
    address: '林和西路 9 号 1208',
    lines: [['fridge', 1]],
    checked: false,
  },
];

const day = (t: number) => new Date(t + 8 * HOUR).toISOString().slice(0, 10);

/**
 * Demo sales contracts, product stock and showroom samples through the sales services: stock
 * received first (no wardrobes, so that contract waits on the factory order), six contracts of
 * the demo store (the outlet manager's outlet) over the last days, four stock-checked, and two
 * showroom samples (one on display, one waiting for the manager).
 */
export async function seedSales(
  h: { db: Kysely<Database>; dialect: DialectName },
  anchor: Date,
): Promise<number> {
  const clock = new ManualClock(anchor);
  const { modules } = seedModules(h, clock);
  const sales = modules.sales;
  const actor: Actor = systemActor(PERMISSIONS);
  const manager = await h.db
    .selectFrom('users')
    .select('outlet_id')
    .where('username', '=', 'outlet_manager')
    .executeTakeFirst();
  const store = manager?.outlet_id ?? null;
  const start = anchor.getTime() - 80 * HOUR;
  clock.set(new Date(start));
  for (const [good, quantity] of [
    ['sofa', 3],
    ['table', 4],
    ['bed', 2],
    ['fridge', 3],
  ] as [Good, number][]) {
    const g = GOODS[good];
    await receiveStock(sales.ctx, actor, {
      model: g.model,
      productName: g.productName,
      quantity,
      note: '期初库存',
    });
  }
  let made = 0;
  for (const [i, c] of CONTRACTS.entries()) {
    const at = anchor.getTime() - c.hoursAgo * HOUR;
    clock.set(new Date(at));
    const created = await sales.contracts.create(
      actor,
      {
        contractNo: `XS${day(at).replace(/-/g, '')}-${String(i + 1).padStart(3, '0')}`,
        ...(store ? { storeOutletId: store } : {}),
        salesperson: i % 2 ? '导购 刘敏' : '导购 黄磊',
        customerName: c.customer,
        phones: [c.phone],
        regionCode: '440106',
        addressDetail: c.address,
        orderDate: day(at),
        requestedDate: day(at + 3 * DAY),
        ...(c.special ? { specialRequests: c.special } : {}),
        lines: c.lines.map(([good, quantity]) => {
          const { model, productName, category, unitPriceFen } = GOODS[good];
          return {
            model,
            productName,
            category,
            quantity,
            unitPriceFen,
            needsInstallation: good !== 'fridge',
          };
        }),
      },
      'form',
    );
    if (c.checked) {
      clock.set(new Date(at + 2 * HOUR));
      await sales.contracts.transition(actor, created.id, {
        action: 'check_stock',
        version: created.version,
      });
    }
    made++;
  }
  await seedSamples(sales, actor, clock, anchor, store, h.db);
  return made;
}

async function seedSamples(
  sales: ReturnType<typeof seedModules>['modules']['sales'],
  actor: Actor,
  clock: ManualClock,
  anchor: Date,
  store: string | null,
  db: Kysely<Database>,
): Promise<void> {
  const models = await db.selectFrom('product_models').select(['model_code', 'name']).limit(2).execute();
  if (!store || models.length < 2) return;
  clock.set(new Date(anchor.getTime() - 20 * DAY));
  const base = { storeOutletId: store, category: '样机', storePhone: '020-38881234' };
  const shown = await sales.samples.create(actor, {
    ...base,
    model: models[0]!.model_code,
    productName: models[0]!.name,
    serialNo: 'YP-DEMO-0001',
    displayFrom: day(clock.now().getTime()),
    reason: '新品上市展示',
  });
  await sales.samples.step(actor, shown.id, { action: 'approve', version: shown.version, note: '同意上架' });
  clock.set(new Date(anchor.getTime() - DAY));
  await sales.samples.create(actor, {
    ...base,
    model: models[1]!.model_code,
    productName: models[1]!.name,
    serialNo: 'YP-DEMO-0002',
    displayFrom: day(anchor.getTime()),
    reason: '替换旧款样机',
  });
}
