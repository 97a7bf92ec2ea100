import { describe, expect, it } from 'vitest';
import { App } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { CustomerDetail, Me, Permission } from '@anxin/contracts';
import { render, tagOf, textOf } from '../../../test/render.tsx';
import { SessionProvider } from '../../auth/index.ts';
import { PrivacyActions } from './PrivacyActions.tsx';

const me = (permissions: Permission[]): Me => ({
  id: 'u1',
  username: 'admin',
  displayName: '管理员',
  kind: 'staff',
  roles: ['admin'],
  permissions,
  scope: { level: 'all', regionCodes: [], outletId: null },
  locale: 'zh-CN',
  csrfToken: 'x',
});

const customer = (erasedAt: string | null): CustomerDetail => ({
  id: 'c1',
  kind: 'individual',
  name: erasedAt ? '（已匿名）' : '王小明',
  companyName: null,
  tier: 'standard',
  note: null,
  phones: [],
  addresses: [],
  mergedIntoId: null,
  erasedAt,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  version: 1,
  products: [],
});

const view = (permissions: Permission[], erasedAt: string | null, locale: 'zh-CN' | 'en-US' = 'zh-CN') =>
  render(
    <QueryClientProvider client={new QueryClient()}>
      <SessionProvider me={me(permissions)}>
        <App>
          <PrivacyActions customer={customer(erasedAt)} />
        </App>
      </SessionProvider>
    </QueryClientProvider>,
    locale,
  );

describe('customer privacy actions', () => {
  it('offers export and erasure to staff holding customer:privacy, in both locales', async () => {
    const zh = await view(['customer:privacy'], null);
    expect(tagOf(zh, 'customer-export-personal-data')).not.toBeNull();
    expect(textOf(zh)).toContain('导出个人信息');
    expect(textOf(zh)).toContain('删除个人信息');
    const en = await view(['customer:privacy'], null, 'en-US');
    expect(textOf(en)).toContain('Export personal data');
    expect(textOf(en)).toContain('Erase personal data');
  });

  it('shows nothing without the permission, and only a tag once erased', async () => {
    expect(tagOf(await view(['customer:read'], null), 'customer-erase')).toBeNull();
    const erased = await view(['customer:privacy'], '2026-11-22T02:00:00Z');
    expect(tagOf(erased, 'customer-erase')).toBeNull();
    expect(textOf(erased)).toBe('个人信息已删除');
  });
});
