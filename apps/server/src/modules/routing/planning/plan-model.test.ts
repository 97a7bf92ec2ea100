import { describe, expect, it } from 'vitest';
import { buildInstance, type OrderFacts } from './plan-model.ts';
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
