import { describe, expect, it } from 'vitest';
import { DEFAULT_KPI_TARGETS } from './defaults.ts';
import { computeKpis, responseOnTime } from './kpis.ts';

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
    ]);
  });
});
