import type { PartAlertKind } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import { itemsByIds, listItems } from './catalog.repository.ts';
import { partsPolicy, type PartsContext } from './context.ts';
import { findAlerts } from './domain/alerts.ts';
import { suggestReplenishment } from './domain/replenishment.ts';
import { locationFilterOf } from './stock.service.ts';
import { consumedSince, listLevels } from './stock.repository.ts';

const DAY = 86_400_000;

export interface AlertView {
  kind: PartAlertKind;
  locationId: string | null;
  locationName: string | null;
  itemId: string;
  itemCode: string;
  itemName: string;
  value: number;
}

/** Replenishment suggestions (levels at or under their reorder point) within the actor's scope. */
export async function replenishment(ctx: PartsContext, actor: Actor | null) {
  const policy = (await partsPolicy(ctx.db)).value;
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - policy.consumptionWindowDays * DAY).toISOString();
  const locations = actor ? await locationFilterOf(ctx, actor) : null;
  const [levels, consumed] = await Promise.all([
    listLevels(ctx.db, { locations, low: true }),
    consumedSince(ctx.db, since),
  ]);
  const items = [];
  for (const l of levels) {
    const s = suggestReplenishment(
      { ...l, consumed: consumed.get(`${l.locationId}|${l.itemId}`) ?? 0 },
      policy,
    );
    if (s)
      items.push({
        locationId: l.locationId,
        locationName: l.locationName,
        itemId: l.itemId,
        itemCode: l.itemCode,
        itemName: l.itemName,
        available: l.available,
        reorderPoint: l.reorderPoint,
        ...s,
      });
  }
  return { items };
}

/** Today's alerts: low stock, ageing stock and items nearing discontinuation. */
export async function alerts(ctx: PartsContext, actor: Actor | null): Promise<{ items: AlertView[] }> {
  const policy = (await partsPolicy(ctx.db)).value;
  const today = businessDateOf(ctx.clock.now());
  const locations = actor ? await locationFilterOf(ctx, actor) : null;
  const levels = (await listLevels(ctx.db, { locations })).filter((l) => l.onHand > 0 || l.reorderPoint > 0);
  const discontinuing = await discontinuingItems(ctx);
  const found = findAlerts(
    levels.map((l) => ({
      ...l,
      lastMovementOn: l.lastMovementAt ? businessDateOf(new Date(l.lastMovementAt)) : null,
    })),
    discontinuing.map((i) => ({ itemId: i.id, active: i.active, discontinueOn: i.discontinueOn })),
    today,
    policy,
  );
  const levelOf = new Map(levels.map((l) => [`${l.locationId}|${l.itemId}`, l]));
  const items = new Map(
    (
      await itemsByIds(
        ctx.db,
        found.map((f) => f.itemId),
      )
    ).map((i) => [i.id, i]),
  );
  return {
    items: found.map((f) => {
      const l = f.locationId ? levelOf.get(`${f.locationId}|${f.itemId}`) : undefined;
      const i = items.get(f.itemId)!;
      return { ...f, locationName: l?.locationName ?? null, itemCode: i.code, itemName: i.nameZh };
    }),
  };
}

async function discontinuingItems(ctx: PartsContext) {
  // The catalogue is small (thousands); read it page by page and keep the dated active items.
  const out = [];
  let afterCode: string | undefined;
  for (;;) {
    const page = await listItems(ctx.db, { active: true, afterCode, limit: 500 });
    out.push(...page.filter((i) => i.discontinueOn));
    if (page.length < 500) return out;
    afterCode = page[page.length - 1]!.code;
  }
}
