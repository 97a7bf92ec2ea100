import type { SlaMetric, SlaPolicy } from '@anxin/contracts';
import { SLA_METRICS } from '../../../workorders/index.ts';

// The policy drawer's form: a metric is inherited (absent), off (null) or set.
export const TIERS = ['standard', 'vip', 'key_account'] as const;
export const NOTIFY = ['agent', 'dispatcher', 'outlet_manager', 'quality', 'manager'] as const;
export const MODES = ['business_hours', 'calendar', 'working_days'] as const;
export type MetricChoice = 'inherit' | 'off' | 'set';

export interface MetricForm {
  choice: MetricChoice;
  mode?: (typeof MODES)[number];
  amount?: number;
  atRiskPercent?: number;
  notifyRole?: (typeof NOTIFY)[number];
}
export interface PolicyForm {
  id: string;
  name: string;
  type?: SlaPolicy['match']['type'];
  urgency?: SlaPolicy['match']['urgency'];
  customerTier?: SlaPolicy['match']['customerTier'];
  metrics: Record<SlaMetric, MetricForm>;
}

export const toForm = (p: SlaPolicy): PolicyForm => ({
  id: p.id,
  name: p.name,
  ...p.match,
  metrics: Object.fromEntries(
    SLA_METRICS.map((m) => {
      const v = p.metrics[m];
      if (v === undefined) return [m, { choice: 'inherit' }];
      if (v === null) return [m, { choice: 'off' }];
      return [
        m,
        {
          choice: 'set',
          mode: v.mode,
          amount: v.mode === 'working_days' ? v.days : v.minutes,
          atRiskPercent: v.atRiskPercent,
          notifyRole: v.notifyRole,
        },
      ];
    }),
  ) as PolicyForm['metrics'],
});

export function fromForm(f: PolicyForm): SlaPolicy {
  const match: SlaPolicy['match'] = {};
  if (f.type) match.type = f.type;
  if (f.urgency) match.urgency = f.urgency;
  if (f.customerTier) match.customerTier = f.customerTier;
  const metrics: SlaPolicy['metrics'] = {};
  for (const m of SLA_METRICS) {
    const v = f.metrics[m];
    if (v.choice === 'off') metrics[m] = null;
    if (v.choice === 'set') {
      const common = { atRiskPercent: v.atRiskPercent ?? 80, notifyRole: v.notifyRole ?? 'dispatcher' };
      metrics[m] =
        v.mode === 'working_days'
          ? { mode: 'working_days', days: v.amount ?? 1, ...common }
          : { mode: v.mode ?? 'calendar', minutes: v.amount ?? 60, ...common };
    }
  }
  return { id: f.id.trim(), name: f.name.trim(), match, metrics };
}
