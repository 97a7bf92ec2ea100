import { describe, expect, it } from 'vitest';
import { DEFAULT_KPI_TARGETS } from './defaults.ts';
import { clockVerdict, computeKpis, responseOnTime, responseVerdict } from './kpis.ts';

describe('KPIs', () => {
  const now = new Date('2026-11-23T00:00:00Z');
  it('24 h response: stopped within the window meets it, running past the window misses, running within is left out', () => {
    const r = responseOnTime(
      [
        { startedAt: '2026-11-20T00:00:00Z', stoppedAt: '2026-11-21T00:00:00Z' }, // exactly 24 h: met
        { startedAt: '2026-11-20T00:00:00Z', stoppedAt: '2026-11-21T00:00:01Z' }, // missed
        { startedAt: '2026-11-21T00:00:00Z', stoppedAt: null }, // 48 h running: missed
        { startedAt: '2026-11-22T12:00:00Z', stoppedAt: null }, // 12 h running: pending
      ],
      24,
      now,
    );
    expect(r).toEqual({ met: 1, decided: 3 });
  });

  it('each KPI carries value, target, met and numerator/denominator; an empty denominator is not judged', () => {
    const k = computeKpis(
      {
        coverage: { covered: 4, total: 5 },
        selfBuilt: { selfBuilt: 1, active: 4 },
        orders: 20,
        complaints: { opened: 2, resolved: 2 },
        callbacks: { satisfied: 0, verdicts: 0 },
        responseClocks: [],
      },
      DEFAULT_KPI_TARGETS,
      now,
    );
    expect(k).toEqual([
      {
        key: 'regionCoverage',
        value: 0.8,
        target: 0.7,
        direction: 'min',
        met: true,
        numerator: 4,
        denominator: 5,
      },
      {
        key: 'selfBuiltShare',
        value: 0.25,
        target: 0.3,
        direction: 'min',
        met: false,
        numerator: 1,
        denominator: 4,
      },
      {
        key: 'complaintRate',
        value: 0.1,
        target: 0.1,
        direction: 'max',
        met: true,
        numerator: 2,
        denominator: 20,
      },
      {
        key: 'complaintResolution',
        value: 1,
        target: 0.9,
        direction: 'min',
        met: true,
        numerator: 2,
        denominator: 2,
      },
      {
        key: 'satisfaction',
        value: null,
        target: 0.9,
        direction: 'min',
        met: null,
        numerator: 0,
        denominator: 0,
      },
      {
        key: 'responseOnTime',
        value: null,
        target: 0.95,
        direction: 'min',
        met: null,
        numerator: 0,
        denominator: 0,
      },
      {
        key: 'firstContactOnTime',
        value: null,
        target: 0.95,
        direction: 'min',
        met: null,
        numerator: 0,
        denominator: 0,
      },
      {
        key: 'resolutionOnTime',
        value: null,
        target: 0.9,
        direction: 'min',
        met: null,
        numerator: 0,
        denominator: 0,
      },
      {
        key: 'slaUnknown',
        value: null,
        target: 0,
        direction: 'max',
        met: null,
        numerator: 0,
        denominator: 0,
      },
    ]);
  });

  it('a clock counts against its own SLA deadline: met at the deadline, missed after, pending, unknown', () => {
    const due = '2026-11-22T00:05:00.000Z';
    const c = (stoppedAt: string | null, dueAt: string | null = due) => ({
      startedAt: '2026-11-22T00:00:00.000Z',
      dueAt,
      stoppedAt,
    });
    expect(clockVerdict(c(due), now)).toBe('met');
    expect(clockVerdict(c('2026-11-22T00:05:00.001Z'), now)).toBe('missed');
    expect(clockVerdict(c(null), now)).toBe('missed'); // running past its deadline
    expect(clockVerdict(c(null, '2026-11-23T00:00:00.001Z'), now)).toBe('pending');
    expect(clockVerdict(c(null, null), now)).toBe('unknown');
    expect(clockVerdict(c('2026-11-22T00:01:00.000Z', null), now)).toBe('unknown');
    expect(responseVerdict({ startedAt: '2026-11-21T00:00:00Z', stoppedAt: null }, 24, now)).toBe('missed');
  });

  it('5-minute first contact, 3-working-day resolution and unknown clocks beside 24 h response', () => {
    const due = '2026-11-22T00:05:00.000Z';
    const clock = (stoppedAt: string | null, dueAt: string | null = due) => ({
      startedAt: '2026-11-22T00:00:00.000Z',
      dueAt,
      stoppedAt,
    });
    const k = computeKpis(
      {
        coverage: { covered: 0, total: 0 },
        selfBuilt: { selfBuilt: 0, active: 0 },
        orders: 0,
        complaints: { opened: 0, resolved: 0 },
        callbacks: { satisfied: 0, verdicts: 0 },
        responseClocks: [],
        firstContactClocks: [clock(due), clock('2026-11-22T00:06:00.000Z'), clock(null, null)],
        resolutionClocks: [clock(due), clock(due), clock(due), clock(null, '2026-11-25T00:00:00.000Z')],
        clocks: { started: 7, unknown: 1 },
      },
      { ...DEFAULT_KPI_TARGETS, resolutionOnTimeMin: 0.8 },
      now,
    );
    const by = Object.fromEntries(k.map((x) => [x.key, x]));
    expect(by.firstContactOnTime).toMatchObject({ numerator: 1, denominator: 2, value: 0.5, met: false });
    // The target is a setting; the pending clock is left out.
    expect(by.resolutionOnTime).toMatchObject({ numerator: 3, denominator: 3, target: 0.8, met: true });
    expect(by.slaUnknown).toMatchObject({ numerator: 1, denominator: 7, met: false });
    // A stored target set from before the fields existed reads the defaults.
    const { firstContactOnTimeMin: _a, resolutionOnTimeMin: _b, ...older } = DEFAULT_KPI_TARGETS;
    const o = Object.fromEntries(computeKpis({ ...k0 }, older, now).map((x) => [x.key, x]));
    expect(o.firstContactOnTime!.target).toBe(0.95);
    expect(o.resolutionOnTime!.target).toBe(0.9);
  });
});

const k0 = {
  coverage: { covered: 0, total: 0 },
  selfBuilt: { selfBuilt: 0, active: 0 },
  orders: 0,
  complaints: { opened: 0, resolved: 0 },
  callbacks: { satisfied: 0, verdicts: 0 },
  responseClocks: [],
};
