import { PERMISSIONS, type CreateMaintenancePlan } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { productModelsByCodes } from '../modules/catalog/index.ts';
import { systemActor } from '../platform/auth/actor.ts';
import { ManualClock } from '../platform/clock/index.ts';
import type { DialectName } from '../platform/db/types.ts';
import { seedModules } from './derive.ts';

/**
 * Two demo maintenance plans (保养计划, issue #18), written through the maintenance service at the
 * anchor: every air conditioner once a year, and one washer model every six months. The upcoming-due
 * preview then lists the demo's own installed products; no order is generated here (the job or
 * 立即生成 does that), so the seeded order figures stay as they were.
 */
export async function seedMaintenance(
  h: { db: Kysely<Database>; dialect: DialectName },
  anchor: Date,
): Promise<number> {
  const { modules } = seedModules(h, new ManualClock(anchor));
  const actor = systemActor(PERMISSIONS);
  const washer = (await productModelsByCodes(h.db, ['XQG100-AX12']))[0];
  const plans: CreateMaintenancePlan[] = [
    {
      name: '空调年度清洗保养',
      modelId: null,
      categoryCode: 'aircon',
      intervalMonths: 12,
      intervalHours: null,
      leadDays: null,
      checklist: [
        '清洗室内机过滤网和蒸发器',
        '检查冷媒压力，必要时补充',
        '疏通排水管',
        '检查室外机支架与接地',
      ],
      partsKit: [{ partCode: 'AC-FILTER', quantity: 2 }],
      active: true,
    },
  ];
  if (washer)
    plans.push({
      name: `${washer.modelCode} 半年保养`,
      modelId: washer.id,
      categoryCode: null,
      intervalMonths: 6,
      intervalHours: null,
      leadDays: 21,
      checklist: ['清洗门封圈和滚筒', '清理排水泵过滤器', '检查进水管接头'],
      partsKit: [],
      active: true,
    });
  for (const p of plans) await modules.maintenance.service.create(actor, p);
  return plans.length;
}
