// One endpoint under load: a warm-up run (not recorded), then the measured run. Latencies are
// recorded per response by the bench itself, so p95 is exact (autocannon's own summary has
// p50/p90/p97.5/p99 only) and throughput is responses ÷ the time from start to last response
// (autocannon rounds runs to its 1 s sampling tick, which distorts short amount-bounded runs).
import autocannon from 'autocannon';

export interface Req {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
}

export interface LoadSpec {
  url: string;
  headers: Record<string, string>;
  connections: number;
  durationSec: number;
  warmupSec: number;
  /** Next request; called once per request. Return null when a consumable pool is exhausted. */
  next: () => Req | null;
  /** Items a consumable pool still holds (dispatch, completion): bounds the run via `amount`. */
  remaining?: () => number;
  /** Sees every 2xx response body (warm-up included): feeds the next scenario's pool. */
  collect?: (body: string) => void;
}

export interface LoadResult {
  requests: number;
  durationSec: number;
  rps: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  /** Connection errors and timeouts (autocannon `errors`, which includes `timeouts`). */
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** First non-2xx response body, trimmed: tells a 409 from a 422 from a 500 in the report. */
  firstFailure: string | null;
  /** Set when the run ended because the consumable pool ran out, not because time was up. */
  boundedBy: 'duration' | 'amount';
  warmup: { requests: number; rps: number; non2xx: number; errors: number };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

interface Phase {
  latencies: number[];
  codes: Map<number, number>;
  errors: number;
  timeouts: number;
  firstFailure: string | null;
  elapsedSec: number;
  exhausted: boolean;
}

async function phase(spec: LoadSpec, seconds: number, amount: number | undefined): Promise<Phase> {
  const out: Phase = {
    latencies: [],
    codes: new Map(),
    errors: 0,
    timeouts: 0,
    firstFailure: null,
    elapsedSec: 0,
    exhausted: false,
  };
  let connections = spec.connections;
  if (amount !== undefined) connections = Math.max(1, Math.min(connections, amount));
  // A filler for when a pool runs dry between autocannon's last request and its stop: never sent
  // in amount-bounded runs (amount ≤ pool), kept only so setupRequest always returns a request.
  let fallback: Req | null = null;
  const build = (): { method: string; path: string; body?: string; headers: Record<string, string> } => {
    let r = spec.next();
    if (!r) {
      out.exhausted = true;
      r = fallback ?? { method: 'GET', path: '/healthz' };
    } else fallback = r;
    const headers = { ...spec.headers };
    if (r.body !== undefined) headers['content-type'] = 'application/json';
    return {
      method: r.method,
      path: r.path,
      headers,
      ...(r.body !== undefined ? { body: JSON.stringify(r.body) } : {}),
    };
  };
  const started = performance.now();
  let last = started;
  const instance = autocannon({
    url: spec.url,
    connections,
    ...(amount !== undefined ? { amount } : { duration: seconds }),
    timeout: 30,
    requests: [
      {
        // Keep autocannon's defaults (host, port) and replace method, path, headers and body.
        setupRequest: (req) => ({ ...req, ...build() }),
        onResponse: (status, body) => {
          if (status >= 200 && status <= 299) spec.collect?.(body);
          else if (out.firstFailure === null) out.firstFailure = `${status} ${body.slice(0, 400)}`;
        },
      },
    ],
    skipAggregateResult: true,
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    last = performance.now();
    out.latencies.push(ms);
    out.codes.set(status, (out.codes.get(status) ?? 0) + 1);
  });
  instance.on('reqError', (err: Error) => {
    if (out.firstFailure === null) out.firstFailure = `request error: ${err.message}`;
  });
  const res = await instance;
  out.errors = res.errors;
  out.timeouts = res.timeouts;
  out.elapsedSec = Math.max(0.001, (last - started) / 1000);
  return out;
}

/**
 * Warm-up then measure. For a consumable pool the warm-up also estimates the rate, so the
 * measured run is bounded by `amount` = min(what the pool still holds, rate × duration × 1.2):
 * the run ends at about the requested duration or when the pool is used up, whichever is first.
 */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  // autocannon calls setupRequest exactly once per request it sends (the client stops before
  // building a request past `amount`), so a pool can be used to its last item.
  const consumable = spec.remaining !== undefined;
  let warm: Phase | null = null;
  if (spec.warmupSec > 0) {
    // A consumable pool gives at most a fifth of itself to the warm-up.
    const wAmount = consumable
      ? Math.min(Math.floor(spec.remaining!() / 5), Math.ceil(spec.warmupSec * 200))
      : undefined;
    if (wAmount === undefined || wAmount > 0) warm = await phase(spec, spec.warmupSec, wAmount);
  }
  let amount: number | undefined;
  if (consumable) {
    const rate = warm && warm.latencies.length ? warm.latencies.length / warm.elapsedSec : 500;
    amount = Math.min(spec.remaining!(), Math.ceil(rate * spec.durationSec * 1.2));
    if (amount <= 0) throw new Error('the pool of orders to consume is empty');
  }
  const m = await phase(spec, spec.durationSec, amount);
  const sorted = Float64Array.from(m.latencies).sort();
  const arr = Array.from(sorted);
  const n = arr.length;
  const non2xx = [...m.codes].filter(([c]) => c < 200 || c > 299).reduce((a, [, k]) => a + k, 0);
  const warmNon2xx = warm
    ? [...warm.codes].filter(([c]) => c < 200 || c > 299).reduce((a, [, k]) => a + k, 0)
    : 0;
  return {
    requests: n,
    durationSec: round(m.elapsedSec),
    rps: round(n / m.elapsedSec, 1),
    latencyMs: {
      p50: round(percentile(arr, 50)),
      p95: round(percentile(arr, 95)),
      p99: round(percentile(arr, 99)),
      max: round(arr[n - 1] ?? 0),
      mean: round(n ? arr.reduce((a, b) => a + b, 0) / n : 0),
    },
    errors: m.errors,
    timeouts: m.timeouts,
    non2xx,
    statusCodes: Object.fromEntries([...m.codes].sort(([a], [b]) => a - b).map(([c, k]) => [String(c), k])),
    firstFailure: m.firstFailure ?? warm?.firstFailure ?? null,
    boundedBy: amount !== undefined && m.elapsedSec < spec.durationSec * 0.9 ? 'amount' : 'duration',
    warmup: warm
      ? {
          requests: warm.latencies.length,
          rps: round(warm.latencies.length / warm.elapsedSec, 1),
          non2xx: warmNon2xx,
          errors: warm.errors,
        }
      : { requests: 0, rps: 0, non2xx: 0, errors: 0 },
  };
}
