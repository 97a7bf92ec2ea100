import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEFAULT_ROLE_PERMISSIONS, ROLES, type Permission, type Role } from '@anxin/contracts';
import { launchBrowser, shot, signIn, startApp, traceApi, type RunningApp } from '../harness.ts';

/** The menu contract: each entry and the permission (or role) that shows it. */
const MENU: Array<{ key: string; permission?: Permission; role?: Role; hiddenFor?: Role }> = [
  { key: 'dashboard' },
  { key: 'agent-console', permission: 'workorder:create' },
  { key: 'workorders', permission: 'workorder:read' },
  { key: 'dispatch', permission: 'dispatch:assign' },
  // Issue #22 item 7: 线路优化 (day route planning) in the menu.
  { key: 'route-plan', permission: 'routing:plan' },
  { key: 'outlet-desk', role: 'outlet_manager' },
  // Issue #21 item 6: 多品牌收件箱 (other brands' orders for the outlet, answered here).
  { key: 'brand-inbox', permission: 'brandinbox:read' },
  { key: 'outlets', permission: 'outlet:read' },
  { key: 'coverage', permission: 'report:read' },
  { key: 'grading', permission: 'report:read' },
  { key: 'technicians', permission: 'technician:read' },
  { key: 'my-jobs', role: 'technician' },
  { key: 'callbacks', permission: 'callback:read' },
  { key: 'complaints', permission: 'complaint:read' },
  // Technicians reach their parts through the phone's 我的备件, not the warehouse workbench.
  { key: 'parts', permission: 'parts:read', hiddenFor: 'technician' },
  { key: 'my-parts', role: 'technician' },
  // Issue #14: 价格公示 (technicians quote from the order), 三包政策, 退换货.
  { key: 'price-list', permission: 'charges:read', hiddenFor: 'technician' },
  { key: 'warranty', permission: 'warranty:read' },
  { key: 'rma', permission: 'rma:read' },
  // Issue #17: 知识库 (technicians get suggestions on the phone's job card instead).
  { key: 'knowledge', permission: 'knowledge:read', hiddenFor: 'technician' },
  // Issue #17: training (courses, figures) and the technician's 我的培训.
  { key: 'training', permission: 'training:read' },
  { key: 'my-training', role: 'technician' },
  // Issue #16: 销售合同 (contracts, stock check, factory orders, showroom samples).
  { key: 'sales', permission: 'sales:read' },
  // Issue #16: 送货安装 at the desk; the crew works on the phone's 我的送装.
  { key: 'delivery', permission: 'delivery:read', hiddenFor: 'technician' },
  { key: 'my-deliveries', role: 'technician' },
  // Issue #18: 保养计划 (maintenance plans and the orders they generate).
  { key: 'maintenance', permission: 'maintenance:read' },
  // Issue #18 item 2: 设备预警 (alerts from device telemetry, devices, rules).
  { key: 'telemetry', permission: 'telemetry:read' },
  // Issue #18: 服务合同 (service contracts, the entitlement at intake).
  { key: 'servicecontracts', permission: 'servicecontract:read' },
  // Issue #18 item 5: 外呼活动 (campaigns, call lists, the calling screen, results).
  { key: 'campaigns', permission: 'campaigns:read' },
  // Issue #18 item 4: 产品召回 (recalls, contact progress, completion).
  { key: 'recalls', permission: 'recalls:read' },
  // Issue #18 item 6: 客户社群 (referrals, user events, invitations, check-in, figures).
  { key: 'community', permission: 'community:read' },
  // Issue #19 items 1–2: 统计分析 (dashboards per role from the daily rollups, drill-downs, Excel).
  { key: 'analytics', permission: 'analytics:read' },
  // Issue #19 item 3: 故障分析 (Pareto, trends, new-failure alerts, the half-yearly report).
  { key: 'fault-analysis', permission: 'fault_analysis:read' },
  // Issue #19 item 6: 订阅报表 (weekly/monthly reports delivered through the notification channels).
  { key: 'report-subscriptions', permission: 'reports:subscribe' },
  // Issue #18 item 7: 设备与服务运营 (PM compliance, alerts → orders, contracts, recalls, campaigns).
  { key: 'carefigures', permission: 'report:read' },
  // Issue #19: 话务统计 (an agent sees his own calls, a manager everyone's and the planner).
  { key: 'callcenter', permission: 'callcenter:own' },
  { key: 'settlement', permission: 'settlement:read' },
  { key: 'reports', permission: 'report:read' },
];
const SETTINGS: Array<{ key: string; permission: Permission | readonly Permission[] }> = [
  { key: 'settings-users', permission: 'user:read' },
  { key: 'settings-roles', permission: 'role:read' },
  { key: 'settings-calendar', permission: 'calendar:read' },
  // Business settings: whoever may read them all or change any one of them.
  {
    key: 'settings-business',
    permission: [
      'settings:read',
      'settings:manage',
      'sla:manage',
      'calendar:manage',
      'dispatch:assign',
      'grading:manage',
      'settlement:manage',
      'outlet:manage',
    ],
  },
  { key: 'settings-sla', permission: 'sla:read' },
  { key: 'settings-audit', permission: 'audit:read' },
  { key: 'settings-tokens', permission: 'token:manage' },
  // Issue #21: Webhook endpoints and their delivery log.
  { key: 'settings-webhooks', permission: 'webhook:manage' },
  // Issue #21 item 5: notification channels, templates and the delivery log.
  { key: 'settings-notify', permission: 'settings:manage' },
];

function expectedMenu(role: Role): string[] {
  const perms = new Set(DEFAULT_ROLE_PERMISSIONS[role]);
  const top = MENU.filter(
    (m) => m.hiddenFor !== role && (m.role ? m.role === role : !m.permission || perms.has(m.permission)),
  ).map((m) => m.key);
  const settings = SETTINGS.filter((s) =>
    typeof s.permission === 'string' ? perms.has(s.permission) : s.permission.some((p) => perms.has(p)),
  ).map((s) => s.key);
  return [...top, ...(settings.length ? ['settings', ...settings] : [])].sort();
}

let app: RunningApp;
let browser: Browser;
beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('every demo role signs in and sees its menu', () => {
  for (const role of ROLES) {
    it(role, async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
      const page = await context.newPage();
      traceApi(page, app);
      await signIn(page, app.url, role);
      await page.getByTestId('nav-dashboard').waitFor();
      const settings = page.getByTestId('nav-settings');
      if (await settings.count()) await settings.click();
      const keys = await page.$$eval('[data-testid^="nav-"]', (els) =>
        els.map((e) => e.getAttribute('data-testid')!.slice(4)).filter((k) => k !== 'drawer-toggle'),
      );
      expect([...new Set(keys)].sort()).toEqual(expectedMenu(role));
      await shot(page, `menu-${role}`);
      await context.close();
    });
  }

  it('a wrong password shows the translated error and stays on the login page', async () => {
    const page = await browser.newPage();
    traceApi(page, app);
    const consoleErrors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(m.text())));
    await page.goto(`${app.url}/login`);
    await page.getByTestId('login-username').waitFor();
    // Opening the sign-in page logs nothing red (its session probe is not a 401).
    expect(consoleErrors).toEqual([]);
    await page.getByTestId('login-username').fill('agent');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    const alert = page.getByTestId('problem-alert');
    await alert.waitFor();
    expect(await alert.getAttribute('data-code')).toBe('auth.invalid_credentials');
    expect(page.url()).toContain('/login');
    await page.close();
  });
});
