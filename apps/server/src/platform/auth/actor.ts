import type { DataScope, Permission, Role } from '@anxin/contracts';

/** Who is making a request, resolved once per request from a session cookie or an API token. */
export interface Actor {
  kind: 'user' | 'customer' | 'token';
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

export const can = (actor: Actor | null | undefined, p: Permission): boolean => !!actor?.permissions.has(p);
