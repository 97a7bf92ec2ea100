import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@anxin/contracts';
import { settingsEnUS } from './locales/en-US.ts';
import { settingsZhCN } from './locales/zh-CN.ts';

// Permissions are shown by name (roles page, token dialog): none may fall back to its code.
describe('permission labels', () => {
  it.each([
    ['zh-CN', settingsZhCN],
    ['en-US', settingsEnUS],
  ])('every permission has a %s label', (_, locale) => {
    const perm = locale.perm as Record<string, Record<string, string> | undefined>;
    const missing = PERMISSIONS.filter((p) => {
      const [resource, action] = p.split(':') as [string, string];
      return !perm[resource]?.[action];
    });
    expect(missing).toEqual([]);
  });
});
