import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import type { Locale } from '@anxin/contracts';
import { SUPPORTED_LOCALES as LOCALES } from './supported.ts';
import type { Messages } from './messages.zh-CN.ts';
import { phoneAppOf } from '../pwa/register.ts';

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
/**
 * Each locale's messages are chunks of their own, fetched only when that locale is used: a zh-CN
 * phone never downloads the English strings. The phone apps first fetch the part they show
 * (messages.m.* for the technician, messages.phone.* for the portal) and render; the rest is merged in after, in the background.
 */
type Part = 'm' | 'phone' | 'full';
type Bundle = Partial<Messages>;
// A part may hold some sections of a namespace only (the technician's `parts.field`, the first
// `errors`): i18next
// merges bundles deeply, so the rest of `parts` arrives with the full messages.
const someOf = (part: object): Bundle => part as Bundle;
const LOADERS: Record<Locale, Record<Part, () => Promise<Bundle>>> = {
  'zh-CN': {
    m: () => import('./messages.m.zh-CN.ts').then((m) => someOf(m.mZhCN)),
    phone: () => import('./messages.phone.zh-CN.ts').then((m) => someOf(m.phoneZhCN)),
    full: () => import('./messages.zh-CN.ts').then((m) => m.zhCN),
  },
  'en-US': {
    m: () => import('./messages.m.en-US.ts').then((m) => someOf(m.mEnUS)),
    phone: () => import('./messages.phone.en-US.ts').then((m) => someOf(m.phoneEnUS)),
    full: () => import('./messages.en-US.ts').then((m) => m.enUS),
  },
};
const loaded = new Set<string>();

/** Whether all of a locale's messages are loaded. */
export const messagesLoaded = (locale: Locale): boolean => loaded.has(`${locale}:full`);

export async function loadMessages(locale: Locale, part: Part = 'full'): Promise<void> {
  if (loaded.has(`${locale}:full`) || loaded.has(`${locale}:${part}`)) return;
  const bundle = await LOADERS[locale][part]();
  i18n.addResourceBundle(locale, 'translation', bundle, true, true);
  loaded.add(`${locale}:${part}`);
}

export async function changeLocale(locale: Locale): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice still applies for this page.
  }
  await loadMessages(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
  applySideEffects(locale);
}

const initialLocale = storedLocale();

void i18n.use(initReactI18next).init({
  resources: {},
  partialBundledLanguages: true,
  lng: initialLocale,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false }, // React escapes already.
  initAsync: false,
  // Re-render when the rest of the messages arrive after a phone app's first render.
  react: { bindI18nStore: 'added' },
});

/** Resolves once the messages of the starting locale are in: render after it, never before. */
export const i18nReady: Promise<void> = (async () => {
  const app = typeof window !== 'undefined' ? phoneAppOf(window.location.pathname) : null;
  // The technician's app (`m`) and the portal each start with the messages their first page shows.
  await loadMessages(initialLocale, app ? (app.id === 'm' ? 'm' : 'phone') : 'full');
  applySideEffects(initialLocale);
  // Offline without the chunk cached: the phone part is enough to work with.
  if (app) void loadMessages(initialLocale, 'full').catch(() => undefined);
})();

export { i18n };
