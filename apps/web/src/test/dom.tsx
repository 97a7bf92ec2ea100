// Rendered component tests (jsdom, `*.dom.test.tsx`): a page or component inside the app's own
// providers (Ant Design with its zh-CN or English locale, the app's i18next instance and
// resources, React Query), a signed-in user and a memory router, against a mocked API.
import type { ReactElement } from 'react';
import { act, render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes as RouterRoutes } from 'react-router-dom';
import { PERMISSIONS, type Locale, type Me, type Permission } from '@anxin/contracts';
import { AppProviders } from '../app/AppProviders.tsx';
import { SessionProvider } from '../features/auth/index.ts';
import { changeLocale } from '../i18n/index.ts';
import { mockApi, type ApiMock, type Routes } from './mockApi.ts';

export { problem, reply, type Routes, type SentRequest } from './mockApi.ts';

/** A signed-in staff user; every permission unless the test narrows them. */
export function staffMe(over: Partial<Me> = {}): Me {
  return {
    id: 'user-1',
    username: 'tester',
    displayName: '测试员',
    kind: 'staff',
    roles: ['admin'],
    permissions: [...PERMISSIONS] as Permission[],
    scope: { level: 'all', regionCodes: [], outletId: null },
    locale: 'zh-CN',
    csrfToken: 'csrf-test',
    ...over,
  };
}

export interface PageOptions {
  /** API routes the page may call; anything else answers 404 `request.not_found`. */
  api?: Routes;
  locale?: Locale;
  me?: Me;
  /** The URL the page is at, and the route pattern that reads its params (`/settlement/:id`). */
  url?: string;
  path?: string;
}

export interface RenderedPage extends RenderResult {
  user: UserEvent;
  api: ApiMock;
  queryClient: QueryClient;
  /** Switches the whole app's language, as the language menu does. */
  switchLanguage(locale: Locale): Promise<void>;
}

/** The error texts antd shows under the form field labelled `label` (within `container`). */
export function fieldErrors(label: string, container: HTMLElement = document.body): string[] {
  const item = [...container.querySelectorAll('.ant-form-item')].find(
    (el) => el.querySelector('.ant-form-item-label label')?.textContent?.trim() === label,
  );
  if (!item) throw new Error(`no form field labelled ${label}`);
  return [...item.querySelectorAll('.ant-form-item-explain-error')].map((e) => e.textContent ?? '');
}

/** Queries fail at once in tests (no retries with back-off) and keep their data for the test. */
const testQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, gcTime: Infinity },
      mutations: { retry: false },
    },
  });

/** Renders `ui` at `url` as `me` would see it, in `locale` (zh-CN unless told). */
export async function renderPage(ui: ReactElement, opts: PageOptions = {}): Promise<RenderedPage> {
  const api = mockApi(opts.api);
  await act(() => changeLocale(opts.locale ?? 'zh-CN'));
  const queryClient = testQueryClient();
  const url = opts.url ?? '/';
  const result = render(
    <AppProviders queryClient={queryClient}>
      <SessionProvider me={opts.me ?? staffMe()}>
        <MemoryRouter initialEntries={[url]}>
          <RouterRoutes>
            <Route path={opts.path ?? url.split('?')[0]} element={ui} />
          </RouterRoutes>
        </MemoryRouter>
      </SessionProvider>
    </AppProviders>,
  );
  return {
    ...result,
    // antd animates popups in with `pointer-events: none` that jsdom never finishes; users click anyway.
    user: userEvent.setup({ pointerEventsCheck: 0 }),
    api,
    queryClient,
    switchLanguage: (locale) => act(() => changeLocale(locale)),
  };
}
