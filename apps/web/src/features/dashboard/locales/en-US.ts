import type { dashboardZhCN } from './zh-CN.ts';

export const dashboardEnUS: typeof dashboardZhCN = {
  greeting: 'Hello, {{name}}',
  subtitle: 'Welcome back to Anxin. Here is what you can work on.',
  account: 'Account',
  roles: 'Roles',
  scope: 'Data scope',
  quickLinks: 'Shortcuts',
  noQuickLinks: 'Your account has no features assigned yet. Please contact your administrator.',
};
