import type { settingsZhCN } from './zh-CN.ts';

export const settingsEnUS: typeof settingsZhCN = {
  title: 'Settings',
  subtitle: 'Manage users, roles and the business calendar; review the audit log.',
};
