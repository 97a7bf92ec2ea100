import { describe, expect, it } from 'vitest';
import { DEFAULT_CALLCENTER_POLICY } from '@anxin/contracts';
import {
  agentsNeeded,
  averageSpeedOfAnswer,
  erlangB,
  erlangC,
  scheduledStaff,
  serviceLevel,
  trafficIntensity,
} from './erlang-c.ts';
import { kpisOf } from './kpis.ts';
import { planStaffing } from './plan.ts';
import { instantOf, offeredSlot, parseImportRow } from './records.ts';

/** The textbook closed form of §3.2 with factorials, for small N only (cross-check of the recursion). */
function erlangCByFactorials(n: number, a: number): number {
  let fact = 1;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0) fact *= k;
    sum += a ** k / fact;
  }
  const top = (a ** n / (fact * n)) * (n / (n - a));
  return top / (sum + top);
}

describe('Erlang C', () => {
  // Worked example of domain standards §3.2, the Westbay method
  // (http://ebook.pldworld.com/_eBook/VoIP_Books/WESTBAY/calldesign.html): 360 calls per half hour,
  // average call duration 4 minutes (240 s), 55 agents, target answer time 15 s. Published results:
  // traffic intensity 48 Erlangs, occupancy 0.873, probability of waiting 0.2387 (23.87 %),
  // ASA 8.2 s, service level within 15 s 84.6 %.
  it('reproduces the Westbay worked example', () => {
    const a = trafficIntensity(360, 240, 1800);
    expect(a).toBe(48);
    expect(a / 55).toBeCloseTo(0.873, 3);
    expect(erlangC(55, a)).toBeCloseTo(0.2387, 4);
    expect(averageSpeedOfAnswer(55, a, 240)).toBeCloseTo(8.2, 1);
    expect(serviceLevel(55, a, 240, 15)).toBeCloseTo(0.846, 3);
  });

  it('matches textbook values and the factorial form', () => {
    // M/M/3 with A = 2 Erlangs: P_w = 4/9 (e.g. Kleinrock, Queueing Systems vol. 1, the M/M/c example).
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 12);
    // M/M/1: P_w = ρ; M/M/2 with A = 1: P_w = 1/3.
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 12);
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    // Erlang B, the classic table value: B(N = 10, A = 5) = 0.01838.
    expect(erlangB(10, 5)).toBeCloseTo(0.01838, 5);
    for (const [n, a] of [
      [5, 3.2],
      [12, 10.5],
      [20, 14],
      [30, 29.9],
    ] as const)
      expect(erlangC(n, a)).toBeCloseTo(erlangCByFactorials(n, a), 10);
  });

  it('stays finite and monotone at a thousand agents (no factorial overflow)', () => {
    const c = erlangC(1000, 950);
    expect(Number.isFinite(c)).toBe(true);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
    expect(erlangC(1001, 950)).toBeLessThan(c);
  });

  it('is unstable (always waits) when N ≤ A', () => {
    expect(erlangC(48, 48)).toBe(1);
    expect(serviceLevel(40, 48, 240, 20)).toBe(0);
    expect(averageSpeedOfAnswer(40, 48, 240)).toBe(Infinity);
  });

  it('finds the smallest N meeting the service level and the occupancy cap', () => {
    // Westbay numbers, 80 % in 15 s: 54 agents give 79.5 %, 55 give 84.6 %.
    expect(serviceLevel(54, 48, 240, 15)).toBeLessThan(0.8);
    const s = agentsNeeded({
      traffic: 48,
      ahtSeconds: 240,
      targetServiceLevel: 0.8,
      thresholdSeconds: 15,
      maxOccupancy: 1,
    });
    expect(s?.agents).toBe(55);
    expect(s?.serviceLevel).toBeCloseTo(0.846, 3);
    // An 85 % cap needs ⌈48 ÷ 0.85⌉ = 57 agents even though 55 meet the service level.
    const capped = agentsNeeded({
      traffic: 48,
      ahtSeconds: 240,
      targetServiceLevel: 0.8,
      thresholdSeconds: 15,
      maxOccupancy: 0.85,
    });
    expect(capped?.agents).toBe(57);
    expect(capped!.occupancy).toBeLessThanOrEqual(0.85);
    expect(
      agentsNeeded({
        traffic: 0,
        ahtSeconds: 240,
        targetServiceLevel: 0.8,
        thresholdSeconds: 15,
        maxOccupancy: 0.85,
      })?.agents,
    ).toBe(0);
    expect(
      agentsNeeded({
        traffic: 48,
        ahtSeconds: 240,
        targetServiceLevel: 0.8,
        thresholdSeconds: 15,
        maxOccupancy: 1,
        maxAgents: 50,
      }),
    ).toBeNull();
  });

  it('adds shrinkage as ⌈N ÷ (1 − s)⌉', () => {
    expect(scheduledStaff(55, 0.3)).toBe(79);
    expect(scheduledStaff(14, 0.3)).toBe(20);
    expect(scheduledStaff(0, 0.3)).toBe(0);
  });

  it('plans a day of half hours with the setting defaults', () => {
    const plan = planStaffing(
      { volumes: [0, 360, 100], intervalMinutes: 30, ahtSeconds: 240, thresholdSeconds: 15 },
      { ...DEFAULT_CALLCENTER_POLICY, maxOccupancyPercent: 100 },
    );
    expect(plan.intervals.map((i) => i.agents)).toEqual([
      0,
      55,
      agentsNeeded({
        traffic: (100 * 240) / 1800,
        ahtSeconds: 240,
        targetServiceLevel: 0.8,
        thresholdSeconds: 15,
        maxOccupancy: 1,
      })!.agents,
    ]);
    expect(plan.intervals[1]!.scheduled).toBe(79);
    expect(plan.intervals[0]!.serviceLevel).toBeNull();
    expect(plan.peakAgents).toBe(55);
    expect(plan.targetServiceLevelPercent).toBe(80);
  });
});

describe('call KPIs', () => {
  it('computes the rates with offered as the service-level denominator', () => {
    const k = kpisOf({
      offered: 5,
      answered: 3,
      abandoned: 2,
      answeredWithin: 2,
      answeredWait: 60,
      handle: 670,
      fcrRecorded: 2,
      fcrResolved: 1,
    });
    expect(k).toMatchObject({
      answerRate: 0.6,
      abandonmentRate: 0.4,
      serviceLevel: 0.4,
      asaSeconds: 20,
      fcrRate: 0.5,
    });
    expect(k.ahtSeconds).toBeCloseTo(223.333, 3);
    expect(
      kpisOf({
        ...k,
        offered: 0,
        answered: 0,
        abandoned: 0,
        answeredWithin: 0,
        answeredWait: 0,
        handle: 0,
        fcrRecorded: 0,
        fcrResolved: 0,
      }).serviceLevel,
    ).toBeNull();
  });

  it('places a call in its Shanghai business date and half hour', () => {
    expect(offeredSlot('2026-06-15T01:40:00.000Z')).toEqual({ on: '2026-06-15', slot: 19 });
    expect(offeredSlot('2026-06-15T16:10:00.000Z')).toEqual({ on: '2026-06-16', slot: 0 });
    expect(instantOf('2026-06-15 09:40:00')).toBe('2026-06-15T01:40:00.000Z');
    expect(instantOf('2026-02-30 09:40')).toBeNull();
  });

  it('names every broken field of an import row', () => {
    const res = parseImportRow(
      7,
      {
        externalId: 'X',
        offeredAt: 'yesterday',
        endedAt: '2026-06-15 09:00',
        waitSeconds: '-3',
        outcome: '挂断',
        agent: 'nobody',
        resolvedFirstContact: 'maybe',
      },
      () => undefined,
    );
    expect(res.record).toBeNull();
    expect(res.issues.map((i) => `${i.row}.${i.field}:${i.rule}`).sort()).toEqual([
      '7.agent:not_found',
      '7.offeredAt:invalid_format',
      '7.outcome:invalid_value',
      '7.resolvedFirstContact:yes_no',
      '7.waitSeconds:range',
    ]);
  });
});
