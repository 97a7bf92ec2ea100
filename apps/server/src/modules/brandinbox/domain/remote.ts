import {
  BRAND_STEP_TARGETS,
  type BrandActionKind,
  type BrandProblem,
  type BrandReject,
  type BrandSchedule,
  type BrandStep,
  type BrandStepKind,
} from '@anxin/contracts';

/** One call to a brand's partner API, as the outbox keeps it (the same on every retry). */
export interface RemoteRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

/** What a brand's answer means for the action that caused it. */
export type Outcome =
  | { kind: 'ok'; status: number; body: unknown }
  | { kind: 'retry'; problem: BrandProblem }
  | { kind: 'refused'; problem: BrandProblem };

/** Answers worth trying again: the brand is busy, down or timed out. */
const TRANSIENT = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * A brand's HTTP answer in the terms of an action: 2xx is done; a problem+json from the brand's
 * Anxin keeps its code and parameters (the same registry as ours, so the web words it); a refused
 * token and unknown answers get our own codes. Only transient answers are retried.
 */
export function outcomeOf(host: string, status: number, body: unknown): Outcome {
  if (status >= 200 && status < 300) return { kind: 'ok', status, body };
  const problem = problemOf(host, status, body);
  return TRANSIENT.has(status) ? { kind: 'retry', problem } : { kind: 'refused', problem };
}

function problemOf(host: string, status: number, body: unknown): BrandProblem {
  if (status === 401) return { code: 'brandinbox.remote_unauthorized', params: { host }, status };
  const b = body as { code?: unknown; params?: unknown } | null;
  if (b && typeof b.code === 'string' && /^[a-z_]+\.[a-z_.]+$/.test(b.code))
    return {
      code: b.code,
      params: b.params && typeof b.params === 'object' ? (b.params as Record<string, unknown>) : {},
      status,
    };
  return { code: 'brandinbox.remote_error', params: { host, status }, status };
}

export const unreachable = (host: string): BrandProblem => ({
  code: 'brandinbox.remote_unreachable',
  params: { host },
  status: 0,
});

/** The wait before retry `attempt + 1`: base, 2·base, 4·base … capped at six hours. */
export function retryDelaySeconds(baseSeconds: number, attempt: number): number {
  return Math.min(6 * 3600, baseSeconds * 2 ** Math.max(0, attempt - 1));
}

/** The brand's Idempotency-Key for a local action: retries of one action are one write there. */
export const idempotencyKeyOf = (actionId: string): string => `anxin-brandinbox-${actionId}`;

/** Booking and the visit's steps are transitions at the order's version, read at the first attempt. */
export const needsVersion = (kind: BrandActionKind): boolean => kind !== 'accept' && kind !== 'reject';

export const isStep = (kind: BrandActionKind): kind is BrandStepKind => kind in BRAND_STEP_TARGETS;

/**
 * The partner-API call answering an order. Accept/reject answer the brand's pending offer;
 * booking is the order's transition to 已预约, and each visit step its transition, at the version
 * read just before the first attempt.
 */
export function requestFor(
  kind: BrandActionKind,
  input: unknown,
  target: { remoteId: string; offerId: string | null; version: number },
): RemoteRequest {
  switch (kind) {
    case 'accept':
      return { method: 'POST', path: `/api/v1/dispatch/offers/${target.offerId}/accept`, body: {} };
    case 'reject': {
      const r = input as BrandReject;
      return {
        method: 'POST',
        path: `/api/v1/dispatch/offers/${target.offerId}/reject`,
        body: { reasonCode: r.reasonCode, ...(r.note ? { note: r.note } : {}) },
      };
    }
    case 'schedule': {
      const s = input as BrandSchedule;
      return {
        method: 'POST',
        path: `/api/v1/work-orders/${target.remoteId}/transitions`,
        body: {
          to: 'scheduled',
          version: target.version,
          data: { technicianId: s.technicianId, appointment: s.appointment },
        },
      };
    }
    default: {
      const note = (input as BrandStep | null)?.note;
      return {
        method: 'POST',
        path: `/api/v1/work-orders/${target.remoteId}/transitions`,
        body: { to: BRAND_STEP_TARGETS[kind], version: target.version, ...(note ? { reason: note } : {}) },
      };
    }
  }
}
