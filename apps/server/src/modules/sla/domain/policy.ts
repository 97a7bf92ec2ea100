import {
  SLA_METRICS,
  type CustomerTier,
  type SlaMetric,
  type SlaMetricPolicy,
  type SlaPolicy,
  type Urgency,
  type WorkOrderType,
} from '@anxin/contracts';

export interface PolicySubject {
  type: WorkOrderType;
  urgency: Urgency;
  customerTier: string;
}

export interface ResolvedMetric {
  metric: SlaMetric;
  policyId: string;
  policy: SlaMetricPolicy;
}

function matches(p: SlaPolicy, s: PolicySubject): boolean {
  const m = p.match;
  return (
    (!m.type || m.type === s.type) &&
    (!m.urgency || m.urgency === s.urgency) &&
    (!m.customerTier || m.customerTier === (s.customerTier as CustomerTier))
  );
}

const specificity = (p: SlaPolicy): number => Object.values(p.match).filter((v) => v !== undefined).length;

/**
 * Per metric, the most specific matching policy that says something about it wins (ties: the one
 * listed first). `null` in that policy switches the clock off for such orders (e.g. no on-site
 * arrival for a consultation).
 */
export function resolveMetrics(policies: readonly SlaPolicy[], s: PolicySubject): ResolvedMetric[] {
  const candidates = policies
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => matches(p, s))
    .sort((a, b) => specificity(b.p) - specificity(a.p) || a.i - b.i);
  const out: ResolvedMetric[] = [];
  for (const metric of SLA_METRICS) {
    const hit = candidates.find(({ p }) => p.metrics[metric] !== undefined);
    const policy = hit?.p.metrics[metric];
    if (hit && policy) out.push({ metric, policyId: hit.p.id, policy });
  }
  return out;
}

/** Budget in the unit the clock table stores. */
export const budgetOf = (p: SlaMetricPolicy): number => (p.mode === 'working_days' ? p.days : p.minutes);

/** A service contract's promise for the order's product (modules/servicecontracts, via workorders). */
export interface ContractPromise {
  /** Shown as the clock's policy, so the order page can say which contract set it. */
  contractNumber: string;
  /** The contract tier's response time, in calendar minutes. */
  responseMinutes: number;
}

/**
 * A covered product's contract tier drives the response clock: the customer paid for that time.
 * It only tightens: an order whose policy is already stricter (a critical order's 4 h) keeps it,
 * and a metric the policy switched off (no response clock) stays off. A policy counting in another
 * mode (business hours, working days) is replaced, since the contract speaks in clock hours.
 */
export function withContract(metrics: ResolvedMetric[], promise: ContractPromise | null): ResolvedMetric[] {
  if (!promise) return metrics;
  return metrics.map((m) => {
    if (m.metric !== 'response') return m;
    const p = m.policy;
    if (p.mode === 'calendar' && p.minutes <= promise.responseMinutes) return m;
    return {
      metric: m.metric,
      policyId: `contract:${promise.contractNumber}`,
      policy: {
        mode: 'calendar',
        minutes: promise.responseMinutes,
        atRiskPercent: p.atRiskPercent,
        notifyRole: p.notifyRole,
      },
    };
  });
}
