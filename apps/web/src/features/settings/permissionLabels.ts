import type { TFunction } from 'i18next';

/**
 * Labels of `resource:action` permissions and roles. i18next reads `:` as a namespace separator,
 * so the locale files nest them (`settings.perm.workorder.create`) and these helpers build the key.
 */
type AnyT = (key: string, opts?: object) => string;

export const resourceOf = (permission: string) => permission.split(':')[0]!;

export function permissionLabel(t: TFunction, permission: string): string {
  const [resource, action] = permission.split(':');
  const key = `settings.perm.${resource}.${action}`;
  const v = (t as unknown as AnyT)(key, { defaultValue: '' });
  return v || permission;
}

export function resourceLabel(t: TFunction, resource: string): string {
  return (t as unknown as AnyT)(`settings.resources.${resource}`, { defaultValue: resource });
}

export function roleLabel(t: TFunction, role: string): string {
  return (t as unknown as AnyT)(`roles.${role}`, { defaultValue: role });
}
