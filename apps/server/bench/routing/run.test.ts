import { describe, expect, it } from 'vitest';
import { runBench } from './run.ts';

describe('bench:routing --smoke', () => {
  it('solves two instances for both objectives and checks every plan', () => {
    const { records, summaries } = runBench(['--smoke', '--time-limit-ms', '100']);
    expect(records).toHaveLength(4);
    expect(records.every((r) => r.checker.ok && r.unassigned === 0)).toBe(true);
    expect(summaries.map((s) => s.objective)).toEqual(['distance', 'hierarchical']);
    expect(summaries[0]!.meanGapPct).toBeLessThan(5);
  });
});
