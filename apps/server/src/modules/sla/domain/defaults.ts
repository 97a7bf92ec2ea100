import type { SlaPolicySet } from '@anxin/contracts';

/**
 * The policies a fresh installation starts with. They are defaults of the `sla.policies` setting,
 * edited through the API; no figure here is read by the logic except as this fallback. Equally
 * specific policies are tried in list order, so consult (no visit) is listed before critical.
 */
export const DEFAULT_SLA_POLICIES: SlaPolicySet = {
  policies: [
    {
      id: 'default',
      name: '默认服务时限',
      match: {},
      metrics: {
        first_contact: { mode: 'business_hours', minutes: 5, atRiskPercent: 80, notifyRole: 'agent' },
        response: { mode: 'calendar', minutes: 24 * 60, atRiskPercent: 80, notifyRole: 'dispatcher' },
        arrival: { mode: 'calendar', minutes: 48 * 60, atRiskPercent: 80, notifyRole: 'outlet_manager' },
        resolution: { mode: 'working_days', days: 3, atRiskPercent: 80, notifyRole: 'outlet_manager' },
      },
    },
    {
      id: 'consult',
      name: '咨询（无上门）',
      match: { type: 'consult' },
      metrics: {
        arrival: null,
        resolution: { mode: 'working_days', days: 1, atRiskPercent: 80, notifyRole: 'agent' },
      },
    },
    {
      id: 'critical',
      name: '紧急工单',
      match: { urgency: 'critical' },
      metrics: {
        response: { mode: 'calendar', minutes: 4 * 60, atRiskPercent: 75, notifyRole: 'dispatcher' },
        arrival: { mode: 'calendar', minutes: 24 * 60, atRiskPercent: 75, notifyRole: 'outlet_manager' },
      },
    },
  ],
};
