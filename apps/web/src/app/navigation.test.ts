import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLE_PERMISSIONS, PERMISSIONS, ROLES, type Role } from '@anxin/contracts';
import {
  NAVIGATION,
  canAccess,
  flattenNavigation,
  menuItemForPath,
  parentKeysOf,
  visibleLeaves,
  visibleNavigation,
  type Viewer,
} from './navigation.ts';

const viewerFor = (role: Role): Viewer => ({
  roles: [role],
  permissions: [...DEFAULT_ROLE_PERMISSIONS[role]],
});
const keys = (role: Role): string[] =>
  flattenNavigation(visibleNavigation(viewerFor(role))).map((i) => i.key);

describe('navigation', () => {
  it('has unique keys and paths', () => {
    const all = flattenNavigation();
    expect(new Set(all.map((i) => i.key)).size).toBe(all.length);
    expect(new Set(all.map((i) => i.path)).size).toBe(all.length);
  });

  it('only references known permissions', () => {
    for (const item of flattenNavigation()) {
      if (item.permission) expect(PERMISSIONS).toContain(item.permission);
    }
  });

  it('shows the dashboard to everyone, even without permissions', () => {
    expect(flattenNavigation(visibleNavigation({ roles: [], permissions: [] })).map((i) => i.key)).toEqual([
      'dashboard',
    ]);
  });

  it('shows the admin everything except the role-only pages (technician H5 jobs, parts, training; outlet desk)', () => {
    const all = flattenNavigation()
      .filter((i) => !i.hideInMenu)
      .map((i) => i.key);
    expect(keys('admin')).toEqual(
      all.filter((k) => !['my-jobs', 'my-parts', 'my-training', 'my-deliveries', 'outlet-desk'].includes(k)),
    );
    expect(keys('outlet_manager')).toContain('outlet-desk');
  });

  it('builds role menus from default permissions', () => {
    expect(keys('agent')).toEqual([
      'dashboard',
      'agent-console',
      'workorders',
      'outlets',
      'price-list',
      'rma',
      'knowledge',
      'sales',
      'delivery',
      // 保养计划 to read (maintenance:read).
      'maintenance',
      // 设备预警 to read (telemetry:read).
      'telemetry',
      // 服务合同 to read, and the entitlement at intake (servicecontract:read).
      'servicecontracts',
      // 外呼活动: agents work the call lists (campaigns:read, campaigns:call).
      'campaigns',
      // 产品召回 to read and to record calls to owners (recalls:read, recalls:call).
      'recalls',
      // 客户社群: agents take referrals and event registrations (community:read, community:manage).
      'community',
      // Their own call figures (callcenter:own).
      'callcenter',
      'settings',
      'settings-calendar',
      'settings-sla',
    ]);
    // The phone's van stock, not the desktop parts workbench (still routable, out of the menu).
    expect(keys('technician')).toEqual([
      'dashboard',
      'workorders',
      'my-jobs',
      'my-parts',
      'my-training',
      'my-deliveries',
    ]);
    expect(keys('outlet_manager')).toContain('parts');
    expect(keys('warehouse')).toEqual([
      'dashboard',
      'workorders',
      'outlets',
      'technicians',
      'parts',
      'rma',
      'sales',
    ]);
    expect(keys('finance')).toEqual([
      'dashboard',
      'workorders',
      'outlets',
      'coverage',
      'grading',
      'price-list',
      // 服务合同 to read (billing schedules).
      'servicecontracts',
      // 设备与服务运营: contract revenue and margin among the figures (report:read).
      'carefigures',
      // 统计分析: the finance dashboard (parts consumption, volumes).
      'analytics',
      // 订阅报表 (reports:subscribe): the installed-base figures every month.
      'report-subscriptions',
      'settlement',
      'reports',
      // Finance edits the fee schedule in the one business-settings area.
      'settings',
      'settings-business',
    ]);
    expect(keys('dispatcher')).toContain('dispatch');
    expect(keys('dispatcher')).toContain('maintenance');
    expect(keys('manager')).toContain('maintenance');
    expect(keys('dispatcher')).toContain('settings-business');
    expect(keys('quality')).toEqual(
      expect.arrayContaining(['callbacks', 'complaints', 'reports', 'campaigns', 'community']),
    );
    expect(keys('manager')).toContain('campaigns');
    expect(keys('manager')).toContain('community');
    for (const role of ['technician', 'finance', 'warehouse', 'dispatcher', 'outlet_manager'] as const)
      expect(keys(role)).not.toContain('community');
    // 设备与服务运营 for report readers; not for agents or outlet managers.
    expect(keys('manager')).toContain('carefigures');
    expect(keys('quality')).toContain('carefigures');
    expect(keys('outlet_manager')).not.toContain('carefigures');
    // 统计分析 (analytics:read): every office role but the agent, the warehouse and technicians.
    for (const role of ['manager', 'dispatcher', 'quality', 'outlet_manager', 'finance'] as const)
      expect(keys(role)).toContain('analytics');
    for (const role of ['agent', 'warehouse', 'technician'] as const)
      expect(keys(role)).not.toContain('analytics');
    // 故障分析 (fault_analysis:read): quality and management, not the desk.
    expect(keys('quality')).toContain('fault-analysis');
    expect(keys('manager')).toContain('fault-analysis');
    expect(keys('agent')).not.toContain('fault-analysis');
    // 订阅报表 (reports:subscribe): quality, finance and management.
    for (const role of ['quality', 'finance', 'manager'] as const)
      expect(keys(role)).toContain('report-subscriptions');
    expect(keys('agent')).not.toContain('report-subscriptions');
  });

  it('hides a group whose children are all inaccessible', () => {
    expect(keys('technician')).not.toContain('settings');
    expect(
      canAccess(
        NAVIGATION.find((i) => i.key === 'settings')!,
        viewerFor('technician'),
      ),
    ).toBe(false);
  });

  it('gives every role at least the dashboard', () => {
    for (const role of ROLES) expect(keys(role)[0]).toBe('dashboard');
  });

  it('lists shortcuts without groups', () => {
    const leaves = visibleLeaves(viewerFor('manager')).map((i) => i.key);
    expect(leaves).not.toContain('settings');
    expect(leaves).toContain('settings-audit');
  });

  it('routes detail pages without listing them in the menu', () => {
    const detail = flattenNavigation().find((i) => i.key === 'workorder-detail')!;
    expect(detail.hideInMenu).toBe(true);
    expect(keys('agent')).not.toContain('workorder-detail');
    expect(menuItemForPath('/workorders/01a2-xyz')?.key).toBe('workorders');
  });

  it('highlights the menu entry for nested paths', () => {
    expect(menuItemForPath('/')?.key).toBe('dashboard');
    expect(menuItemForPath('/workorders')?.key).toBe('workorders');
    expect(menuItemForPath('/workorders/0192/edit')?.key).toBe('workorders');
    expect(menuItemForPath('/settings/roles/')?.key).toBe('settings-roles');
    expect(menuItemForPath('/settings')?.key).toBe('settings');
    expect(menuItemForPath('/workordersX')).toBeUndefined();
    expect(menuItemForPath('/nope')).toBeUndefined();
  });

  it('finds the open submenus for a key', () => {
    expect(parentKeysOf('settings-audit')).toEqual(['settings']);
    expect(parentKeysOf('workorders')).toEqual([]);
    expect(parentKeysOf('missing')).toEqual([]);
  });
});

describe('in-app links', () => {
  it('every literal link target starts with a route the app has (no /work-orders/… dead ends)', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const root = path.resolve(import.meta.dirname, '..');
    const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter(
      (f) => f.endsWith('.tsx') && !f.includes('.test.'),
    );
    const known = new Set([
      ...flattenNavigation().map((i) => i.path.split('/')[1]),
      // Outside the staff menu: sign-in, the portal, rating links and card verification.
      'login',
      'portal',
      'rate',
      'cards',
    ]);
    const bad: string[] = [];
    for (const f of files) {
      const text = fs.readFileSync(path.join(root, f), 'utf8');
      for (const m of text.matchAll(/(?:to=\{?[`"']|navigate\([`'])\/([a-z-]+)/g))
        if (!known.has(m[1]!)) bad.push(`${f}: /${m[1]}`);
    }
    expect(bad).toEqual([]);
  });
});
