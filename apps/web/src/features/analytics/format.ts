import type { AnalyticsCounts, AnalyticsView, Role } from '@anxin/contracts';

/** A rate 0..1 as a percentage with one decimal; '—' without a denominator. */
export const pct = (n: number, d: number): string => (d > 0 ? `${Math.round((n / d) * 1000) / 10}%` : '—');

export const rates = (c: AnalyticsCounts) => ({
  responseRate: pct(c.responseMet, c.responseMet + c.responseMissed),
  resolutionRate: pct(c.resolutionMet, c.resolutionMet + c.resolutionMissed),
  firstTimeFixRate: pct(c.firstTimeFix, c.repairsClosed),
  satisfactionRate: pct(c.callbacksSatisfied, c.callbacks),
});

/** The dashboard a role opens on (the others stay one click away). */
export function defaultView(roles: readonly Role[]): AnalyticsView {
  if (roles.includes('manager') || roles.includes('admin')) return 'manager';
  if (roles.includes('quality')) return 'quality';
  if (roles.includes('dispatcher')) return 'dispatcher';
  if (roles.includes('finance')) return 'finance';
  if (roles.includes('outlet_manager')) return 'outlet';
  return 'manager';
}

export type Section =
  | 'volume'
  | 'sla'
  | 'quality'
  | 'parts'
  | 'trend'
  | 'map'
  | 'outlets'
  | 'technicians'
  | 'categories'
  | 'channels';

/** What each role's dashboard shows, in order (one page, role-dependent sections). */
export const SECTIONS: Record<AnalyticsView, Section[]> = {
  manager: [
    'volume',
    'sla',
    'quality',
    'parts',
    'trend',
    'map',
    'outlets',
    'technicians',
    'categories',
    'channels',
  ],
  dispatcher: ['volume', 'sla', 'trend', 'map', 'channels', 'outlets'],
  quality: ['quality', 'sla', 'trend', 'outlets', 'technicians', 'categories'],
  outlet: ['volume', 'sla', 'quality', 'trend', 'technicians', 'categories'],
  finance: ['parts', 'volume', 'trend', 'outlets', 'categories'],
};
