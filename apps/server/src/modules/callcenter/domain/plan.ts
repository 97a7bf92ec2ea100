import type { CallCenterPolicy, StaffingPlan, StaffingRequest } from '@anxin/contracts';
import type { Refusal } from '../../../platform/http/errors.ts';
import { agentsNeeded, scheduledStaff, trafficIntensity } from './erlang-c.ts';

/** Most agents the planner tries for one interval before calling the target unreachable. */
export const MAX_PLAN_AGENTS = 5000;

export class StaffingRefusal extends Error {
  readonly refusal: Refusal;
  constructor(refusal: Refusal) {
    super(refusal.code);
    this.refusal = refusal;
  }
}

/**
 * Agents per interval by Erlang C for the request, the setting's defaults filling what the request
 * leaves out: on-phone agents N (smallest meeting target SL within T and the occupancy cap) and
 * scheduled staff ⌈N ÷ (1 − shrinkage)⌉, with the achieved SL, ASA and occupancy.
 */
export function planStaffing(req: StaffingRequest, policy: CallCenterPolicy): StaffingPlan {
  const target = req.targetServiceLevelPercent ?? policy.targetServiceLevelPercent;
  const threshold = req.thresholdSeconds ?? policy.serviceLevelSeconds;
  const shrinkage = req.shrinkagePercent ?? policy.shrinkagePercent;
  const maxOcc = req.maxOccupancyPercent ?? policy.maxOccupancyPercent;
  const intervalSeconds = req.intervalMinutes * 60;
  const intervals = req.volumes.map((volume, index) => {
    const traffic = trafficIntensity(volume, req.ahtSeconds, intervalSeconds);
    const s = agentsNeeded({
      traffic,
      ahtSeconds: req.ahtSeconds,
      targetServiceLevel: target / 100,
      thresholdSeconds: threshold,
      maxOccupancy: maxOcc / 100,
      maxAgents: MAX_PLAN_AGENTS,
    });
    if (!s)
      throw new StaffingRefusal({
        code: 'callcenter.target_unreachable',
        params: { interval: index + 1, maxAgents: MAX_PLAN_AGENTS },
      });
    const empty = volume === 0;
    return {
      index,
      volume,
      trafficErlangs: traffic,
      agents: s.agents,
      scheduled: scheduledStaff(s.agents, shrinkage / 100),
      serviceLevel: empty ? null : s.serviceLevel,
      asaSeconds: empty ? null : s.asaSeconds,
      occupancy: empty ? null : s.occupancy,
      waitProbability: empty ? null : s.waitProbability,
    };
  });
  const hours = req.intervalMinutes / 60;
  return {
    intervalMinutes: req.intervalMinutes,
    ahtSeconds: req.ahtSeconds,
    targetServiceLevelPercent: target,
    thresholdSeconds: threshold,
    shrinkagePercent: shrinkage,
    maxOccupancyPercent: maxOcc,
    intervals,
    peakAgents: Math.max(0, ...intervals.map((i) => i.agents)),
    peakScheduled: Math.max(0, ...intervals.map((i) => i.scheduled)),
    agentHours: intervals.reduce((s, i) => s + i.agents * hours, 0),
    scheduledHours: intervals.reduce((s, i) => s + i.scheduled * hours, 0),
  };
}
