import { describe, expect, it } from 'vitest';
import { pmCompliance, type RunFact } from './compliance.ts';

const run = (dueOn: string, doneOn: string | null, cancelled = false): RunFact => ({
  dueOn,
  doneOn,
  cancelled,
});
const p = { from: '2026-06-01', to: '2026-06-30', today: '2026-06-20', graceDays: 3 };

describe('pmCompliance', () => {
  it('counts runs completed by the due date plus the grace as on time', () => {
    const f = pmCompliance(
      [
        run('2026-06-10', '2026-06-10'),
        run('2026-06-10', '2026-06-13'), // last day of grace
        run('2026-06-10', '2026-06-14'), // one day late
        run('2026-06-15', null),
        run('2026-05-31', '2026-05-31'), // before the period
      ],
      p,
    );
    expect(f).toEqual({ due: 4, onTime: 2, compliancePct: 50, overdueOpen: 1, graceDays: 3 });
  });
  it('counts open runs past due as overdue, not cancelled or future ones; null with nothing due', () => {
    const f = pmCompliance(
      [
        run('2026-05-02', null),
        run('2026-05-03', null, true),
        run('2026-06-25', null),
        run('2026-07-01', null),
      ],
      { ...p, from: '2026-06-26' },
    );
    expect(f.due).toBe(0);
    expect(f.compliancePct).toBeNull();
    expect(f.overdueOpen).toBe(1);
    expect(pmCompliance([run('2026-06-10', '2026-06-14')], { ...p, graceDays: 4 }).onTime).toBe(1);
  });
});
