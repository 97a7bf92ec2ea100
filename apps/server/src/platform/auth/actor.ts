import type { DataScope, Permission, Role } from '@anxin/contracts';
import { SYSTEM, type EventActor } from '../events/append.ts';

/** Who is making a request, resolved once per request from a session cookie or an API token. */
export interface Actor {
  kind: 'user' | 'customer' | 'token' | 'system';
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: ReadonlySet<Permission>;
  scope: ActorScope;
  /** Set for cookie sessions: writes must echo it in `x-csrf-token`. */
  csrfToken: string | null;
  customerId: string | null;
  locale: string;
}

export interface ActorScope {
  level: DataScope;
  regionCodes: string[];
  outletId: string | null;
  userId: string;
}

/** Jobs and seeds act as the system; its events carry actor_kind 'system'. */
export const SYSTEM_ACTOR_ID = null;

/**
 * The actor background jobs act as (offer time-outs, SLA escalation): every permission, every
 * record, admin role so the transition table lets it take any step; events record kind 'system'.
 */
export function systemActor(permissions: Iterable<Permission>): Actor {
  return {
    kind: 'system',
    userId: '',
    username: 'system',
    displayName: 'System',
    roles: ['admin'],
    permissions: new Set(permissions),
    scope: { level: 'all', regionCodes: [], outletId: null, userId: '' },
    csrfToken: null,
    customerId: null,
    locale: 'zh-CN',
  };
}

export const can = (actor: Actor | null | undefined, p: Permission): boolean => !!actor?.permissions.has(p);

/**
 * Who an event records as having acted: the one mapping from a request's actor to the events
 * table's actor. The system (jobs, sweeps, seeds) is recorded as `system` with no id, never as a
 * user; staff sessions as `user`, API tokens as `token`, portal customers as `customer`.
 */
export const eventActorOf = (a: Actor): EventActor =>
  a.kind === 'system' ? SYSTEM : { id: a.userId, kind: a.kind };
