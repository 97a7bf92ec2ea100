import { describe, expect, it } from 'vitest';
import { runBench } from './run.ts';

describe('bench:routing --smoke', () => {
  // Quality is the full benchmark's job; a 100 ms smoke run on a shared machine only proves the pipeline.
  it('solves two instances for both objectives and checks every plan', () => {
    const { records, summaries } = runBench(['--smoke', '--time-limit-ms', '100']);
    expect(records).toHaveLength(4);
    expect(records.every((r) => r.checker.ok && r.unassigned === 0)).toBe(true);
    expect(summaries.map((s) => s.objective)).toEqual(['distance', 'hierarchical']);
    expect(Number.isFinite(summaries[0]!.meanGapPct)).toBe(true);
    expect(summaries.every((s) => s.totalVehicles > 0 && s.vroom.totalVehicles > 0)).toBe(true);
  });
});
