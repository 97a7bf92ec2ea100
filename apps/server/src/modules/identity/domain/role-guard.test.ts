import { describe, expect, it } from 'vitest';
import { roleEditRefusal } from './role-guard.ts';

const roles = [
  { role: 'admin', permissions: ['role:manage', 'settings:manage'] as const },
  { role: 'agent', permissions: ['workorder:read'] as const },
  { role: 'manager', permissions: ['role:read'] as const },
];

describe('roleEditRefusal', () => {
  it('refuses to leave a role without any permission', () => {
    expect(roleEditRefusal('agent', [], roles, { admin: 1, agent: 3 })).toEqual({
      code: 'identity.role_lockout',
      params: { role: 'agent' },
    });
  });

  it('refuses to take role:manage from the only role whose active users hold it', () => {
    expect(roleEditRefusal('admin', ['settings:manage'], roles, { admin: 1 })).toEqual({
      code: 'identity.last_administrator',
      params: { permission: 'role:manage' },
    });
  });

  it('allows it when another role with active users keeps role:manage', () => {
    const next = roles.map((r) =>
      r.role === 'manager' ? { ...r, permissions: ['role:manage'] as const } : r,
    );
    expect(roleEditRefusal('admin', ['settings:manage'], next, { admin: 1, manager: 1 })).toBeNull();
    // ...but not when that role has no active user.
    expect(roleEditRefusal('admin', ['settings:manage'], next, { admin: 1, manager: 0 })).not.toBeNull();
  });

  it('allows ordinary edits', () => {
    expect(roleEditRefusal('agent', ['workorder:read', 'customer:read'], roles, { admin: 1 })).toBeNull();
  });
});
