import type { DispatchMode, DispatchPolicy } from '@anxin/contracts';
import { regionPrefix } from './rank.ts';

export const DISPATCH_POLICY_KEY = 'dispatch.policy';

/** Defaults: 30 business minutes to accept, every region dispatched by hand until configured. */
export const DEFAULT_DISPATCH_POLICY: DispatchPolicy = {
  acceptanceMinutes: 30,
  defaultMode: 'manual',
  regionModes: {},
  redoToSameOutlet: true,
};

/** The mode for an order's region: the most specific configured code that covers it wins. */
export function modeFor(policy: DispatchPolicy, region: string | null): DispatchMode {
  if (!region) return policy.defaultMode;
  const target = regionPrefix(region);
  let best: { len: number; mode: DispatchMode } | null = null;
  for (const [code, mode] of Object.entries(policy.regionModes)) {
    const p = regionPrefix(code);
    if (target.startsWith(p) && (!best || p.length > best.len)) best = { len: p.length, mode };
  }
  return best?.mode ?? policy.defaultMode;
}
