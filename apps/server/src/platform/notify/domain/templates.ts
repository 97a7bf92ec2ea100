import { NOTIFY_EVENTS, NOTIFY_FALLBACK_LOCALE, NOTIFY_LOCALES, type NotifyLocale } from '@anxin/contracts';

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** The placeholder names a text uses, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Placeholders an event fills (empty for an unknown event). */
export const placeholdersOf = (event: string): readonly string[] =>
  (NOTIFY_EVENTS as Record<string, readonly string[]>)[event] ?? [];

export const isNotifyEvent = (event: string): boolean => event in NOTIFY_EVENTS;

/** A template field that uses placeholders its event does not fill (`{{` alone counts as one). */
export interface PlaceholderIssue {
  path: 'subject' | 'body';
  unknown: string[];
}

/**
 * Checked when an admin saves a template, so a send never meets a placeholder nobody fills: every
 * `{{name}}` must be one the event provides, and braces must be well formed.
 */
export function templateIssues(event: string, t: { subject: string; body: string }): PlaceholderIssue[] {
  const allowed = placeholdersOf(event);
  return (['subject', 'body'] as const).flatMap((path) => {
    const text = t[path];
    const unknown = placeholdersIn(text).filter((p) => !allowed.includes(p));
    if (/\{\{|\}\}/.test(text.replace(PLACEHOLDER, ''))) unknown.push('{{ }}');
    return unknown.length ? [{ path, unknown }] : [];
  });
}

export class MissingPlaceholderError extends Error {
  readonly missing: string[];

  constructor(missing: string[]) {
    super(`no value for ${missing.map((m) => `{{${m}}}`).join(', ')}`);
    this.missing = missing;
    this.name = 'MissingPlaceholderError';
  }
}

/** Fills `{{name}}` from `params`; a placeholder without a value is an error, never an empty hole. */
export function render(text: string, params: Readonly<Record<string, string>>): string {
  const missing = placeholdersIn(text).filter((p) => params[p] === undefined);
  if (missing.length) throw new MissingPlaceholderError(missing);
  return text.replace(PLACEHOLDER, (_m, name: string) => params[name]!);
}

/** A recipient's locale if there is a template for it, else the fallback (zh-CN). */
export function localeFor(wanted: string | null | undefined): NotifyLocale {
  return (NOTIFY_LOCALES as readonly string[]).includes(wanted ?? '')
    ? (wanted as NotifyLocale)
    : NOTIFY_FALLBACK_LOCALE;
}

/** Sample values for the preview: the placeholder's own name in brackets, e.g. `[number]`. */
export const sampleParams = (event: string): Record<string, string> =>
  Object.fromEntries(placeholdersOf(event).map((p) => [p, `[${p}]`]));
