import type { ReactNode } from 'react';
import { ConfigProvider } from 'antd';
// The ES modules: `antd/locale/*` are CommonJS re-exports of antd/lib, which bring a second copy
// of the date-picker locales and the CommonJS helpers. en_US is Ant Design's own default and in
// the bundle either way.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { Locale } from '@anxin/contracts';
import { isApiError } from '../api/client.ts';
import { i18n, isLocale, DEFAULT_LOCALE } from '../i18n/index.ts';
import { theme } from './theme.ts';
import { Feedback } from './Feedback.tsx';

const ANTD_LOCALES = { 'zh-CN': zhCN, 'en-US': enUS } satisfies Record<Locale, unknown>;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not change by asking again; network blips and 5xx get two more tries.
        retry: (count, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

/** `useTranslation` re-renders on `languageChanged`, so Ant Design's locale follows i18next. */
function AntdLocale({ children }: { children: ReactNode }) {
  const { i18n: instance } = useTranslation();
  const locale: Locale = isLocale(instance.language) ? instance.language : DEFAULT_LOCALE;
  return (
    <ConfigProvider locale={ANTD_LOCALES[locale]} theme={theme}>
      <Feedback>{children}</Feedback>
    </ConfigProvider>
  );
}

export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <AntdLocale>{children}</AntdLocale>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
