import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { Locale } from '@anxin/contracts';
import { isApiError } from '../api/client.ts';
import { i18n, isLocale, DEFAULT_LOCALE } from '../i18n/index.ts';
import { theme } from './theme.ts';

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
      <AntApp>{children}</AntApp>
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
