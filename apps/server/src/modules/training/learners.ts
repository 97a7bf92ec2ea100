import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { ActorScope } from '../../platform/auth/actor.ts';
import { rolesOfUsers } from '../identity/index.ts';
import { technicianRoster } from '../network/index.ts';
import type { LearnerFacts } from './domain/rules.ts';

export interface Learner extends LearnerFacts {
  name: string;
  outletName: string | null;
  userId: string | null;
}

/**
 * Every active technician as assignment targets see them: their outlet and, when they sign in,
 * the roles of their user account (a role assignment reaches the technicians holding the role).
 * With a scope, only the technicians the actor may see.
 */
export async function activeLearners(db: Kysely<Database>, scope?: ActorScope): Promise<Learner[]> {
  const roster = (await technicianRoster(db, scope)).filter((t) => t.active);
  const roles = await rolesOfUsers(
    db,
    roster.map((t) => t.userId).filter((u): u is string => !!u),
  );
  return roster.map((t) => ({
    technicianId: t.id,
    name: t.name,
    outletId: t.outletId,
    outletName: t.outletName,
    userId: t.userId,
    roles: (t.userId && roles.get(t.userId)) || [],
  }));
}
