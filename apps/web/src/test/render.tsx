// Component tests without a browser DOM: render to static HTML on the server renderer, in a real
// i18n instance (zh-CN by default) and a memory router, and read the markup back with small helpers.
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import type { Locale } from '@anxin/contracts';
import { resources } from '../i18n/resources.ts';

async function i18nFor(lng: Locale) {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
  return i18n;
}

/** Renders `ui` to HTML as a user of `locale` would see it. */
export async function render(ui: ReactElement, locale: Locale = 'zh-CN'): Promise<string> {
  const i18n = await i18nFor(locale);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter>{ui}</MemoryRouter>
    </I18nextProvider>,
  );
}

/** The opening tag of the element carrying `data-testid="id"` (or null): enough to read attributes. */
export function tagOf(html: string, testId: string): string | null {
  const at = html.indexOf(`data-testid="${testId}"`);
  if (at < 0) return null;
  return html.slice(html.lastIndexOf('<', at), html.indexOf('>', at) + 1);
}

/** The test ids in document order that start with `prefix`. */
export function testIds(html: string, prefix: string): string[] {
  return [...html.matchAll(/data-testid="([^"]+)"/g)].map((m) => m[1]!).filter((id) => id.startsWith(prefix));
}

/** The visible text of the markup (tags dropped, entities for &, <, > and quotes decoded). */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
