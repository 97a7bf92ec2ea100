import { describe, expect, it } from 'vitest';
import { distanceKm } from '../../../platform/geo/index.ts';
import { solve } from '../domain/solve.ts';
import { buildInstance, type OrderFacts, type TechnicianFacts } from './plan-model.ts';
import { DEFAULT_PLANNING_SETTINGS } from './settings.ts';

// 2026-03-02 00:00 Asia/Shanghai as an instant; minutes below are minutes of that local day.
const DAY = Date.parse('2026-03-01T16:00:00Z');
const at = (minute: number) => new Date(DAY + minute * 60_000).toISOString();

const order = (over: Partial<OrderFacts>): OrderFacts => ({
  id: 'o1',
  number: 'WX1',
  status: 'scheduled',
  version: 3,
  type: 'repair',
  categoryCode: null,
  urgency: 'normal',
  address: null,
  contactName: '王女士',
  lat: 23.1,
  lng: 113.3,
  outletId: 'out',
  technicianId: 't1',
  appointment: { start: at(9 * 60), end: at(11 * 60) },
  preferredWindows: [],
  slaDueAt: null,
  ...over,
});

const build = (o: OrderFacts) =>
  buildInstance({
    dayStartMs: DAY,
    settings: DEFAULT_PLANNING_SETTINGS,
    orders: [o],
    technicians: [],
    outlets: [],
    dropped: new Set(),
  }).instance.jobs[0]!;

describe('a confirmed appointment in the plan', () => {
  it('holds its technician for the whole window: a late start by less than half the shortest visit, work to the end', () => {
    const job = build(order({}));
    // Shortest visit 30 min → grace 14 min: no 30-minute visit fits between 09:00 and the arrival.
    expect(job.windows).toEqual([{ start: 540, end: 554 }]);
    expect(job.serviceDuration).toBe(660 - 554);
  });

  it('an unconfirmed order keeps its type’s visit length and its own windows', () => {
    const job = build(order({ status: 'assigned' }));
    expect(job.serviceDuration).toBe(DEFAULT_PLANNING_SETTINGS.serviceMinutes.repair);
    expect(job.windows).toEqual([{ start: 540, end: 660 }]);
  });
});

describe('a confirmed first visit far from the technician’s start', () => {
  // He starts at 09:00 at home; the 09:00–11:00 visit is 22 km away, the 11:00–13:00 one next door.
  const tech: TechnicianFacts = {
    id: 't1',
    name: '袁秀英',
    outletId: 'out',
    startLat: 23.1,
    startLng: 113.3,
    skills: [],
    intervals: [{ start: at(9 * 60), end: at(18 * 60) }],
  };
  const far = order({ id: 'far', lat: 23.3, lng: 113.3 });
  const next = order({
    id: 'next',
    lat: 23.3,
    lng: 113.301,
    appointment: { start: at(11 * 60), end: at(13 * 60) },
  });
  const movable = order({ id: 'movable', status: 'outlet_accepted', technicianId: null, appointment: null });
  const built = buildInstance({
    dayStartMs: DAY,
    settings: DEFAULT_PLANNING_SETTINGS,
    orders: [far, next, movable],
    technicians: [tech],
    outlets: [],
    dropped: new Set(),
  });
  const { roadFactor, speedKmh } = DEFAULT_PLANNING_SETTINGS;
  const drive =
    (distanceKm({ lat: 23.1, lng: 113.3 }, { lat: 23.3, lng: 113.3 }) * roadFactor * 60) / speedKmh;

  it('is due as soon as he can get there, and still holds him to the window’s end', () => {
    expect(drive).toBeGreaterThan(14);
    const job = built.instance.jobs.find((j) => j.id === 'far')!;
    expect(job.windows).toEqual([{ start: 540, end: Math.ceil(540 + drive) }]);
    expect(job.serviceDuration).toBe(660 - Math.ceil(540 + drive));
    // The next confirmed visit is reached from this one's end, within the usual grace.
    expect(built.instance.jobs.find((j) => j.id === 'next')!.windows).toEqual([{ start: 660, end: 674 }]);
  });

  it('is planned, and no other order lands inside a confirmed window', () => {
    const result = solve(built.instance, { seed: 3, maxIterations: 200, timeLimitMs: 2000 });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.plan.unassigned.map((u) => u.jobId)).toEqual([]);
    const stops = result.plan.routes.flatMap((r) => r.stops);
    const movableStop = stops.find((s) => s.jobId === 'movable')!;
    expect(movableStop.start >= 13 * 60 || movableStop.start + 60 <= 9 * 60).toBe(true);
  });
});
