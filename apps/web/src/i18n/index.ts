import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import type { Locale } from '@anxin/contracts';
import { SUPPORTED_LOCALES as LOCALES } from './supported.ts';
import { resources } from './resources.ts';

export const DEFAULT_LOCALE: Locale = 'zh-CN';
const STORAGE_KEY = 'anxin.locale';
const DAYJS_LOCALE: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

export const isLocale = (v: unknown): v is Locale => (LOCALES as readonly unknown[]).includes(v);

function storedLocale(): Locale {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(v) ? v : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

function applySideEffects(locale: Locale): void {
  dayjs.locale(DAYJS_LOCALE[locale]);
  // No document when components are rendered to HTML in tests (src/test/render.tsx).
  if (typeof document === 'undefined') return;
  document.documentElement.lang = locale;
  document.title = i18n.t('brand.name') + ' · ' + i18n.t('brand.latin');
}

/**
 * Switches i18next, dayjs and the document language and remembers the choice on this device.
 * Ant Design's locale follows through `AppProviders` (it re-renders on `languageChanged`).
 * Persisting to the user's profile (`PATCH /api/v1/me`) is the auth feature's job.
 */
export async function changeLocale(locale: Locale): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice still applies for this page.
  }
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
  applySideEffects(locale);
}

const initialLocale = storedLocale();

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLocale,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false }, // React escapes already.
  initAsync: false, // Resources are bundled; be ready before the first render.
});
applySideEffects(initialLocale);

export { i18n };
