import { describe, expect, it } from 'vitest';
import { timeLimitFor } from './args.ts';
import { runBench } from './run.ts';

describe('bench:routing --smoke', () => {
  // Quality is the full benchmark's job; a 100 ms smoke run on a shared machine only proves the pipeline.
  it('solves Solomon and Homberger instances and checks every plan', () => {
    const { records, summaries, goals } = runBench(['--smoke', '--time-limit-ms', '100']);
    // Solomon C101 and R101 for both objectives, Homberger c1_2_1 for the hierarchical objective.
    expect(records).toHaveLength(5);
    expect(records.every((r) => r.checker.ok && r.unassigned === 0)).toBe(true);
    expect(summaries.map((s) => `${s.set}/${s.objective}`)).toEqual([
      'solomon/distance',
      'solomon/hierarchical',
      'homberger_200/hierarchical',
    ]);
    expect(Number.isFinite(summaries[0]!.meanGapPct)).toBe(true);
    expect(summaries.every((s) => s.totalVehicles > 0 && s.vroom.totalVehicles > 0)).toBe(true);
    const homberger = records.find((r) => r.set === 'homberger_200')!;
    expect(homberger.customers).toBe(200);
    expect(homberger.vroom?.hierVehicles).toBe(20);
    // A smoke run covers part of each set, so no goal can be judged complete.
    expect(goals.length).toBeGreaterThan(0);
    expect(goals.every((g) => !g.complete)).toBe(true);
  });

  it('scales the time limit with the instance size unless a fixed limit is given', () => {
    const scaling = { baseMs: 1000, exponent: 2, fixedMs: undefined };
    expect(timeLimitFor(scaling, 100)).toBe(1000);
    expect(timeLimitFor(scaling, 200)).toBe(4000);
    expect(timeLimitFor({ ...scaling, fixedMs: 300 }, 200)).toBe(300);
  });
});
