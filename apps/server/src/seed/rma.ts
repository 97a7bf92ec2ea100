import { Readable } from 'node:stream';
import {
  PERMISSIONS,
  type CreateRma,
  type RmaCase,
  type RmaTransition,
  type WorkOrderSummary,
} from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { systemActor, type Actor } from '../platform/auth/actor.ts';
import { ManualClock } from '../platform/clock/index.ts';
import type { DialectName } from '../platform/db/types.ts';
import { LocalDiskStorage } from '../platform/files/index.ts';
import { DomainError } from '../platform/http/errors.ts';
import { RmaPhotos } from '../modules/rma/index.ts';
import { seedModules } from './derive.ts';
import { DAY } from './time.ts';

/** A 64×48 grey JPEG: the inspection photo of the demo cases (the module sniffs the bytes). */
const PHOTO = Buffer.from(
  '/9j/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAwAEADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAAAAL/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCvAUkAAAAAAAAAAAAAAAAAAAAAB//Z',
  'base64',
);

type Step = (c: RmaCase) => RmaTransition | 'photo';

interface DemoCase {
  daysAgo: number;
  body: Omit<CreateRma, 'installedProductId' | 'orderId'>;
  /** Asked for when the engine does not allow the remedy (the demo then shows the approval). */
  overrideReason: string;
  steps: Step[];
}

const v = (c: RmaCase) => c.version;

/**
 * Demo RMA cases through the RMA service (numbers, evaluations and events of their own): a
 * 7-day return refunded and closed with an outlet charge-back, an exchange after repeated repairs
 * in logistics, a replacement part being inspected, a refund waiting for an approver and a return
 * rejected at inspection. The 三包 engine decides; when it says no, the case asks for an override
 * with a reason and (except the pending one) an approver allows it.
 */
const CASES = (day: (n: number) => string): DemoCase[] => [
  {
    daysAgo: 6,
    body: {
      kind: 'return',
      remedy: 'no_reason_return',
      cause: 'no_reason',
      description: '网购到货后不想要了，包装完好',
      performanceFault: false,
    },
    overrideReason: '顾客在七日内申请，商品完好，门店同意',
    steps: [
      (c) => ({ action: 'start_inspection', version: v(c) }),
      () => 'photo',
      (c) => ({ action: 'approve', version: v(c), findings: '外观完好，配件齐全，不影响二次销售' }),
      (c) => ({
        action: 'ship',
        version: v(c),
        pickupCarrier: '顺丰速运',
        pickupTrackingNo: 'SF1408823311',
        pickedUpOn: day(5),
      }),
      (c) => ({
        action: 'record_refund',
        version: v(c),
        refundFen: c.evaluation.depreciation?.priceFen ?? 0,
        refundedOn: day(4),
      }),
      (c) => ({
        action: 'close',
        version: v(c),
        cause: 'no_reason',
        responsibleParty: 'seller',
        chargebacks: [{ party: 'outlet', amountFen: 3_000, note: '上门取件费' }],
      }),
    ],
  },
  {
    daysAgo: 4,
    body: {
      kind: 'exchange',
      remedy: 'exchange',
      cause: 'repeated_repair_failure',
      description: '保修期内两次维修后仍不制冷',
      performanceFault: true,
    },
    overrideReason: '两次维修未修复，客户要求换货',
    steps: [
      (c) => ({ action: 'start_inspection', version: v(c) }),
      () => 'photo',
      (c) => ({ action: 'approve', version: v(c), findings: '压缩机启动异常，确认性能故障' }),
      (c) => ({
        action: 'ship',
        version: v(c),
        pickupCarrier: '德邦物流',
        pickupTrackingNo: 'DB7702911',
        pickedUpOn: day(3),
        dispatchCarrier: '德邦物流',
        dispatchTrackingNo: 'DB7702944',
        dispatchedOn: day(3),
      }),
    ],
  },
  {
    daysAgo: 2,
    body: {
      kind: 'part_replacement',
      remedy: 'part_replacement',
      cause: 'wrong_or_missing_item',
      description: '安装时发现缺少遥控器',
      performanceFault: false,
    },
    overrideReason: '漏发配件，补发',
    steps: [(c) => ({ action: 'start_inspection', version: v(c) })],
  },
  {
    daysAgo: 1,
    body: {
      kind: 'return',
      remedy: 'refund',
      cause: 'quality_defect',
      description: '使用一个月后噪音明显，要求退货',
      performanceFault: true,
    },
    overrideReason: '客户多次投诉，区域经理建议特批退货',
    steps: [],
  },
  {
    daysAgo: 3,
    body: {
      kind: 'return',
      remedy: 'refund',
      cause: 'customer_misuse',
      description: '外壳破裂，要求退货',
      performanceFault: false,
    },
    overrideReason: '客户坚持退货，请检测后判定',
    steps: [
      (c) => ({ action: 'start_inspection', version: v(c) }),
      () => 'photo',
      (c) => ({
        action: 'reject',
        version: v(c),
        findings: '外壳有明显撞击痕迹',
        reason: '人为损坏，不属于三包范围',
      }),
      (c) => ({
        action: 'close',
        version: v(c),
        cause: 'customer_misuse',
        responsibleParty: 'customer',
        chargebacks: [],
      }),
    ],
  },
];

/** `filesDir`: the app's file store (`<dataDir>/files`), so the demo photos open in the app. */
export async function seedRma(
  h: { db: Kysely<Database>; dialect: DialectName },
  anchor: Date,
  opts: { filesDir?: string } = {},
): Promise<number> {
  const clock = new ManualClock(anchor);
  const { modules } = seedModules(h, clock);
  const actor: Actor = systemActor(PERMISSIONS);
  const orders = (
    await modules.workOrders.service.list(actor, {
      status: ['completed', 'closed'],
      type: 'repair',
      sort: '-created_at',
      limit: 40,
    })
  ).items.filter(
    (o): o is WorkOrderSummary & { product: NonNullable<WorkOrderSummary['product']> } => !!o.product,
  );
  const rma = modules.rma;
  const photos = opts.filesDir
    ? new RmaPhotos({ ...rma.ctx, storage: new LocalDiskStorage(opts.filesDir) }, rma.service)
    : rma.photos;
  const day = (n: number) => new Date(anchor.getTime() - n * DAY + 8 * 3600_000).toISOString().slice(0, 10);
  const used = new Set<string>();
  let made = 0;
  for (const spec of CASES(day)) {
    const order = orders.find((o) => !used.has(o.product.id));
    if (!order) break;
    used.add(order.product.id);
    clock.set(new Date(anchor.getTime() - spec.daysAgo * DAY));
    const body: CreateRma = { ...spec.body, installedProductId: order.product.id, orderId: order.id };
    let c: RmaCase;
    try {
      c = await rma.service.create(actor, body, 'hotline');
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'rma.remedy_not_allowed') throw err;
      c = await rma.service.create(actor, { ...body, override: { reason: spec.overrideReason } }, 'hotline');
      // The pending demo case waits for its approver; the others were approved the same day.
      if (spec.steps.length)
        c = await rma.service.transition(actor, c.id, {
          action: 'approve_override',
          version: c.version,
          note: '同意',
        });
    }
    for (const step of spec.steps) {
      clock.set(new Date(clock.now().getTime() + 3600_000));
      const s = step(c);
      if (s === 'photo') {
        await photos.add(actor, c.id, {
          filename: '检测照片.jpg',
          mimetype: 'image/jpeg',
          stream: Readable.from([PHOTO]),
        });
        c = await rma.service.get(actor, c.id);
      } else c = await rma.service.transition(actor, c.id, s);
    }
    made++;
  }
  return made;
}
