import type { Permission } from '@anxin/contracts';

/** Whoever holds this permission can give every other permission back: the administrator's key. */
export const ADMINISTRATOR_PERMISSION: Permission = 'role:manage';

export type RoleEditRefusal =
  | { code: 'identity.role_lockout'; params: { role: string } }
  | { code: 'identity.last_administrator'; params: { permission: string } };

/**
 * Guard rails on replacing a role's permissions: a role left with nothing locks its users out of
 * everything, and an edit after which no active user holds `role:manage` leaves nobody able to
 * undo it. Pure: the caller passes every role's permissions and the active users per role.
 */
export function roleEditRefusal(
  role: string,
  next: readonly Permission[],
  roles: ReadonlyArray<{ role: string; permissions: readonly Permission[] }>,
  activeUsersByRole: Readonly<Record<string, number>>,
): RoleEditRefusal | null {
  if (next.length === 0) return { code: 'identity.role_lockout', params: { role } };
  const administered = roles.some((r) => {
    const perms = r.role === role ? next : r.permissions;
    return perms.includes(ADMINISTRATOR_PERMISSION) && (activeUsersByRole[r.role] ?? 0) > 0;
  });
  return administered
    ? null
    : { code: 'identity.last_administrator', params: { permission: ADMINISTRATOR_PERMISSION } };
}
