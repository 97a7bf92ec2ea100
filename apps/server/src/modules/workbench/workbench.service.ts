import type { Workbench, WorkbenchKpi, WorkbenchTodo } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import type { ListCount, WorkbenchContext } from './context.ts';
import { todoLink, todosFor, type TodoRule } from './domain/todos.ts';
import { foldHours, lastDays, startOfBusinessDay } from './domain/series.ts';

/** Alarms listed on the workbench; the rest are one click away in the order list. */
export const ALARM_LIMIT = 10;
/** Days in each figure's series (the sparkline). */
export const KPI_DAYS = 14;

const percent = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;

/** 工作台: the user's to-dos, SLA alarms and figures, all in his data scope. */
export class WorkbenchService {
  private readonly ctx: WorkbenchContext;

  constructor(ctx: WorkbenchContext) {
    this.ctx = ctx;
  }

  async get(actor: Actor): Promise<Workbench> {
    const now = this.ctx.clock.now();
    const today = businessDateOf(now);
    const rules = todosFor(actor.roles, actor.permissions);
    const [todos, alarms, kpis] = await Promise.all([
      Promise.all(rules.map((r) => this.todo(actor, r))),
      this.alarms(actor),
      this.kpis(actor, today),
    ]);
    return { today, todos, alarms: alarms.items, alarmsMore: alarms.more, kpis };
  }

  private async todo(actor: Actor, rule: TodoRule): Promise<WorkbenchTodo> {
    const { ports } = this.ctx;
    const s = rule.source;
    const exact = (count: number): ListCount => ({ count, capped: false });
    let c: ListCount;
    switch (s.kind) {
      case 'orders':
        c = exact(await ports.countOrders(actor.scope, s.filter));
        break;
      case 'jobs_today':
        c = exact(await ports.jobsToday(actor));
        break;
      case 'callbacks_due':
        c = await ports.callbacksDue(actor);
        break;
      case 'complaints_open':
        c = await ports.complaintsOpen(actor);
        break;
      case 'statements':
        c = await ports.statements(actor, s.status);
        break;
      case 'parts_to_approve':
        c = await ports.partsToApprove(actor);
        break;
      case 'old_parts_to_inspect':
        c = await ports.oldPartsToInspect(actor);
        break;
    }
    return { key: rule.key, count: c.count, capped: c.capped, link: todoLink(rule) };
  }

  private async alarms(actor: Actor) {
    // Deadlines are for those who read SLA clocks (not finance, the warehouse or a technician).
    if (!actor.permissions.has('sla:read')) return { more: false, items: [] };
    const rows = await this.ctx.ports.slaAlarms(actor.scope, ALARM_LIMIT + 1);
    const page = rows.slice(0, ALARM_LIMIT);
    const clocks = await this.ctx.ports.alarmClocks(page.map((r) => r.id));
    const items = page.map((r) => {
      const c = clocks.get(r.id);
      return {
        orderId: r.id,
        number: r.number,
        customerName: r.customerName,
        state: r.slaState,
        metric: c?.metric ?? null,
        dueAt: c?.dueAt ?? r.slaDueAt,
        link: `/workorders/${r.id}`,
      };
    });
    // Shown breached first, then by the deadline the row shows (a stopped clock's missed one).
    const rank = (a: (typeof items)[number]) => `${a.state === 'breached' ? 0 : 1}${a.dueAt ?? '9'}`;
    items.sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
    return { more: rows.length > ALARM_LIMIT, items };
  }

  private async kpis(actor: Actor, today: string): Promise<WorkbenchKpi[]> {
    const days = lastDays(today, KPI_DAYS);
    const from = startOfBusinessDay(days[0]!);
    const to = new Date(Date.parse(startOfBusinessDay(today)) + 86_400_000).toISOString();
    // One grouped query per figure; closed orders feed both the closed count and the on-time share.
    const callbacks = actor.permissions.has('callback:read');
    const [created, closed, verdicts] = await Promise.all([
      this.ctx.ports.ordersPerHour(actor.scope, 'created_at', from, to),
      this.ctx.ports.ordersPerHour(actor.scope, 'closed_at', from, to),
      callbacks ? this.ctx.ports.callbackVerdictsPerHour(actor.scope, from, to) : [],
    ]);
    const createdDays = foldHours(days, created, (h) => [h.count]);
    const closedDays = foldHours(days, closed, (h) => [h.count, h.onTime]);
    const sum = (m: Map<string, number[]>, i: number) => [...m.values()].reduce((a, v) => a + (v[i] ?? 0), 0);
    const createdLink = `/workorders?createdFrom=${days[0]}&createdTo=${today}`;
    const verdictDays = foldHours(days, verdicts, (h) => [h.verdicts, h.satisfied]);
    const satisfaction: WorkbenchKpi[] = callbacks
      ? [
          {
            key: 'callback_satisfaction',
            unit: 'percent',
            total: percent(sum(verdictDays, 1), sum(verdictDays, 0)),
            series: days.map((d) => {
              const [n = 0, ok = 0] = verdictDays.get(d)!;
              return { date: d, value: percent(ok, n) };
            }),
            link: '/callbacks?status=closed',
          },
        ]
      : [];
    return [
      {
        key: 'orders_created',
        unit: 'count',
        total: sum(createdDays, 0),
        series: days.map((d) => ({ date: d, value: createdDays.get(d)![0] ?? 0 })),
        link: createdLink,
      },
      {
        key: 'orders_closed',
        unit: 'count',
        total: sum(closedDays, 0),
        series: days.map((d) => ({ date: d, value: closedDays.get(d)![0] ?? 0 })),
        link: '/workorders?status=closed',
      },
      {
        key: 'closed_on_time',
        unit: 'percent',
        total: percent(sum(closedDays, 1), sum(closedDays, 0)),
        series: days.map((d) => {
          const [n = 0, ok = 0] = closedDays.get(d)!;
          return { date: d, value: percent(ok, n) };
        }),
        link: '/workorders?status=closed',
      },
      ...satisfaction,
    ];
  }
}
