import { PERMISSIONS, type CreateAlertRule, type TelemetryReading } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { maintainedProducts } from '../modules/customers/index.ts';
import { systemActor } from '../platform/auth/actor.ts';
import { ManualClock } from '../platform/clock/index.ts';
import type { DialectName } from '../platform/db/types.ts';
import { seedModules } from './derive.ts';

const RULES: CreateAlertRule[] = [
  {
    name: '压缩机/通讯故障',
    condition: { kind: 'fault_code', codes: ['E1', 'E4', 'F3'] },
    severity: 'critical',
    orderType: 'repair',
    modelId: null,
    categoryCode: null,
    active: true,
  },
  {
    name: '排气温度过高',
    condition: { kind: 'threshold', metric: 'dischargeTemp', op: 'gt', value: 105, consecutive: 3 },
    severity: 'warning',
    orderType: 'repair',
    modelId: null,
    categoryCode: 'aircon',
    active: true,
  },
  {
    name: '每运行 2000 小时保养',
    condition: { kind: 'runtime', mode: 'every', hours: 2000 },
    severity: 'info',
    orderType: 'maintenance',
    modelId: null,
    categoryCode: null,
    active: true,
  },
];

/**
 * Equipment alerts (设备预警, issue #18 item 2), through the telemetry services at the anchor:
 * three rules, four air conditioners with devices and a day of readings; one device reports E4 (an
 * open alert with its 报修 order), one passes 2 000 running hours (an open alert with its 保养
 * order), one reports F3 whose order was cancelled after a call found a false alarm (the alert
 * resolved with it). Returns the number of devices.
 */
export async function seedTelemetry(
  h: { db: Kysely<Database>; dialect: DialectName },
  anchor: Date,
): Promise<number> {
  const clock = new ManualClock(anchor);
  const { modules, runtime } = seedModules(h, clock);
  const t = modules.telemetry;
  const actor = systemActor(PERMISSIONS);
  for (const r of RULES) await t.services.rules.create(actor, r);
  const products = (await maintainedProducts(h.db, { modelId: null, categoryCode: 'aircon' })).slice(0, 4);
  const start = anchor.getTime() - 24 * 3_600_000;
  let n = 0;
  for (const [i, p] of products.entries()) {
    const { device } = await t.services.devices.register(actor, {
      productId: p.id,
      serial: `IOT-AC-${String(1001 + i)}`,
      label: '空调物联网模块',
    });
    const record = (await t.ctx.repo.findDevice(device.id))!;
    const readings: TelemetryReading[] = Array.from({ length: 12 }, (_, k) => ({
      messageId: `seed-${k}`,
      at: new Date(start + k * 2 * 3_600_000).toISOString(),
      runningHours: 1200 + i * 300 + k * 2,
      metrics: { dischargeTemp: 78 + ((k * 7 + i * 3) % 12), outdoorTemp: 31 },
      ...(k === 11 && i === 0 ? { faultCodes: ['E4'] } : {}),
      ...(k === 10 && i === 1 ? { faultCodes: ['F3'] } : {}),
    }));
    const result = await t.services.intake(record, { readings });
    n++;
    for (const a of result.alerts.filter((x) => x.raised)) {
      // The intake nudged the outbox; its follow-up and this call open the order once between them.
      await runtime.outbox.idle();
      await t.openOrder(a.id);
      if (i !== 1) continue;
      const alert = (await t.ctx.repo.findAlert(a.id))!;
      const order = await modules.workOrders.service.get(actor, alert.workOrderId!);
      await modules.workOrders.service.transition(actor, order.id, {
        to: 'cancelled',
        version: order.version,
        reason: '电话核实为误报，设备已恢复正常',
        data: {},
      });
    }
  }
  await runtime.outbox.idle();
  return n;
}
