import { travelModelFor } from '../domain/travel.ts';
import type { RoutingInstance, Job, Technician, Location } from '../domain/types.ts';
import { travelSpecOf, type PlanningSettings } from './settings.ts';

// The documents a stored day plan keeps beside the solver's instance and plan. The instance is in
// minutes since local midnight of the planned day; these documents keep the business facts (ISO).

export interface IsoWindow {
  start: string;
  end: string;
}

export interface PlanJobMeta {
  orderId: string;
  number: string;
  status: string;
  /** The order's version when the plan was built: acceptance refuses orders changed since. */
  version: number;
  type: string;
  categoryCode: string | null;
  urgency: string;
  address: string | null;
  /** Optional: plans stored before it was kept have none. */
  customer?: string | null;
  fixed: boolean;
  pinnedTechnicianId: string | null;
  currentTechnicianId: string | null;
  appointment: IsoWindow | null;
  windows: IsoWindow[];
  serviceMinutes: number;
  slaDueAt: string | null;
  approximateLocation: boolean;
}

export interface PlanTechMeta {
  id: string;
  name: string;
  outletId: string | null;
  skills: string[];
  shift: IsoWindow | null;
  dropped: boolean;
}

/** What the repository reads about one plannable order. */
export interface OrderFacts {
  id: string;
  number: string;
  status: string;
  version: number;
  type: keyof PlanningSettings['serviceMinutes'];
  categoryCode: string | null;
  urgency: keyof PlanningSettings['priority'];
  address: string | null;
  contactName: string | null;
  /** The order's district (GB/T 2260): the road model's figures per region. */
  districtCode?: string | null;
  lat: number | null;
  lng: number | null;
  outletId: string;
  technicianId: string | null;
  appointment: IsoWindow | null;
  preferredWindows: IsoWindow[];
  slaDueAt: string | null;
}

export interface TechnicianFacts {
  id: string;
  name: string;
  outletId: string | null;
  startLat: number | null;
  startLng: number | null;
  skills: string[];
  /** Working intervals on the day (ISO instants); empty = not working. */
  intervals: IsoWindow[];
}

export interface OutletFacts {
  id: string;
  districtCode?: string | null;
  lat: number | null;
  lng: number | null;
}

export interface BuildInput {
  dayStartMs: number;
  settings: PlanningSettings;
  orders: OrderFacts[];
  technicians: TechnicianFacts[];
  outlets: OutletFacts[];
  dropped: ReadonlySet<string>;
}

export interface BuiltInstance {
  instance: RoutingInstance;
  jobs: PlanJobMeta[];
  technicians: PlanTechMeta[];
}

// Skills carry three kinds of constraint through the solver's one mechanism: the product category
// (`cat:`), the order's outlet (`outlet:` — a technician only serves his own outlet's orders) and a
// pin to one technician (`tech:` — a confirmed appointment or an order already assigned).
export const catSkill = (code: string) => `cat:${code}`;
export const outletSkill = (id: string) => `outlet:${id}`;
export const techSkill = (id: string) => `tech:${id}`;

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;
/** Fixed appointments must never be dropped for a cheaper route. */
const FIXED_PRIORITY = 1000;

export const toMinute = (dayStartMs: number, iso: string) => (Date.parse(iso) - dayStartMs) / MINUTE;
export const toIso = (dayStartMs: number, minute: number) =>
  new Date(dayStartMs + Math.round(minute * MINUTE)).toISOString();

function onDay(dayStartMs: number, w: IsoWindow): boolean {
  return toMinute(dayStartMs, w.end) >= 0 && toMinute(dayStartMs, w.start) < DAY_MINUTES;
}

function centroid(points: { lat: number; lng: number }[]): { lat: number; lng: number } | null {
  if (!points.length) return null;
  return {
    lat: points.reduce((s, p) => s + p.lat, 0) / points.length,
    lng: points.reduce((s, p) => s + p.lng, 0) / points.length,
  };
}

/** Orders that belong in a plan for the day: appointment or preference that day, or not yet scheduled. */
export function plannableOnDay(dayStartMs: number, o: Pick<OrderFacts, 'appointment' | 'preferredWindows'>) {
  if (o.appointment) return onDay(dayStartMs, o.appointment);
  if (!o.preferredWindows.length) return true;
  // A preference only for later days keeps the order out; a stale (past) preference does not.
  return o.preferredWindows.some((w) => onDay(dayStartMs, w) || toMinute(dayStartMs, w.end) < 0);
}

function windowsOf(dayStartMs: number, o: OrderFacts): IsoWindow[] {
  if (o.appointment) return [o.appointment];
  return o.preferredWindows.filter((w) => onDay(dayStartMs, w));
}

/** Less than half the shortest visit: no other visit fits into a late start. */
const graceOf = (settings: PlanningSettings) =>
  Math.max(0, Math.floor((Math.min(...Object.values(settings.serviceMinutes)) - 1) / 2));

/** A confirmed window in minutes of the day (clipped to the day) and the latest start it allows. */
function heldWindow(day: number, w: IsoWindow, grace: number, reachable = 0) {
  const start = Math.max(0, toMinute(day, w.start));
  const end = Math.max(start, Math.min(DAY_MINUTES, toMinute(day, w.end)));
  // When even the direct way from the start (or from the previous confirmed visit) arrives after the
  // grace, the technician arrives as soon as he can: nothing else fits before the visit either way.
  const latest = reachable < end ? Math.max(start + grace, reachable) : start + grace;
  return { start, end, latest: Math.min(end, latest) };
}

type Place = (o: OrderFacts) => Location;

/**
 * The earliest minute each technician can reach each of his confirmed visits: from his start at
 * the shift's start, then from each confirmed visit at its window's end. A first visit at 09:00
 * 36 minutes from home cannot start by 09:00 + grace; without this the solver leaves it out and
 * plans another order into the window the assignment rules keep for it.
 */
function reachableMinutes(input: BuildInput, placeOf: Place, startOf: (t: TechnicianFacts) => Location) {
  const { dayStartMs: day, settings } = input;
  const travel = travelModelFor(travelSpecOf(settings));
  const minutes = (a: Location, b: Location) => travel.matrix([a, b]).duration[1]!;
  const out = new Map<string, number>();
  for (const t of input.technicians) {
    const shiftStart = [...t.intervals].sort((a, b) => a.start.localeCompare(b.start))[0]?.start;
    if (!shiftStart || input.dropped.has(t.id)) continue;
    const held = input.orders
      .filter((o) => o.status === 'scheduled' && o.technicianId === t.id && o.appointment)
      .sort((a, b) => a.appointment!.start.localeCompare(b.appointment!.start));
    let from = startOf(t);
    let free = toMinute(day, shiftStart);
    for (const o of held) {
      const here = placeOf(o);
      out.set(o.id, Math.ceil(free + minutes(from, here)));
      [from, free] = [here, Math.min(DAY_MINUTES, toMinute(day, o.appointment!.end))];
    }
  }
  return out;
}

/**
 * Builds the routing instance of one day from database facts. Pure: the service reads the facts.
 * Minutes since local midnight are the time unit; travel is great-circle × road factor at a speed.
 */
export function buildInstance(input: BuildInput): BuiltInstance {
  const { dayStartMs: day, settings, dropped } = input;
  const outlets = new Map(input.outlets.map((o) => [o.id, o]));
  const known = (lat: number | null, lng: number | null) =>
    lat !== null && lng !== null ? { lat, lng } : null;
  const outletPlace = (id: string | null) =>
    id ? known(outlets.get(id)?.lat ?? null, outlets.get(id)?.lng ?? null) : null;
  // The region a place is driven at: the order's district, else its outlet's.
  const inRegion = (p: { lat: number; lng: number }, ...codes: (string | null | undefined)[]): Location => {
    const region = codes.find((c) => !!c);
    return region ? { ...p, region } : p;
  };
  const outletRegion = (id: string | null) => (id ? outlets.get(id)?.districtCode : null);
  const orderPoints = input.orders.map((o) => known(o.lat, o.lng)).filter((p) => p !== null);
  const everywhere = centroid(orderPoints) ?? { lat: 0, lng: 0 };
  const placeOf: Place = (o) =>
    inRegion(
      known(o.lat, o.lng) ?? outletPlace(o.outletId) ?? everywhere,
      o.districtCode,
      outletRegion(o.outletId),
    );
  const startOf = (t: TechnicianFacts): Location =>
    inRegion(
      known(t.startLat, t.startLng) ?? outletPlace(t.outletId) ?? everywhere,
      outletRegion(t.outletId),
    );
  const reachable = reachableMinutes(input, placeOf, startOf);

  const jobs: PlanJobMeta[] = [];
  const instanceJobs: Job[] = [];
  for (const o of input.orders) {
    const own = known(o.lat, o.lng);
    const place = placeOf(o);
    const fixedTech = o.status === 'scheduled' && o.technicianId && !dropped.has(o.technicianId);
    // An assigned order stays with its technician (the state machine has no reassignment step).
    const pinned =
      o.technicianId && (o.status === 'assigned' || o.status === 'scheduled') && !dropped.has(o.technicianId)
        ? o.technicianId
        : null;
    const windows = windowsOf(day, o);
    // A confirmed appointment holds its technician for the whole window (the assignment rules
    // refuse any other booking overlapping it), so the solver starts it at the window's start and
    // keeps the technician busy to its end; nothing else can be planned inside it.
    // It may start a little late (less than half the shortest visit, so no other visit fits
    // between the window's start and the arrival) and then works to the window's end.
    const held =
      fixedTech && o.appointment
        ? heldWindow(day, o.appointment, graceOf(settings), reachable.get(o.id))
        : null;
    const serviceMinutes = held
      ? held.end - held.latest
      : (settings.serviceMinutes[o.type] ?? settings.serviceMinutes.repair);
    const skills = [outletSkill(o.outletId)];
    if (o.categoryCode) skills.push(catSkill(o.categoryCode));
    if (pinned) skills.push(techSkill(pinned));
    const job: Job = {
      id: o.id,
      location: place,
      serviceDuration: serviceMinutes,
      skills,
      priority: fixedTech ? FIXED_PRIORITY : (settings.priority[o.urgency] ?? 1),
    };
    if (held) job.windows = [{ start: held.start, end: held.latest }];
    else if (windows.length)
      job.windows = windows.map((w) => ({
        start: Math.max(0, toMinute(day, w.start)),
        end: Math.min(DAY_MINUTES, toMinute(day, w.end)),
      }));
    if (o.slaDueAt && onDay(day, { start: o.slaDueAt, end: o.slaDueAt }))
      job.deadline = { at: toMinute(day, o.slaDueAt), kind: 'soft', penaltyPerTimeUnit: 1 };
    instanceJobs.push(job);
    jobs.push({
      orderId: o.id,
      number: o.number,
      status: o.status,
      version: o.version,
      type: o.type,
      categoryCode: o.categoryCode,
      urgency: o.urgency,
      address: o.address,
      customer: o.contactName,
      fixed: !!fixedTech,
      pinnedTechnicianId: pinned,
      currentTechnicianId: o.technicianId,
      appointment: o.appointment,
      windows,
      serviceMinutes,
      slaDueAt: o.slaDueAt,
      approximateLocation: !own,
    });
  }

  const technicians: PlanTechMeta[] = [];
  const instanceTechs: Technician[] = [];
  for (const t of input.technicians) {
    const intervals = [...t.intervals].sort((a, b) => a.start.localeCompare(b.start));
    // One shift per day from the first start to the last end; the longest gap inside it (lunch) is
    // the technician's break, so no visit straddles it.
    const shift = intervals.length ? { start: intervals[0]!.start, end: intervals.at(-1)!.end } : null;
    const gap = longestGap(intervals);
    const isDropped = dropped.has(t.id);
    technicians.push({
      id: t.id,
      name: t.name,
      outletId: t.outletId,
      skills: t.skills,
      shift,
      dropped: isDropped,
    });
    if (!shift || isDropped) continue;
    const start = startOf(t);
    instanceTechs.push({
      id: t.id,
      start,
      shift: { start: toMinute(day, shift.start), end: toMinute(day, shift.end) },
      ...(gap ? { break: breakOf(toMinute(day, gap.start), toMinute(day, gap.end)) } : {}),
      skills: [...t.skills.map(catSkill), ...(t.outletId ? [outletSkill(t.outletId)] : []), techSkill(t.id)],
    });
  }
  return {
    instance: {
      name: `day ${new Date(day).toISOString()}`,
      jobs: instanceJobs,
      technicians: instanceTechs,
      travel: travelSpecOf(settings),
    },
    jobs,
    technicians,
  };
}

/** The longest pause between consecutive working intervals of one day, if any. */
function longestGap(intervals: readonly IsoWindow[]): IsoWindow | null {
  let best: IsoWindow | null = null;
  for (let i = 1; i < intervals.length; i++) {
    const gap = { start: intervals[i - 1]!.end, end: intervals[i]!.start };
    if (Date.parse(gap.end) <= Date.parse(gap.start)) continue;
    if (!best || Date.parse(gap.end) - Date.parse(gap.start) > Date.parse(best.end) - Date.parse(best.start))
      best = gap;
  }
  return best;
}

const breakOf = (start: number, end: number) => ({ window: { start, end }, duration: end - start });
