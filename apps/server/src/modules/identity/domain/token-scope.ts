import type { Permission } from '@anxin/contracts';
import type { Refusal } from '../../../platform/http/errors.ts';

/** A token never manages tokens: a leaked token must not be able to mint or hide others. */
export const TOKEN_MANAGE: Permission = 'token:manage';

/** Why a token may not be granted `requested` by an owner holding `owner` (null: it may). */
export function tokenScopeRefusal(
  requested: readonly Permission[],
  owner: ReadonlySet<Permission>,
): Refusal | null {
  if (requested.includes(TOKEN_MANAGE)) return { code: 'identity.token_cannot_manage_tokens', params: {} };
  const missing = requested.find((p) => !owner.has(p));
  return missing ? { code: 'identity.token_scope_exceeded', params: { permission: missing } } : null;
}

/**
 * What a token may do now: what it was granted and its owner still holds (a role edit narrows
 * every token at once), never token management. Tokens made before scopes (`null`) keep the
 * owner's permissions.
 */
export function tokenPermissions(
  granted: readonly Permission[] | null,
  owner: ReadonlySet<Permission>,
): Set<Permission> {
  const base = granted ?? [...owner];
  return new Set(base.filter((p) => owner.has(p) && p !== TOKEN_MANAGE));
}
