import type { ComplaintStats, Responsibility } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { fieldError } from '../../platform/http/errors.ts';
import { ComplaintsRepository } from './complaints.repository.ts';
import { complaintPolicy, type ComplaintsContext } from './context.ts';
import { ratio } from './domain/policy.ts';

interface Tally {
  orders: number;
  complaints: number;
  due: number;
  resolvedOnTime: number;
}
const empty = (): Tally => ({ orders: 0, complaints: 0, due: 0, resolvedOnTime: 0 });
const rates = (t: Tally) => ({
  ...t,
  complaintRate: ratio(t.complaints, t.orders),
  resolutionRate: ratio(t.resolvedOnTime, t.due),
});

/**
 * Complaint rate = complaints opened in [from, to) ÷ orders created in [from, to); resolution rate =
 * complaints resolved by their resolution due time ÷ complaints whose resolution falls due in
 * [from, to) — counting only decided ones (due by now, or already resolved), so a complaint still
 * within its time limit is not a failure yet. Overall and per outlet (the complaint's linked
 * outlet); targets from the policy.
 */
export async function complaintStats(
  ctx: ComplaintsContext,
  from: string,
  to: string,
): Promise<ComplaintStats> {
  if (Date.parse(to) <= Date.parse(from)) throw fieldError('to', 'after_from', '`to` must be after `from`');
  const f = new Date(from).toISOString();
  const t = new Date(to).toISOString();
  const [orders, complaints, due, { value: policy }] = await Promise.all([
    ctx.repo.ordersCreated(f, t),
    ctx.repo.complaintsOpened(f, t),
    ctx.repo.resolutionDue(f, t, ctx.clock.now().toISOString()),
    complaintPolicy(ctx.db),
  ]);
  const overall = empty();
  const byOutlet = new Map<string, Tally>();
  const of = (id: string | null) => {
    if (!id) return null;
    let x = byOutlet.get(id);
    if (!x) byOutlet.set(id, (x = empty()));
    return x;
  };
  for (const r of orders) {
    overall.orders += r.n;
    const x = of(r.outletId);
    if (x) x.orders += r.n;
  }
  for (const r of complaints) {
    overall.complaints += r.n;
    const x = of(r.outletId);
    if (x) x.complaints += r.n;
  }
  for (const r of due) {
    overall.due += r.due;
    overall.resolvedOnTime += r.onTime;
    const x = of(r.outletId);
    if (x) {
      x.due += r.due;
      x.resolvedOnTime += r.onTime;
    }
  }
  const names = new Map((await ctx.repo.outletNames([...byOutlet.keys()])).map((o) => [o.id, o.name]));
  return {
    from: f,
    to: t,
    overall: rates(overall),
    outlets: [...byOutlet.entries()]
      .map(([outletId, x]) => ({ outletId, outletName: names.get(outletId) ?? outletId, ...rates(x) }))
      .sort((a, b) => b.complaints - a.complaints || a.outletName.localeCompare(b.outletName)),
    targets: policy.targets,
  };
}

/** One complaint as grading, settlement and evaluation read it (see `complaintFacts`). */
export interface ComplaintFact {
  id: string;
  number: string;
  orderId: string | null;
  outletId: string | null;
  severity: string;
  responsibility: Responsibility | null;
  responsibleOutletId: string | null;
  causeIsAttitude: boolean;
  openedAt: string;
  resolveDueAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  status: string;
}

/**
 * Complaints opened in [from, to) — of one outlet when `outletId` is given, matching either the
 * complaint's linked outlet or the outlet found responsible (callers filter further, e.g.
 * settlement on `responsibility === 'outlet' && responsibleOutletId === X`). Read-only.
 */
export async function complaintFacts(
  db: Kysely<Database>,
  q: { from: string; to: string; outletId?: string | undefined },
): Promise<ComplaintFact[]> {
  const iso = (v: string) => new Date(v).toISOString();
  return new ComplaintsRepository(db).facts({ ...q, from: iso(q.from), to: iso(q.to) });
}
