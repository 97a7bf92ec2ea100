import type { Database } from '../database.ts';
import type { WorkOrderStatus, WorkOrdersTable } from '../modules/workorders/workorders.schema.ts';
import type { ActorKind } from '../platform/events/events.schema.ts';
import { CATEGORIES } from './catalog-data.ts';
import type { CustomerRef } from './customers.ts';
import { OPEN_STATES, cutAt, planPath, type PathPlan, type Step, type Who } from './lifecycle.ts';
import type { Network, OutletInfo, TechInfo } from './network.ts';
import type { SeedRng } from './rng.ts';
import { HOUR, MINUTE, businessDay, dayString, iso, localInstant } from './time.ts';
import { replayCallbacks, replaySla, type Rules } from './follow-ups.ts';
import { WORKORDER_EVENTS } from '../modules/workorders/workorders.events.ts';

type OrderType = WorkOrdersTable['type'];
type Channel = WorkOrdersTable['channel'];

export const PREFIX: Record<OrderType, string> = {
  install: 'AZ',
  repair: 'WX',
  maintenance: 'BY',
  consult: 'ZX',
  complaint: 'TS',
  return: 'TH',
};
const TYPES: OrderType[] = ['repair', 'install', 'maintenance', 'consult', 'complaint', 'return'];
const TYPE_WEIGHTS = [56, 18, 10, 8, 5, 3];
const CHANNELS: Channel[] = ['hotline', 'mini_program', 'web', 'store', 'api', 'email', 'portal'];
const CHANNEL_WEIGHTS = [40, 22, 10, 10, 8, 2, 8];
const REMOTE_GUIDANCE = [
  '电话指导客户重新插拔电源并复位后恢复正常',
  '指导客户清洗滤网、检查遥控器模式设置，已恢复',
  '指导客户调平机身、清理排水过滤器，已解决',
  '已告知客户保修政策与收费标准，客户表示满意',
  '视频指导客户调整门铰链，问题已解决',
];
/** modules/dispatch's default acceptance time for an offer. */
const OFFER_ACCEPT_MINUTES = 30;
const REJECT_CODES: Record<string, 'no_capacity' | 'no_technician_available' | 'out_of_area' | 'no_skill'> = {
  网点当日产能已满: 'no_capacity',
  '工程师休假，无法按时上门': 'no_technician_available',
  该地址超出网点实际服务半径: 'out_of_area',
  缺少该型号维修资质: 'no_skill',
};
const CONSULT_TOPICS = ['保修期查询', '收费标准咨询', '使用方法咨询', '延保服务咨询', '配件价格咨询'];

export interface Actors {
  agent: string | null;
  dispatcher: string | null;
  quality: string | null;
  outletManagers: Map<string, string>;
  portal: { customerId: string; userId: string } | null;
}
/** Open jobs for one technician on the anchor day and the next, so the phone view has work. */
export interface Pinned {
  tech: TechInfo;
  customers: CustomerRef[];
}
export interface OrderSink {
  push<T extends keyof Database>(table: T, row: Database[T]): void;
  drain(): Promise<void>;
}
export interface OrderStats {
  orders: number;
  events: number;
  /** Callback tasks written (open and closed) and orders sent out again after a callback (返修). */
  callbacks: number;
  redos: number;
  byStatus: Partial<Record<WorkOrderStatus, number>>;
  byType: Partial<Record<OrderType, number>>;
}

/**
 * One year of work orders ending at `anchor`, generated day by day in creation order (so numbers
 * are sequential per prefix and day) and streamed to the sink with their events.
 */
export async function generateOrders(
  r: SeedRng,
  net: Network,
  customers: CustomerRef[],
  anchor: number,
  total: number,
  actors: Actors,
  sink: OrderSink,
  rules: Rules,
  opts: { pinned?: Pinned; onProgress?: (n: number) => void } = {},
): Promise<OrderStats> {
  const anchorDay = businessDay(anchor);
  const firstDay = anchorDay - 364;
  const counts = dailyCounts(firstDay, anchorDay, total);
  const windowStart = anchorDay - 20;
  let windowLeft = counts.slice(windowStart - firstDay).reduce((s, n) => s + n, 0);
  // Every open state appears at least this often, whatever the size (the tail of open orders).
  const quota = new Map(OPEN_STATES.map((s) => [s, Math.max(2, Math.round(total * 0.0008))]));
  const stats: OrderStats = { orders: 0, events: 0, callbacks: 0, redos: 0, byStatus: {}, byType: {} };
  const anchorMinute = Math.floor((anchor - localInstant(anchorDay, 0)) / MINUTE);

  for (let day = firstDay; day <= anchorDay; day++) {
    const n = counts[day - firstDay]!;
    const lo = day === anchorDay ? Math.min(480, Math.floor(anchorMinute / 2)) : 480;
    const hi = day === anchorDay ? Math.max(lo + 1, Math.min(1290, anchorMinute)) : 1290;
    const minutes: number[] = [];
    for (let i = 0; i < n; i++) minutes.push(lo + r.int(hi - lo));
    minutes.sort((a, b) => a - b);
    const todo: Array<{ at: number; pin?: number }> = minutes.map((m) => ({
      at: localInstant(day, m) + r.int(60_000),
    }));
    if (opts.pinned && day === anchorDay - 1) {
      opts.pinned.customers.forEach((_, k) => todo.push({ at: localInstant(day, 9 * 60 + k * 17), pin: k }));
    }
    todo.sort((a, b) => a.at - b.at); // numbers follow creation time within the day
    const seq = new Map<string, number>();
    for (const item of todo) {
      const inWindow = day >= windowStart;
      const o =
        item.pin !== undefined
          ? pinnedOrder(r, net, opts.pinned!, item.pin, item.at, anchor)
          : planOrder(r, net, customers, item.at, anchor, inWindow ? pressure(quota, windowLeft) : 0, quota);
      if (inWindow && item.pin === undefined) windowLeft--;
      const prefix = PREFIX[o.type];
      const k = (seq.get(prefix) ?? 0) + 1;
      seq.set(prefix, k);
      const number = `${prefix}${dayString(day).replaceAll('-', '')}-${String(k).padStart(4, '0')}`;
      emit(r, o, number, anchor, actors, sink, stats, rules);
    }
    for (const [prefix, k] of seq)
      sink.push('work_order_counters', {
        key: `${prefix}${dayString(day).replaceAll('-', '')}`,
        last_value: k,
      });
    await sink.drain();
    const before = stats.orders - todo.length;
    if (opts.onProgress && Math.floor(stats.orders / 100_000) > Math.floor(before / 100_000))
      opts.onProgress(stats.orders);
  }
  return stats;
}

/** Orders per day: weekday and seasonal swings (summer aircon peak, Spring Festival dip), summing exactly to `total`. */
function dailyCounts(firstDay: number, lastDay: number, total: number): number[] {
  const weights: number[] = [];
  for (let d = firstDay; d <= lastDay; d++) {
    const date = new Date(d * 86_400_000);
    const month = date.getUTCMonth() + 1;
    const wd = [1.1, 1.15, 1, 1, 1, 1, 1.1][date.getUTCDay()]!;
    const season =
      month >= 6 && month <= 8
        ? 1.35
        : month === 5 || month === 9
          ? 1.1
          : month === 2
            ? 0.75
            : month === 1 || month === 12
              ? 0.9
              : 1;
    weights.push(wd * season);
  }
  const sum = weights.reduce((s, w) => s + w, 0);
  let cum = 0;
  let prev = 0;
  return weights.map((w) => {
    cum += (w * total) / sum;
    const k = Math.round(cum) - prev;
    prev += k;
    return k;
  });
}

/** How eagerly a window order is held in an under-represented open state. */
function pressure(quota: Map<WorkOrderStatus, number>, windowLeft: number): number {
  let need = 0;
  for (const q of quota.values()) need += q;
  return need === 0 ? 0 : Math.min(1, (3 * need) / Math.max(1, windowLeft));
}

interface PlannedOrder {
  type: OrderType;
  channel: Channel;
  customer: CustomerRef;
  product: CustomerRef['products'][number] | null;
  cat: number;
  urgent: 'low' | 'normal' | 'high' | 'critical';
  plan: PathPlan;
  cut: number;
  outlets: OutletInfo[];
  tech: TechInfo | null;
  created: number;
  fault: FaultInfo;
}

function planOrder(
  r: SeedRng,
  net: Network,
  customers: CustomerRef[],
  created: number,
  anchor: number,
  force: number,
  quota: Map<WorkOrderStatus, number>,
): PlannedOrder {
  const customer = customers[r.int(customers.length)]!;
  const type = TYPES[r.weighted(TYPE_WEIGHTS)]!;
  const product = type === 'consult' && r.chance(0.5) ? null : r.pick(customer.products);
  const cat = product?.cat ?? r.weighted(CATEGORIES.map((c) => c.weight));
  const channel = type === 'install' && r.chance(0.45) ? 'api' : CHANNELS[r.weighted(CHANNEL_WEIGHTS)]!;
  const urgent = (['low', 'normal', 'high', 'critical'] as const)[
    r.weighted(customer.tier === 'standard' ? [10, 72, 15, 3] : [5, 55, 30, 10])
  ]!;
  const candidates = net.coverage.get(`${customer.district.code}|${CATEGORIES[cat]!.code}`) ?? [];
  const remote =
    candidates.length === 0 ||
    (type === 'consult'
      ? r.chance(0.92)
      : type === 'complaint'
        ? r.chance(0.5)
        : type === 'repair'
          ? r.chance(0.12)
          : false);
  const wantReject = quota.get('outlet_rejected')! > 0 && force > 0 ? 0.3 : 0.03;
  const reject = !remote && candidates.length >= 2 && r.chance(wantReject);
  const first = candidates.length ? candidates[r.int(candidates.length)]! : null;
  const outlets = first ? [first] : [];
  if (reject) outlets.push(r.pick(candidates.filter((o) => o !== first)));
  const last = outlets[outlets.length - 1];
  const techs = last?.techsByCategory.get(CATEGORIES[cat]!.code) ?? [];
  const tech = techs.length ? r.pick(techs) : null;
  const cancel = r.chance(0.05);
  const plan = planPath(r, created, {
    remote,
    reject,
    parts: (type === 'repair' || type === 'return') && r.chance(0.12),
    cancelAfter: cancel ? 1 + r.weighted([30, 20, 15, 10, 10, 8, 7]) : null,
    serviceMinutes: CATEGORIES[cat]!.serviceMinutes,
    urgent: urgent === 'high' || urgent === 'critical',
    redoable: type === 'repair' || type === 'return',
  });
  if (!remote && !tech) {
    // An outlet without a skilled technician keeps the order at outlet_accepted.
    plan.steps.length = plan.steps.findIndex((s) => s.to === 'outlet_accepted') + 1;
    plan.appointment = null;
  }
  let cut = cutAt(plan.steps, anchor);
  if (force > 0) cut = holdOpen(r, plan.steps, cut, force, quota);
  else if (r.chance(0.004)) {
    // A few older orders stay stuck: parts on back-order, a customer the callback cannot reach.
    const i = plan.steps.findIndex(
      (s, j) => j <= cut && (s.to === 'awaiting_parts' || s.to === 'awaiting_callback'),
    );
    if (i >= 0) cut = i;
  }
  return {
    type,
    channel,
    customer,
    product,
    cat,
    urgent,
    plan,
    cut,
    outlets,
    tech,
    created,
    fault: describe(r, net, type, cat, product),
  };
}

/** Holds a recent order in an open state that still needs examples (a step it really passed through). */
const RARE: ReadonlySet<WorkOrderStatus> = new Set(['outlet_rejected', 'remote_resolved', 'awaiting_parts']);

function holdOpen(
  r: SeedRng,
  steps: Step[],
  cut: number,
  p: number,
  quota: Map<WorkOrderStatus, number>,
): number {
  const status = steps[cut]!.to;
  if (quota.has(status)) quota.set(status, Math.max(0, quota.get(status)! - 1));
  if (!r.chance(p)) return cut;
  // States only some paths pass through (a rejection, a remote fix) take precedence when short.
  let pick = -1;
  for (let i = cut - 1; i >= 0; i--) {
    const s = steps[i]!.to;
    if ((quota.get(s) ?? 0) === 0) continue;
    if (pick < 0 || RARE.has(s)) pick = i;
    if (RARE.has(s)) break;
  }
  if (pick < 0) return cut;
  const s = steps[pick]!.to;
  quota.set(s, quota.get(s)! - 1);
  return pick;
}

function pinnedOrder(
  r: SeedRng,
  net: Network,
  pin: Pinned,
  k: number,
  created: number,
  anchor: number,
): PlannedOrder {
  const customer = pin.customers[k]!;
  const product =
    customer.products.find((p) => pin.tech.skills.has(CATEGORIES[p.cat]!.code)) ?? customer.products[0]!;
  const plan = planPath(r, created, {
    remote: false,
    reject: false,
    parts: false,
    cancelAfter: null,
    serviceMinutes: CATEGORIES[product.cat]!.serviceMinutes,
    urgent: false,
    redoable: false,
  });
  // Re-time the visit: appointments today (slots 9, 11, 14, 16) and tomorrow (9, 14).
  const today = businessDay(anchor);
  const slot = [
    [0, 9],
    [0, 11],
    [0, 14],
    [0, 16],
    [1, 9],
    [1, 14],
  ][k % 6]!;
  const start = localInstant(today + slot[0]!, slot[1]! * 60);
  const si = plan.steps.findIndex((s) => s.to === 'scheduled');
  const keep = plan.steps.slice(0, si + 1);
  keep[si]!.data = { appointment: { start: iso(start), end: iso(start + 2 * HOUR) } };
  const visit: Step[] = [
    { to: 'departed', at: start - 40 * MINUTE, who: 'technician' },
    { to: 'arrived', at: start + 5 * MINUTE, who: 'technician' },
    { to: 'in_progress', at: start + 12 * MINUTE, who: 'technician' },
  ];
  plan.steps = [...keep, ...visit.filter((s) => s.at > keep[si]!.at)];
  plan.appointment = { start, end: start + 2 * HOUR };
  const outlet = pin.tech.outlet!;
  return {
    type: 'repair',
    channel: 'hotline',
    customer,
    product,
    cat: product.cat,
    urgent: 'normal',
    plan,
    cut: cutAt(plan.steps, anchor),
    outlets: [outlet],
    tech: pin.tech,
    created,
    fault: describe(r, net, 'repair', product.cat, product),
  };
}

function emit(
  r: SeedRng,
  o: PlannedOrder,
  number: string,
  anchor: number,
  actors: Actors,
  sink: OrderSink,
  stats: OrderStats,
  rules: Rules,
): void {
  const steps = o.plan.steps.slice(0, o.cut + 1);
  const reached = (s: WorkOrderStatus) => steps.some((x) => x.to === s);
  const last = steps[steps.length - 1]!;
  const status = last.to;
  const cat = CATEGORIES[o.cat]!;
  const info = o.fault;
  const id = r.idAt(o.created);
  const dispatches = steps.filter((s) => s.to === 'dispatched_outlet').length;
  // A rejection takes the order out of the outlet's queue until it is dispatched again.
  const outlet =
    dispatches && status !== 'outlet_rejected'
      ? o.outlets[Math.min(dispatches, o.outlets.length) - 1]!
      : null;
  const tech = reached('assigned') ? o.tech : null;
  const guidance = reached('remote_resolved') ? r.pick(REMOTE_GUIDANCE) : null;
  // The latest completion (a redo completes the order again).
  const completed = steps.findLast((s) => s.to === 'completed')?.at ?? null;
  const closed = status === 'closed' ? last.at : null;
  // SLA clocks replayed through the SLA module's own functions, step by step (modules/sla).
  const sla = replaySla(
    rules,
    id,
    { type: o.type, urgency: o.urgent, customerTier: o.customer.tier },
    steps,
    o.created,
    anchor,
  );
  const appt = reached('scheduled') ? o.plan.appointment : null;
  const windows = o.plan.appointment
    ? [{ start: iso(o.plan.appointment.start), end: iso(o.plan.appointment.end) }]
    : [
        {
          start: iso(localInstant(businessDay(o.created) + 1, 9 * 60)),
          end: iso(localInstant(businessDay(o.created) + 1, 12 * 60)),
        },
      ];
  const creator = creatorOf(o, actors);

  sink.push('work_orders', {
    id,
    number,
    type: o.type,
    status,
    channel: o.channel,
    customer_id: o.customer.id,
    product_id: o.product?.id ?? null,
    category_code: cat.code,
    fault_description: info.description,
    fault_code_id: info.faultId,
    symptom_codes: JSON.stringify(info.symptoms),
    urgency: o.urgent,
    customer_tier: o.customer.tier,
    contact_name: o.customer.name,
    contact_phone: o.customer.phone,
    province_code: o.customer.district.city.provinceCode,
    city_code: o.customer.district.city.code,
    district_code: o.customer.district.code,
    address: o.customer.address,
    lat: o.customer.lat,
    lng: o.customer.lng,
    preferred_windows: JSON.stringify(windows),
    appointment_start: appt ? iso(appt.start) : null,
    appointment_end: appt ? iso(appt.end) : null,
    outlet_id: outlet?.id ?? null,
    technician_id: tech?.id ?? null,
    technician_user_id: tech?.userId ?? null,
    escalation_tier: tech?.tier ?? 1,
    remote_guidance: guidance,
    knowledge_article_id: null,
    cancel_reason: status === 'cancelled' ? (last.reason ?? null) : null,
    linked_ref: o.channel === 'api' ? `JD${String(o.created).slice(-10)}${r.digits(4)}` : null,
    parent_order_id: null,
    sla_state: sla.state,
    sla_due_at: sla.dueAt,
    paused_since: status === 'awaiting_parts' ? iso(last.at) : null,
    created_by: creator.kind === 'user' ? creator.id : null,
    created_at: iso(o.created),
    updated_at: iso(last.at),
    completed_at: completed === null ? null : iso(completed),
    closed_at: closed === null ? null : iso(closed),
    version: steps.length,
  });
  // Answered offers (modules/dispatch): each dispatch the outlet accepted or declined, so grading's
  // response metric and the outlet's offer history have the past to look at.
  let offerNo = 0;
  for (let i = 0; i + 1 < steps.length; i++) {
    if (steps[i]!.to !== 'dispatched_outlet') continue;
    const to = o.outlets[Math.min(offerNo++, o.outlets.length - 1)]!;
    const answer = steps[i + 1]!;
    const rejected = answer.to === 'outlet_rejected';
    if (!rejected && answer.to !== 'outlet_accepted') continue;
    sink.push('dispatch_offers', {
      id: r.idAt(steps[i]!.at),
      order_id: id,
      outlet_id: to.id,
      mode: 'manual',
      offered_at: iso(steps[i]!.at),
      offered_by: actors.dispatcher,
      due_at: iso(steps[i]!.at + OFFER_ACCEPT_MINUTES * MINUTE),
      status: rejected ? 'rejected' : 'accepted',
      responded_at: iso(answer.at),
      responded_by: actors.outletManagers.get(to.id) ?? null,
      reason_code: rejected ? (REJECT_CODES[answer.reason ?? ''] ?? 'other') : null,
      note: rejected ? (answer.reason ?? null) : null,
      ranking: '[]',
    });
  }
  if (status === 'dispatched_outlet' && outlet) {
    // The outlet's open offer (modules/dispatch); the id is the order's with another version
    // nibble, so no random draw shifts the rest of the data set. Due a working day after the anchor.
    sink.push('dispatch_offers', {
      id: `${id.slice(0, 14)}d${id.slice(15)}`,
      order_id: id,
      outlet_id: outlet.id,
      mode: 'manual',
      offered_at: iso(last.at),
      offered_by: null,
      due_at: iso(Math.max(last.at, anchor) + 24 * HOUR),
      status: 'pending',
      responded_at: null,
      responded_by: null,
      reason_code: null,
      note: null,
      ranking: '[]',
    });
  }
  for (const row of sla.rows) sink.push('sla_clocks', row);
  // One callback task per entry into 待回访, with the outcomes recorded up to the anchor.
  const cb = replayCallbacks(r, rules, id, o.plan.steps, o.cut, anchor, actors.quality);
  for (const row of cb.tasks) sink.push('callback_tasks', row);
  for (const e of cb.events) sink.push('events', e);
  stats.callbacks += cb.tasks.length;
  stats.events += cb.events.length;
  if (steps.some((s, i) => s.to === 'awaiting_dispatch' && steps[i - 1]?.to === 'awaiting_callback'))
    stats.redos++;
  let prev: WorkOrderStatus | null = null;
  let dispatchNo = 0;
  for (const s of steps) {
    const actor = s.who === 'creator' ? creator : actorOf(s.who, o, actors, dispatchNo);
    let data = s.data ?? {};
    // Event data as transition-order.ts records it for the same step.
    if (s.to === 'new') data = { number, type: o.type, channel: o.channel };
    if (s.to === 'dispatched_outlet')
      data = { outletId: o.outlets[Math.min(dispatchNo++, o.outlets.length - 1)]!.id };
    if (s.to === 'outlet_rejected') data = { rejectedOutletId: o.outlets[0]!.id };
    if (s.to === 'assigned' && o.tech) data = { technicianId: o.tech.id };
    if (s.to === 'remote_resolved') data = { guidance };
    sink.push('events', {
      id: r.idAt(s.at),
      stream_type: 'work_order',
      stream_id: id,
      type: s.to === 'new' ? WORKORDER_EVENTS.type.created : WORKORDER_EVENTS.type.transitioned,
      actor_id: actor.id,
      actor_kind: actor.kind,
      occurred_at: iso(s.at),
      from_state: prev,
      to_state: s.to,
      reason: s.reason ?? null,
      data: JSON.stringify(data),
      request_id: null,
    });
    prev = s.to;
  }
  stats.orders++;
  stats.events += steps.length;
  stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
  stats.byType[o.type] = (stats.byType[o.type] ?? 0) + 1;
}

interface FaultInfo {
  description: string;
  faultId: string | null;
  symptoms: string[];
}

/** Fault code and symptoms for repair-like orders; a short free-text description for every type. */
function describe(
  r: SeedRng,
  net: Network,
  type: OrderType,
  cat: number,
  product: PlannedOrder['product'],
): FaultInfo {
  const spec = CATEGORIES[cat]!;
  const model = product ? spec.models[product.model]![1] : spec.nameZh;
  if (type === 'repair' || type === 'complaint' || type === 'return') {
    const fault = r.pick(net.categories[cat]!.faults);
    const picked = [r.pick(fault.symptoms)];
    if (fault.symptoms.length > 1 && r.chance(0.3))
      picked.push(r.pick(fault.symptoms.filter((x) => x !== picked[0])));
    const lead =
      type === 'complaint' ? '客户投诉：多次维修未解决，' : type === 'return' ? '客户申请退货：' : '客户反映';
    return {
      description: `${lead}${model}${picked.map((x) => x.nameZh).join('，')}`,
      faultId: fault.id,
      symptoms: picked.map((x) => x.id),
    };
  }
  if (type === 'install') return { description: `新机安装：${model}`, faultId: null, symptoms: [] };
  if (type === 'maintenance') return { description: `${model}上门保养清洗`, faultId: null, symptoms: [] };
  return { description: `${r.pick(CONSULT_TOPICS)}：${model}`, faultId: null, symptoms: [] };
}

function creatorOf(o: PlannedOrder, a: Actors): { id: string | null; kind: ActorKind } {
  if (o.channel === 'api') return { id: null, kind: 'token' };
  if (o.channel === 'portal' || o.channel === 'mini_program' || o.channel === 'web') {
    return {
      id: a.portal && a.portal.customerId === o.customer.id ? a.portal.userId : null,
      kind: 'customer',
    };
  }
  return { id: a.agent, kind: 'user' };
}

function actorOf(
  who: Who,
  o: PlannedOrder,
  a: Actors,
  dispatchNo: number,
): { id: string | null; kind: ActorKind } {
  switch (who) {
    case 'system':
      return { id: null, kind: 'system' };
    case 'agent':
      return { id: a.agent, kind: 'user' };
    case 'dispatcher':
      return { id: a.dispatcher, kind: 'user' };
    case 'quality':
      return { id: a.quality, kind: 'user' };
    case 'technician':
      return { id: o.tech?.userId ?? null, kind: 'user' };
    default: {
      const outlet = o.outlets[Math.max(0, Math.min(dispatchNo, o.outlets.length) - 1)];
      return { id: (outlet && a.outletManagers.get(outlet.id)) ?? null, kind: 'user' };
    }
  }
}
