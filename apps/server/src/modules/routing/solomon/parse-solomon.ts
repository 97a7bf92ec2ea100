import type { RoutingInstance } from '../domain/types.ts';

/**
 * Parses the standard Solomon text format (CRLF or LF): a VEHICLE section with NUMBER and CAPACITY,
 * then a CUSTOMER table whose row 0 is the depot; the depot's ready/due times are every shift.
 */
export function parseSolomon(text: string): RoutingInstance {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const name = lines[0] ?? '';
  const numeric = (l: string) => l.split(/\s+/).map(Number);
  const vehicleAt = lines.findIndex((l) => l.toUpperCase() === 'VEHICLE');
  const fleetRow = lines.slice(vehicleAt + 1).find((l) => /^\d/.test(l));
  const customerAt = lines.findIndex((l) => l.toUpperCase() === 'CUSTOMER');
  if (vehicleAt < 0 || customerAt < 0 || !fleetRow) throw new Error(`${name}: not a Solomon instance`);
  const [count = 0, capacity = 0] = numeric(fleetRow);
  const rows = lines
    .slice(customerAt + 1)
    .filter((l) => /^\d/.test(l))
    .map(numeric);
  const [depot, ...customers] = rows;
  if (!depot || depot.length < 7) throw new Error(`${name}: missing depot row`);
  const [, dx = 0, dy = 0, , ready = 0, due = 0] = depot;
  return {
    name,
    travel: { kind: 'euclidean' },
    technicians: Array.from({ length: count }, (_, k) => ({
      id: `vehicle-${k + 1}`,
      start: { x: dx, y: dy },
      shift: { start: ready, end: due },
      capacity,
    })),
    jobs: customers.map(([id = 0, x = 0, y = 0, demand = 0, open = 0, close = 0, service = 0]) => ({
      id: String(id),
      location: { x, y },
      demand,
      windows: [{ start: open, end: close }],
      serviceDuration: service,
    })),
  };
}
