import { businessDateOf } from '../../platform/calendar/dates.ts';
import { workingIntervals, type Interval } from './domain/availability.ts';
import type { NetworkContext } from './network.deps.ts';

/**
 * Loads shifts, leave, rota and outlet calendar days for many technicians in a handful of
 * queries, then computes each one's working intervals with the pure function.
 */
export class AvailabilityService {
  private readonly ctx: NetworkContext;
  constructor(ctx: NetworkContext) {
    this.ctx = ctx;
  }

  async intervals(technicianIds: string[], fromIso: string, toIso: string): Promise<Map<string, Interval[]>> {
    const ids = [...new Set(technicianIds)];
    const out = new Map<string, Interval[]>();
    if (!ids.length) return out;
    const from = new Date(fromIso);
    const to = new Date(toIso);
    if (!(to > from)) {
      for (const id of ids) out.set(id, []);
      return out;
    }
    const repo = this.ctx.technicians;
    const fromDate = businessDateOf(from);
    const toDate = businessDateOf(to);
    const [shifts, leave, rota, outletOf, calendar] = await Promise.all([
      repo.shiftsOf(ids),
      repo.listLeave(ids, from.toISOString(), to.toISOString()),
      repo.listRota(ids, fromDate, toDate),
      repo.outletsOf(ids),
      this.ctx.deps.calendar(),
    ]);
    const outletIds = [...new Set([...outletOf.values()].filter((o): o is string => !!o))];
    const overrides = await repo.outletOverrides(outletIds, fromDate, toDate);
    for (const id of ids) {
      if (!outletOf.has(id)) {
        out.set(id, []);
        continue;
      }
      const outlet = outletOf.get(id) ?? null;
      out.set(
        id,
        workingIntervals(
          {
            shifts: shifts.filter((s) => s.technicianId === id),
            leave: leave
              .filter((l) => l.technicianId === id)
              .map((l) => ({ start: l.startAt, end: l.endAt })),
            rota: new Map(rota.filter((r) => r.technicianId === id).map((r) => [r.date, r.kind])),
            outletDays: new Map(overrides.filter((o) => o.outletId === outlet).map((o) => [o.date, o.open])),
          },
          calendar,
          from.toISOString(),
          to.toISOString(),
        ),
      );
    }
    return out;
  }
}
