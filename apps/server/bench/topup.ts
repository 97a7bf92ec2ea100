// Tops up the pools the write scenarios consume. The generator keeps only a thin tail of open
// orders (≈0.08 % per open state: ~80 orders awaiting dispatch at 100 k), too few for a 10 s run,
// so before `dispatch` and `complete` the bench walks orders created earlier in the run through
// the real lifecycle over HTTP (not measured): new → accepted → awaiting_dispatch, and
// dispatched_outlet → outlet_accepted → assigned → scheduled → departed → arrived → in_progress.

export interface OrderRef {
  id: string;
  version: number;
  outletId?: string | null;
}

type Body = { to: string; data?: Record<string, unknown> };

export interface Advanced {
  done: OrderRef[];
  failed: number;
  firstFailure: string | null;
  seconds: number;
}

/** Runs each order through `steps` in order, `concurrency` orders at a time. */
export async function advance(
  url: string,
  headers: Record<string, string>,
  orders: OrderRef[],
  steps: (o: OrderRef) => Body[] | null | Promise<Body[] | null>,
  concurrency = 8,
): Promise<Advanced> {
  const t0 = performance.now();
  const done: OrderRef[] = [];
  let failed = 0;
  let firstFailure: string | null = null;
  let next = 0;
  const worker = async () => {
    while (next < orders.length) {
      const o = orders[next++]!;
      const plan = await steps(o);
      if (!plan) continue;
      let version = o.version;
      let ok = true;
      for (const b of plan) {
        const r = await fetch(`${url}/api/v1/work-orders/${o.id}/transitions`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ ...b, version, data: b.data ?? {} }),
        });
        const text = await r.text();
        if (!r.ok) {
          ok = false;
          failed++;
          firstFailure ??= `${b.to}: ${r.status} ${text.slice(0, 300)}`;
          break;
        }
        version = (JSON.parse(text) as { version: number }).version;
      }
      if (ok) done.push({ ...o, version });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { done, failed, firstFailure, seconds: Math.round((performance.now() - t0) / 100) / 10 };
}

export const toAwaitingDispatch = (): Body[] => [{ to: 'accepted' }, { to: 'awaiting_dispatch' }];

const HOUR = 3_600_000;
/** Local (Shanghai) visit slots inside the usual service day: 09–10, 10–11, 11–12, 13–14 … 16–17. */
const SLOT_HOURS = [9, 10, 11, 13, 14, 15, 16];

async function getJson<T>(url: string, headers: Record<string, string>): Promise<T | null> {
  const r = await fetch(url, { headers });
  return r.ok ? ((await r.json()) as T) : null;
}

/** The top eligible outlet of the product's own ranking (the dispatcher's one-click choice). */
export async function topOutlet(
  url: string,
  headers: Record<string, string>,
  orderId: string,
): Promise<string | null> {
  const r = await getJson<{ candidates: Array<{ outletId: string; eligible: boolean }> }>(
    `${url}/api/v1/dispatch/orders/${orderId}/ranking`,
    headers,
  );
  return r?.candidates.find((c) => c.eligible)?.outletId ?? null;
}

/**
 * Walks a dispatched order to in_progress the way an outlet would: accept, take the first eligible
 * technician the suggestions offer for a one-hour slot on a coming day (skill, shift, no double
 * booking are enforced by the server), schedule, depart, arrive, start. Slots spread over days.
 */
export function toInProgress(url: string, headers: Record<string, string>, now = Date.now()) {
  let k = 0;
  return async (o: OrderRef): Promise<Body[] | null> => {
    for (let attempt = 0; attempt < 4; attempt++) {
      const n = k++;
      const dayStartUtc = Math.floor((now + 8 * HOUR) / (24 * HOUR)) * 24 * HOUR - 8 * HOUR;
      const day = 1 + (Math.floor(n / SLOT_HOURS.length) % 60);
      const start = new Date(dayStartUtc + day * 24 * HOUR + SLOT_HOURS[n % SLOT_HOURS.length]! * HOUR);
      const end = new Date(start.getTime() + HOUR);
      const q = new URLSearchParams({ start: start.toISOString(), end: end.toISOString() });
      const s = await getJson<{ items: Array<{ technicianId: string; eligible: boolean }> }>(
        `${url}/api/v1/work-orders/${o.id}/technician-suggestions?${q}`,
        headers,
      );
      const tech = s?.items.find((t) => t.eligible)?.technicianId;
      if (!tech) continue;
      const appointment = { start: start.toISOString(), end: end.toISOString() };
      return [
        { to: 'outlet_accepted' },
        { to: 'assigned', data: { technicianId: tech } },
        { to: 'scheduled', data: { appointment } },
        { to: 'departed' },
        { to: 'arrived' },
        { to: 'in_progress' },
      ];
    }
    return null;
  };
}
