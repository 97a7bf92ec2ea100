import type { ParticipantRole } from '../escalation.schema.ts';

/** Who each tier is (issue #6 part 4). Tier 1 is the assigned technician: nobody new joins. */
export const TIER_ROLES: Record<2 | 3 | 4, readonly ParticipantRole[]> = {
  2: ['outlet_senior', 'dealer'],
  3: ['field_engineer'],
  4: ['expert'],
};

export interface Pickable {
  userId: string;
  name: string;
  load: number;
}

/** The least loaded person; ties go to the lowest user id so the choice is stable. */
export function leastLoaded<T extends Pickable>(people: readonly T[]): T | null {
  let best: T | null = null;
  for (const p of people)
    if (!best || p.load < best.load || (p.load === best.load && p.userId < best.userId)) best = p;
  return best;
}
