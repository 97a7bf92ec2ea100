import type { TFunction } from 'i18next';

// Keys built from setting paths and option values; the typed `t` cannot check them, so a missing
// one shows the raw segment (and the locale test lists what the registered settings need).
type Translate = (key: string, options?: Record<string, unknown>) => string;
const loose = (t: TFunction): Translate => t as unknown as Translate;
const MISSING = '\u0000missing';

function firstOf(t: TFunction, keys: string[], fallback: string): string {
  for (const k of keys) {
    const s = loose(t)(k, { defaultValue: MISSING });
    if (s !== MISSING) return s;
  }
  return fallback;
}

/** The label of one path segment (`acceptanceMinutes`, `zh-CN`). */
export const segmentLabel = (t: TFunction, seg: string): string =>
  firstOf(t, [`settings.field.${seg}`, `languages.${seg}`], seg);

/** A field's label from its path: each segment is translated (`settings.field.<segment>`). */
export function fieldLabelOf(t: TFunction, path: string): string {
  const segs = path ? path.split('.') : ['value'];
  return segs.map((s) => segmentLabel(t, s)).join(' · ');
}

/** The words for an option value (`pool`, `key_account`, a role, a department). */
export const optionLabel = (t: TFunction, value: string): string =>
  firstOf(t, [`settings.option.${value}`, `roles.${value}`], value);
