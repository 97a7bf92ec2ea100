import dayjs from 'dayjs';
import type { EditedRoute, RoutePlanView } from './api.ts';
import { BUSINESS_TZ } from './time.ts';

/** The plan as edited by hand: each technician's order ids in visiting order. */
export type Draft = Map<string, string[]>;
export const UNASSIGNED = '__unassigned__';

export const draftOf = (plan: RoutePlanView): Draft =>
  new Map(
    plan.technicians.map((t) => [
      t.id,
      plan.routes.find((r) => r.technicianId === t.id)?.stops.map((s) => s.orderId) ?? [],
    ]),
  );

export const routesOf = (draft: Draft): EditedRoute[] =>
  [...draft.entries()]
    .filter(([, ids]) => ids.length)
    .map(([technicianId, orderIds]) => ({ technicianId, orderIds }));

export const sameDraft = (a: Draft, b: Draft) =>
  a.size === b.size && [...a.entries()].every(([k, v]) => (b.get(k) ?? []).join() === v.join());

/** Tomorrow in Beijing time. */
export const tomorrow = () => dayjs().tz(BUSINESS_TZ).add(1, 'day').startOf('day');
