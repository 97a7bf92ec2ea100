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
  steps: (o: OrderRef) => Body[] | null,
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
      const plan = steps(o);
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

export function toInProgress(techniciansByOutlet: Map<string, string[]>, now = Date.now()) {
  let k = 0;
  return (o: OrderRef): Body[] | null => {
    const techs = o.outletId ? techniciansByOutlet.get(o.outletId) : undefined;
    if (!techs?.length) return null;
    const start = new Date(now + 86_400_000 + (k++ % 8) * 3_600_000);
    return [
      { to: 'outlet_accepted' },
      { to: 'assigned', data: { technicianId: techs[k % techs.length] } },
      {
        to: 'scheduled',
        data: {
          appointment: {
            start: start.toISOString(),
            end: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
          },
        },
      },
      { to: 'departed' },
      { to: 'arrived' },
      { to: 'in_progress' },
    ];
  };
}
