import { describe, expect, it } from 'vitest';
import { render, tagOf, textOf } from '../../../test/render.tsx';
import type { UserView } from '../api.ts';
import { SignInStatus } from './SignInStatus.tsx';

const user = (signIn: UserView['signIn']): UserView => ({
  id: 'u1',
  username: 'agent7',
  displayName: '王五',
  kind: 'staff',
  roles: ['agent'],
  scopeLevel: 'all',
  outletId: null,
  active: true,
  signIn,
});
const noop = () => undefined;

describe('sign-in status on the users page', () => {
  it('shows a running delay with its end (Beijing time) and the unlock button for administrators', async () => {
    const u = user({ failures: 7, sources: 2, blockedUntil: '2026-11-20T02:05:00.000Z' });
    const zh = await render(<SignInStatus user={u} canUnlock unlocking={false} onUnlock={noop} />);
    expect(textOf(zh)).toContain('部分来源受限至 10:05:00');
    expect(textOf(zh)).toContain('近期密码错误 7 次（2 个来源）');
    expect(tagOf(zh, 'user-unlock-agent7')).not.toBeNull();
    const en = await render(<SignInStatus user={u} canUnlock unlocking={false} onUnlock={noop} />, 'en-US');
    expect(textOf(en)).toContain('Some sources delayed until 10:05:00');
    expect(textOf(en)).toContain('Lift limits');
  });

  it('offers no unlock without the permission, and shows normal accounts as normal', async () => {
    const u = user({ failures: 3, sources: 1, blockedUntil: null });
    const html = await render(<SignInStatus user={u} canUnlock={false} unlocking={false} onUnlock={noop} />);
    expect(tagOf(html, 'user-unlock-agent7')).toBeNull();
    expect(tagOf(html, 'user-throttled-agent7')).toBeNull();
    const fine = await render(<SignInStatus user={user(null)} canUnlock unlocking={false} onUnlock={noop} />);
    expect(textOf(fine)).toBe('正常');
    expect(tagOf(fine, 'user-unlock-agent7')).toBeNull();
  });
});
