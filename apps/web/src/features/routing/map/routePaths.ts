import type { RoutePlanView } from '@anxin/contracts';
import { bj } from '../time.ts';

export interface RouteStopPoint {
  lat: number;
  lng: number;
  /** 1-based visiting order; 0 is the technician's start. */
  n: number;
  /** Lines of the tooltip: number, customer · address, time. */
  lines: string[];
}

export interface RoutePath {
  name: string;
  points: RouteStopPoint[];
}

type Route = Pick<RoutePlanView['routes'][number], 'technicianId' | 'stops'>;

/** Each technician's day as a path: his start, then his visits in order (those with coordinates). */
export function routePaths(plan: RoutePlanView, routes: Route[], startWord: string): RoutePath[] {
  const jobs = new Map(plan.jobs.map((j) => [j.orderId, j]));
  const techs = new Map(plan.technicians.map((t) => [t.id, t]));
  return routes
    .filter((r) => r.stops.length)
    .map((r) => {
      const tech = techs.get(r.technicianId);
      const name = tech?.name ?? r.technicianId;
      const points: RouteStopPoint[] = [];
      if (tech?.start) points.push({ ...tech.start, n: 0, lines: [`${name} · ${startWord}`] });
      r.stops.forEach((s, i) => {
        const j = jobs.get(s.orderId);
        if (!j || j.lat === null || j.lng === null) return;
        const who = [j.customer, j.address].filter(Boolean).join(' · ');
        const when = `${bj(s.start).format('HH:mm')}–${bj(s.end).format('HH:mm')}`;
        points.push({ lat: j.lat, lng: j.lng, n: i + 1, lines: [`${i + 1}. ${j.number}`, who, when] });
      });
      return { name, points };
    });
}

/** One colour per technician, the same on the plot and on the map. */
export const ROUTE_COLOURS = ['#1677ff', '#52c41a', '#fa8c16', '#eb2f96', '#722ed1', '#13c2c2', '#a0d911'];
