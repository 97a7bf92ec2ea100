import type { DispatchMode, DispatchPolicy } from '@anxin/contracts';
import { regionPrefix } from './rank.ts';

export const DISPATCH_POLICY_KEY = 'dispatch.policy';

/** Defaults: 30 business minutes to accept, every region dispatched by hand until configured. */
export const DEFAULT_DISPATCH_POLICY: DispatchPolicy = {
  acceptanceMinutes: 30,
  defaultMode: 'manual',
  regionModes: {},
  redoToSameOutlet: true,
  redoToSameOutletRegions: {},
};

/** The most specific configured region code covering `region`, or undefined. */
function mostSpecific<T>(map: Record<string, T>, region: string | null): T | undefined {
  if (!region) return undefined;
  const target = regionPrefix(region);
  let best: { len: number; value: T } | undefined;
  for (const [code, value] of Object.entries(map)) {
    const p = regionPrefix(code);
    if (target.startsWith(p) && (!best || p.length > best.len)) best = { len: p.length, value };
  }
  return best?.value;
}

/** Whether a redo of an order in this region goes back to its outlet and technician. */
export function redoGoesBack(policy: DispatchPolicy, region: string | null): boolean {
  return mostSpecific(policy.redoToSameOutletRegions ?? {}, region) ?? policy.redoToSameOutlet;
}

/** The mode for an order's region: the most specific configured code that covers it wins. */
export function modeFor(policy: DispatchPolicy, region: string | null): DispatchMode {
  return mostSpecific(policy.regionModes, region) ?? policy.defaultMode;
}
