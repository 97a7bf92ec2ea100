import type { DeliveryPolicy } from '@anxin/contracts';
import type { Location, Plan, RoutingInstance } from '../../routing/index.ts';

export interface PlanStop {
  id: string;
  lat: number | null;
  lng: number | null;
  slot: { start: string; end: string };
  /** A crew already chosen for it (the plan keeps it there). */
  crewId: string | null;
}
export interface PlanCrew {
  id: string;
}

const minuteOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const hhmmOf = (minute: number): string => {
  const m = Math.max(0, Math.min(24 * 60 - 1, Math.round(minute)));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};
const crewSkill = (id: string) => `crew:${id}`;

/**
 * One day's deliveries as an instance of the routing optimiser (modules/routing): each crew is a
 * "technician" whose working day is the policy's crew shift, each address a job to start inside its
 * agreed slot. Addresses without coordinates sit at the centre of the known ones (the plan says
 * so), and so do the crews' starting points: the warehouse is not on the map yet.
 */
export function dayInstance(
  stops: readonly PlanStop[],
  crews: readonly PlanCrew[],
  policy: Pick<DeliveryPolicy, 'visitMinutes' | 'crewShift'>,
  travel: { roadFactor: number; speedKmh: number },
): { instance: RoutingInstance; approximate: Set<string> } {
  const known = stops.filter((s) => s.lat !== null && s.lng !== null);
  const centre: Location = known.length
    ? {
        lat: known.reduce((a, s) => a + s.lat!, 0) / known.length,
        lng: known.reduce((a, s) => a + s.lng!, 0) / known.length,
      }
    : { lat: 0, lng: 0 };
  const approximate = new Set(stops.filter((s) => s.lat === null || s.lng === null).map((s) => s.id));
  return {
    approximate,
    instance: {
      name: 'delivery day',
      jobs: stops.map((s) => ({
        id: s.id,
        location: approximate.has(s.id) ? centre : { lat: s.lat!, lng: s.lng! },
        windows: [{ start: minuteOf(s.slot.start), end: minuteOf(s.slot.end) }],
        serviceDuration: policy.visitMinutes,
        ...(s.crewId ? { skills: [crewSkill(s.crewId)] } : {}),
      })),
      technicians: crews.map((c) => ({
        id: c.id,
        start: centre,
        shift: { start: minuteOf(policy.crewShift.start), end: minuteOf(policy.crewShift.end) },
        skills: [crewSkill(c.id)],
      })),
      travel: {
        kind: 'haversine',
        roadFactor: travel.roadFactor,
        speedKmh: travel.speedKmh,
        minutesPerTimeUnit: 1,
      },
    },
  };
}

/** Each planned booking's crew, place in the route and planned start; and what did not fit. */
export function assignmentsOf(plan: Plan): {
  planned: { bookingId: string; crewId: string; seq: number; start: string }[];
  unplanned: { bookingId: string; reason: string }[];
} {
  const planned = plan.routes.flatMap((r) =>
    r.stops.map((s, i) => ({
      bookingId: s.jobId,
      crewId: r.technicianId,
      seq: i + 1,
      start: hhmmOf(s.start),
    })),
  );
  return { planned, unplanned: plan.unassigned.map((u) => ({ bookingId: u.jobId, reason: u.reason })) };
}
