import { PERMISSIONS, type PartItemInput, type PartKind } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { systemActor } from '../platform/auth/actor.ts';
import { ManualClock } from '../platform/clock/index.ts';
import type { DialectName } from '../platform/db/types.ts';
import { productModelsByCodes } from '../modules/catalog/index.ts';
import { outletNamesOf, techniciansOf } from '../modules/network/index.ts';
import {
  CatalogService,
  ensureLocation,
  HQ_LOCATION_ID,
  StockService,
  StocktakeService,
} from '../modules/parts/index.ts';
import { seedModules } from './derive.ts';
import { PartsFlow } from './parts-flow.ts';
import { DAY } from './time.ts';

type Spec = [
  code: string,
  nameZh: string,
  nameEn: string,
  kind: PartKind,
  partClass: string,
  listYuan: number,
  costYuan: number,
  models: string[] | 'universal',
  opts?: {
    serialized?: boolean;
    unit?: string;
    hq?: number;
    reorder?: [number, number];
    discontinueInDays?: number;
  },
];

const AC = ['KFR-26GW/AX1', 'KFR-35GW/AX1', 'KFR-35GW/AX3'];
const AC_CAB = ['KFR-50LW/AX2', 'KFR-72LW/AX3'];
const WASH = ['XQG100-AX12', 'XQG100-AXH', 'XQG120-AXP'];
const FRIDGE = ['BCD-218AX', 'BCD-406WAX', 'BCD-500WAX'];
const SEW = ['AX-8700', 'AX-9900'];

/** The demo catalogue: parts that fit the demo models, with list and cost prices in yuan. */
const ITEMS: Spec[] = [
  [
    'AC-CMP-26',
    '变频压缩机（1匹）',
    'Inverter compressor 1HP',
    'part',
    '压缩机',
    980,
    620,
    ['KFR-26GW/AX1'],
    { serialized: true, hq: 12, reorder: [4, 10] },
  ],
  [
    'AC-CMP-35',
    '变频压缩机（1.5匹）',
    'Inverter compressor 1.5HP',
    'part',
    '压缩机',
    1180,
    760,
    ['KFR-35GW/AX1', 'KFR-35GW/AX3'],
    { serialized: true, hq: 15, reorder: [5, 10] },
  ],
  [
    'AC-CMP-72',
    '涡旋压缩机（3匹）',
    'Scroll compressor 3HP',
    'part',
    '压缩机',
    2680,
    1790,
    AC_CAB,
    { serialized: true, hq: 4, reorder: [2, 4] },
  ],
  [
    'AC-PCB-IN',
    '室内机主控板',
    'Indoor main control board',
    'part',
    '主控板',
    260,
    150,
    AC,
    { serialized: true, hq: 40, reorder: [10, 20] },
  ],
  [
    'AC-PCB-OUT',
    '室外机变频驱动板',
    'Outdoor inverter board',
    'part',
    '主控板',
    420,
    260,
    [...AC, ...AC_CAB],
    { serialized: true, hq: 25, reorder: [8, 20] },
  ],
  [
    'AC-FAN-IN',
    '室内贯流风机电机',
    'Indoor fan motor',
    'part',
    '电机',
    168,
    96,
    AC,
    { hq: 30, reorder: [8, 20] },
  ],
  [
    'AC-FAN-OUT',
    '室外风机电机',
    'Outdoor fan motor',
    'part',
    '电机',
    210,
    128,
    [...AC, ...AC_CAB],
    { hq: 20 },
  ],
  [
    'AC-CAP-35',
    '压缩机启动电容 35μF',
    'Run capacitor 35uF',
    'part',
    '电容',
    38,
    15,
    [...AC, ...AC_CAB],
    { hq: 120, reorder: [30, 100] },
  ],
  [
    'AC-SENSOR',
    '管温传感器',
    'Pipe temperature sensor',
    'part',
    '传感器',
    25,
    9,
    [...AC, ...AC_CAB],
    { hq: 200, reorder: [50, 100] },
  ],
  [
    'AC-RMT',
    '空调遥控器',
    'A/C remote control',
    'accessory',
    '遥控器',
    45,
    18,
    [...AC, ...AC_CAB],
    { hq: 150, reorder: [30, 100] },
  ],
  [
    'AC-FILTER',
    '空调过滤网（一对）',
    'A/C air filter (pair)',
    'accessory',
    '滤网',
    30,
    8,
    AC,
    { hq: 300, unit: '对' },
  ],
  [
    'AC-R32',
    'R32 冷媒（1kg）',
    'R32 refrigerant 1 kg',
    'part',
    '冷媒',
    120,
    55,
    'universal',
    { hq: 80, unit: '瓶', reorder: [20, 50] },
  ],
  [
    'WM-MOTOR-DD',
    '直驱电机',
    'Direct-drive motor',
    'part',
    '电机',
    860,
    540,
    WASH,
    { serialized: true, hq: 10, reorder: [3, 6] },
  ],
  [
    'WM-PCB',
    '洗衣机电脑板',
    'Washer control board',
    'part',
    '程控器',
    380,
    220,
    WASH,
    { serialized: true, hq: 20, reorder: [6, 12] },
  ],
  ['WM-DOOR-SEAL', '滚筒门封条', 'Door gasket', 'part', '门封', 145, 62, WASH, { hq: 35, reorder: [10, 20] }],
  ['WM-PUMP', '排水泵', 'Drain pump', 'part', '水泵', 95, 42, WASH, { hq: 50, reorder: [10, 30] }],
  ['WM-INLET', '进水阀', 'Inlet valve', 'part', '阀', 58, 24, [...WASH, 'XQB80-AX6'], { hq: 60 }],
  ['WM-BELT', '波轮洗衣机皮带', 'Drive belt', 'part', '传动', 28, 9, ['XQB80-AX6'], { hq: 80 }],
  [
    'WM-LOCK',
    '门锁开关',
    'Door lock switch',
    'part',
    '门锁',
    66,
    28,
    WASH,
    { hq: 40, discontinueInDays: 60 },
  ],
  [
    'FR-CMP',
    '冰箱变频压缩机',
    'Fridge inverter compressor',
    'part',
    '压缩机',
    780,
    480,
    FRIDGE,
    { serialized: true, hq: 8, reorder: [3, 6] },
  ],
  [
    'FR-PCB',
    '冰箱主控板',
    'Fridge main board',
    'part',
    '主控板',
    290,
    170,
    FRIDGE,
    { serialized: true, hq: 18 },
  ],
  [
    'FR-GASKET',
    '冰箱门封条',
    'Fridge door gasket',
    'part',
    '门封',
    120,
    48,
    FRIDGE,
    { hq: 30, reorder: [8, 20] },
  ],
  ['FR-FAN', '冷冻风扇电机', 'Freezer fan motor', 'part', '电机', 88, 40, FRIDGE, { hq: 30 }],
  [
    'FR-THERM',
    '化霜温控器',
    'Defrost thermostat',
    'part',
    '传感器',
    35,
    12,
    [...FRIDGE, 'BC-100AX'],
    { hq: 90 },
  ],
  [
    'SW-NEEDLE-PLATE',
    '缝纫机针板',
    'Needle plate',
    'part',
    '针板',
    75,
    30,
    SEW,
    { hq: 40, reorder: [10, 20] },
  ],
  ['SW-HOOK', '旋梭（梭床）', 'Rotary hook', 'part', '梭床', 160, 85, SEW, { hq: 30, reorder: [8, 20] }],
  [
    'SW-NEEDLE',
    '机针 DB×1（100支）',
    'Needles DBx1 (100)',
    'part',
    '机针',
    48,
    20,
    ['AX-8700', 'AX-9900', 'AX-562'],
    { hq: 100, unit: '盒' },
  ],
  ['SW-MOTOR', '伺服电机', 'Servo motor', 'part', '电机', 680, 430, SEW, { serialized: true, hq: 6 }],
  [
    'SW-BOX',
    '电控箱',
    'Control box',
    'part',
    '主控板',
    520,
    320,
    SEW,
    { serialized: true, hq: 5, discontinueInDays: 45 },
  ],
  [
    'GEN-CLEAN',
    '家电清洁保养套装',
    'Appliance cleaning kit',
    'gift',
    '保养',
    39,
    12,
    'universal',
    { hq: 200, unit: '套' },
  ],
];

/**
 * Demo spare parts (issue #15): the catalogue, HQ stock received 60 days ago, reorder points, the
 * stores of a few outlets and the vans of their technicians stocked by transfer, and one approved
 * stocktake with a small variance. Everything goes through the parts services and the ledger, so
 * every level equals the sum of its movements.
 */
export async function seedParts(
  h: { db: Kysely<Database>; dialect: DialectName },
  anchor: Date,
  opts: { flow?: boolean; seed?: number } = {},
): Promise<number> {
  // HQ's first delivery comes before the parts history (parts-flow.ts) begins.
  const clock = new ManualClock(new Date(anchor.getTime() - (opts.flow ? 90 : 60) * DAY));
  const { modules } = seedModules(h, clock);
  const ctx = modules.parts.ctx;
  const actor = systemActor(PERMISSIONS);
  const catalog = new CatalogService(ctx);
  const stock = new StockService(ctx);
  const stocktakes = new StocktakeService(ctx);

  const allCodes = ITEMS.flatMap((s) => (s[7] === 'universal' ? [] : s[7]));
  const models = new Map((await productModelsByCodes(h.db, allCodes)).map((m) => [m.modelCode, m.id]));
  const ids = new Map<string, string>();
  const day = (offset: number) => new Date(anchor.getTime() + offset * DAY).toISOString().slice(0, 10);
  for (const [code, nameZh, nameEn, kind, partClass, list, cost, fits, o = {}] of ITEMS) {
    const input: PartItemInput = {
      code,
      nameZh,
      nameEn,
      kind,
      partClass,
      unit: o.unit ?? '个',
      serialized: o.serialized ?? false,
      listPriceFen: list * 100,
      costPriceFen: cost * 100,
      warrantyClaimable: kind !== 'gift',
      universal: fits === 'universal',
      modelIds: fits === 'universal' ? [] : fits.flatMap((c) => models.get(c) ?? []),
      discontinueOn: o.discontinueInDays ? day(o.discontinueInDays) : null,
    };
    ids.set(code, (await catalog.create(actor, input, null)).id);
  }
  await stock.receive(
    actor,
    {
      locationId: HQ_LOCATION_ID,
      lines: ITEMS.map((s) => ({ itemId: ids.get(s[0])!, qty: s[8]?.hq ?? 20 })),
      note: '厂家首批到货',
    },
    null,
  );
  for (const s of ITEMS)
    if (s[8]?.reorder)
      await stock.reorderPoint(
        actor,
        {
          locationId: HQ_LOCATION_ID,
          itemId: ids.get(s[0])!,
          reorderPoint: s[8].reorder[0],
          reorderQty: s[8].reorder[1],
        },
        null,
      );

  // What technicians, outlets and the warehouse did with the parts since, in time order with the
  // dated steps below (the ledger of each level runs forward in time).
  const flow = opts.flow
    ? await PartsFlow.plan(
        h,
        modules,
        clock,
        anchor,
        ITEMS.map(([code, , , kind, , , cost, fits, o = {}]) => ({
          code,
          id: ids.get(code)!,
          costFen: cost * 100,
          serialized: o.serialized ?? false,
          claimable: kind !== 'gift',
          models: fits === 'universal' ? null : new Set(fits.flatMap((c) => models.get(c) ?? [])),
        })),
        opts.seed === undefined ? {} : { seed: opts.seed },
      )
    : null;
  await flow?.runUntil(anchor.getTime() - 30 * DAY);

  // A few outlets with technicians get a store and vans, stocked from HQ 30 days ago.
  clock.set(new Date(anchor.getTime() - 30 * DAY));
  const outletIds = (
    await h.db.selectFrom('users').select('outlet_id').where('outlet_id', 'is not', null).execute()
  )
    .map((u) => u.outlet_id!)
    .filter((v, i, a) => a.indexOf(v) === i)
    .slice(0, 3);
  const names = await outletNamesOf(h.db, outletIds);
  const common = ['AC-PCB-IN', 'AC-CAP-35', 'AC-SENSOR', 'AC-RMT', 'WM-DOOR-SEAL', 'WM-PUMP', 'FR-GASKET'];
  for (const outletId of outletIds) {
    const storeId = await ensureLocation(
      h.db,
      { kind: 'outlet', id: outletId, name: `${names.get(outletId) ?? outletId} 备件库` },
      clock.now(),
    );
    await stock.transfer(
      actor,
      {
        fromLocationId: HQ_LOCATION_ID,
        toLocationId: storeId,
        lines: common.map((c) => ({ itemId: ids.get(c)!, qty: 3 })),
        note: '网点备件库铺货',
      },
      null,
    );
    await stock.reorderPoint(
      actor,
      { locationId: storeId, itemId: ids.get('AC-CAP-35')!, reorderPoint: 3, reorderQty: 5 },
      null,
    );
    for (const t of (await techniciansOf(h.db, { outletId })).slice(0, 2)) {
      const vanId = await ensureLocation(
        h.db,
        { kind: 'van', id: t.id, name: `${t.name} 的车载库` },
        clock.now(),
      );
      await stock.transfer(
        actor,
        {
          fromLocationId: storeId,
          toLocationId: vanId,
          lines: ['AC-CAP-35', 'AC-SENSOR'].map((c) => ({ itemId: ids.get(c)!, qty: 1 })),
          note: '车载备件',
        },
        null,
      );
    }
  }

  await flow?.runUntil(anchor.getTime() - 7 * DAY);
  // One HQ stocktake a week ago: two remote controls short, approved at once (small variance).
  clock.set(new Date(anchor.getTime() - 7 * DAY));
  const st = await stocktakes.create(actor, { locationId: HQ_LOCATION_ID, note: '月度盘点' }, null);
  const counts = st.lines.map((l) => ({
    itemId: l.itemId,
    counted: l.itemId === ids.get('AC-RMT') ? l.bookQty - 2 : l.bookQty,
  }));
  const counted = await stocktakes.count(actor, st.id, { version: st.version, counts }, null);
  const done = await stocktakes.submit(actor, st.id, { version: counted.version }, null);
  if (done.status === 'submitted')
    await stocktakes.decide(actor, st.id, { version: done.version, approve: true, note: '差异已核实' }, null);
  await flow?.runUntil(anchor.getTime());
  await flow?.requestsToday();
  return ITEMS.length;
}
