// Journey factories: every journey creates the orders, customers and products it works on through
// the API, as the role that would create them, instead of picking from the demo data of the day.
// Only the demo network (outlets, technicians, logins) is relied on: it does not depend on the date.
// Anything dated is computed from now in Beijing time.
import type { APIRequestContext } from 'playwright-core';
import { DEMO_PASSWORD } from './harness.ts';

export type Api = <T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, data?: unknown) => Promise<T>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Signs in over the API and returns a caller that sends the CSRF token on writes. */
export async function apiAs(request: APIRequestContext, baseUrl: string, username: string): Promise<Api> {
  const login = await request.post(`${baseUrl}/api/v1/auth/login`, {
    data: { username, password: DEMO_PASSWORD },
  });
  if (!login.ok()) throw new Error(`login ${username} → ${login.status()} ${await login.text()}`);
  const me = (await login.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  return async <T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, data?: unknown): Promise<T> => {
    const res = await request.fetch(`${baseUrl}${path}`, { method, data, headers });
    if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()} ${await res.text()}`);
    // 204 No Content (stock movements, for one) has no body.
    return (res.status() === 204 ? undefined : await res.json()) as T;
  };
}

/** Today's business date in Beijing (YYYY-MM-DD), shifted by `days`. */
export function beijingDate(days = 0, now = Date.now()): string {
  return new Date(now + 8 * HOUR + days * DAY).toISOString().slice(0, 10);
}

/** A short suffix that makes codes, serials and phone numbers unique per journey run. */
export function uniqueSuffix(): string {
  return String(Date.now() % 10_000).padStart(4, '0');
}

export interface Coverage {
  outletId: string;
  /** A district (6 digits) the outlet serves. */
  district: string;
  /** A category the outlet serves and the technician is skilled in. */
  categoryCode: string;
}

/**
 * Where an order must be for `outletCode` to take it and `technicianName` to do it: one of the
 * outlet's districts and a category both the outlet and the technician cover.
 */
export async function coverageOf(api: Api, outletCode: string, technicianName?: string): Promise<Coverage> {
  const outlets = await api<{
    items: Array<{ id: string; code: string; serviceAreas: Array<{ code: string }>; categories: string[] }>;
  }>('GET', `/api/v1/outlets?q=${encodeURIComponent(outletCode)}`);
  const outlet = outlets.items.find((o) => o.code === outletCode);
  if (!outlet) throw new Error(`outlet ${outletCode} not found`);
  let categories = outlet.categories;
  if (technicianName) {
    const techs = await api<{ items: Array<{ name: string; skills: Array<{ categoryCode: string }> }> }>(
      'GET',
      `/api/v1/technicians?q=${encodeURIComponent(technicianName)}&outletId=${outlet.id}`,
    );
    const tech = techs.items.find((t) => t.name === technicianName);
    if (!tech) throw new Error(`technician ${technicianName} not found at ${outletCode}`);
    const skills = new Set(tech.skills.map((s) => s.categoryCode));
    categories = categories.filter((c) => skills.has(c));
  }
  const district = outlet.serviceAreas.map((a) => a.code).find((c) => /^\d{6}$/.test(c) && !c.endsWith('00'));
  const categoryCode = [...categories].sort()[0];
  if (!district || !categoryCode)
    throw new Error(
      `${outletCode} has no district and category in common with ${technicianName ?? 'itself'}`,
    );
  return { outletId: outlet.id, district, categoryCode };
}

export interface Caller {
  customerId: string;
  productId: string;
  /** The product's model (a new model of the category, made for this caller). */
  modelId: string;
  name: string;
  phone: string;
  serial: string;
}

/**
 * A new customer living in `district` with one in-warranty product of `categoryCode` (bought 30 days
 * ago), created as an admin would: a model of the category, the customer, the product.
 */
export async function createCaller(
  admin: Api,
  opts: { district: string; categoryCode: string; name?: string; suffix?: string },
): Promise<Caller> {
  const suffix = opts.suffix ?? uniqueSuffix();
  const model = await admin<{ id: string }>('POST', '/api/v1/catalog/models', {
    brand: '安心',
    categoryCode: opts.categoryCode,
    modelCode: `E2E-${opts.categoryCode}-${suffix}`,
    name: `测试机型 ${suffix}`,
  });
  const name = opts.name ?? `测试客户${suffix}`;
  const phone = `1390013${suffix}`;
  const { customer } = await admin<{ customer: { id: string } }>('POST', '/api/v1/customers', {
    name,
    phones: [{ phone, isPrimary: true }],
    addresses: [
      {
        provinceCode: opts.district.slice(0, 2),
        cityCode: opts.district.slice(0, 4),
        districtCode: opts.district,
        detail: `测试路 ${Number(suffix) % 300} 号`,
        isDefault: true,
      },
    ],
  });
  const serial = `E2E${suffix}0001`;
  const product = await admin<{ id: string }>('POST', `/api/v1/customers/${customer.id}/products`, {
    modelId: model.id,
    serial,
    purchaseDate: beijingDate(-30),
  });
  return { customerId: customer.id, productId: product.id, modelId: model.id, name, phone, serial };
}

export interface Order {
  id: string;
  number: string;
  status: string;
  version: number;
}

/** A repair order registered by the agent on the hotline and released to dispatch (待派单). */
export async function createRepairAwaitingDispatch(
  agent: Api,
  caller: Caller,
  urgency: 'low' | 'normal' | 'high' | 'critical' = 'normal',
): Promise<Order> {
  const { order } = await agent<{ order: Order }>('POST', '/api/v1/work-orders', {
    type: 'repair',
    channel: 'hotline',
    customerId: caller.customerId,
    productId: caller.productId,
    faultDescription: '空调不制冷，外机不转',
    urgency,
  });
  let o = order;
  for (const to of ['accepted', 'awaiting_dispatch'])
    o = await agent<Order>('POST', `/api/v1/work-orders/${o.id}/transitions`, { to, version: o.version });
  return o;
}

/** Moves an order one step through the state machine (the generic transition endpoint). */
export function move(api: Api, o: Order, to: string, data: Record<string, unknown> = {}): Promise<Order> {
  return api<Order>('POST', `/api/v1/work-orders/${o.id}/transitions`, { to, version: o.version, data });
}

/** Dispatches a waiting order to `outletId` (or the top eligible outlet) and accepts it for the outlet. */
export async function dispatchAndAccept(api: Api, id: string, outletId?: string): Promise<Order> {
  let o = await api<Order>('GET', `/api/v1/work-orders/${id}`);
  // A redo goes straight back to its outlet and technician (setting dispatch.policy.redoToSameOutlet):
  // already assigned, or offered to the outlet when its technician is not known.
  if (o.status === 'assigned') return o;
  if (o.status === 'dispatched_outlet') return move(api, o, 'outlet_accepted');
  const ranking = await api<{ candidates: Array<{ outletId: string; eligible: boolean }> }>(
    'GET',
    `/api/v1/dispatch/orders/${id}/ranking`,
  );
  o = await move(api, o, 'dispatched_outlet', {
    outletId: outletId ?? ranking.candidates.find((c) => c.eligible)!.outletId,
  });
  return move(api, o, 'outlet_accepted');
}

/**
 * Assigns an accepted order and books its visit in the first two-hour slot, from tomorrow on, in
 * which the suggestions show a technician (the one named, when given) free and eligible. Walks up to
 * three weeks, so 春节 and 国庆 and the technician's own leave cannot exhaust it. Returns the order
 * and the business date (Beijing) of the visit.
 */
export async function scheduleFirstFree(
  api: Api,
  accepted: Order,
  technicianName?: string,
): Promise<{ order: Order; date: string }> {
  let o = accepted;
  const assignedTo =
    o.status === 'assigned'
      ? (await api<{ technicianId: string | null }>('GET', `/api/v1/work-orders/${o.id}`)).technicianId
      : null;
  // Midnight tomorrow in Beijing, as an instant.
  const tomorrow = Math.floor((Date.now() + 8 * HOUR) / DAY + 1) * DAY - 8 * HOUR;
  for (let day = 0; day < 21; day++) {
    for (const h of [9, 13, 15]) {
      const start = new Date(tomorrow + day * DAY + h * HOUR).toISOString();
      const end = new Date(tomorrow + day * DAY + (h + 2) * HOUR).toISOString();
      const s = await api<{ items: Array<{ technicianId: string; name: string; eligible: boolean }> }>(
        'GET',
        `/api/v1/work-orders/${o.id}/technician-suggestions?start=${start}&end=${end}`,
      );
      const tech = s.items.find(
        (t) =>
          t.eligible &&
          (!technicianName || t.name === technicianName) &&
          (!assignedTo || t.technicianId === assignedTo),
      );
      if (!tech) continue;
      // One step from 网点已接单: the technician and the window together; an assigned order
      // (a redo sent back to its technician) only gets the window.
      o = await move(api, o, 'scheduled', {
        ...(assignedTo ? {} : { technicianId: tech.technicianId }),
        appointment: { start, end },
      });
      return { order: o, date: new Date(tomorrow + day * DAY + 8 * HOUR).toISOString().slice(0, 10) };
    }
  }
  throw new Error(`no free ${technicianName ?? 'technician'} for ${o.number} in three weeks`);
}

/**
 * Takes an order waiting for dispatch through the field as the desk would, over the API as admin:
 * dispatch, accept, assign and book the first free technician, visit, complete, hand to the
 * callback (待回访).
 */
export async function workThrough(api: Api, id: string, outletId?: string): Promise<Order> {
  let { order: o } = await scheduleFirstFree(api, await dispatchAndAccept(api, id, outletId));
  for (const to of ['departed', 'arrived', 'in_progress', 'completed']) o = await move(api, o, to);
  // Completion hands the order to the callback (待回访) after commit; do it by hand if not yet done.
  for (let i = 0; i < 20 && o.status === 'completed'; i++) {
    await new Promise((r) => setTimeout(r, 250));
    o = await api<Order>('GET', `/api/v1/work-orders/${id}`);
  }
  if (o.status === 'completed') {
    // The outbox may hand it off between the read and this step: then its step stands.
    o = await move(api, o, 'awaiting_callback').catch(async (err: unknown) => {
      const now = await api<Order>('GET', `/api/v1/work-orders/${id}`);
      if (now.status !== 'awaiting_callback') throw err;
      return now;
    });
  }
  return o;
}
