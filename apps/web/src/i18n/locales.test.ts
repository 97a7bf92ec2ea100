import { describe, expect, it } from 'vitest';
import {
  DATA_SCOPES,
  ERROR_CODES,
  ERROR_PARAMS,
  FIELD_RULES,
  FIELD_RULE_NAMES,
  LOCALES,
  RESOURCES,
  ROLES,
  resourceKey,
} from '@anxin/contracts';
import { resources } from './resources.ts';
import { SUPPORTED_LOCALES } from './supported.ts';
import { NAVIGATION, flattenNavigation } from '../app/navigation.ts';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(path, v);
    else for (const [p, s] of leaves(v, path)) out.set(p, s);
  }
  return out;
}

const byLocale = Object.fromEntries(
  LOCALES.map((l) => [l, leaves(resources[l].translation as unknown as Tree)]),
) as Record<(typeof LOCALES)[number], Map<string, string>>;
const [base, ...others] = LOCALES;

const placeholders = (s: string): string[] =>
  [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();

describe('locales', () => {
  it('supports exactly the contracts locales', () => expect([...SUPPORTED_LOCALES]).toEqual([...LOCALES]));

  it.each(others)('%s has exactly the same keys as the default locale', (locale) => {
    const a = [...byLocale[base].keys()].sort();
    const b = [...byLocale[locale].keys()].sort();
    expect(b).toEqual(a);
  });

  it.each(LOCALES)('%s has no empty values', (locale) => {
    const empty = [...byLocale[locale]].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it.each(others)('%s uses the same interpolation placeholders', (locale) => {
    const mismatched = [...byLocale[base]]
      .filter(([k, v]) => placeholders(v).join() !== placeholders(byLocale[locale].get(k) ?? '').join())
      .map(([k]) => k);
    expect(mismatched).toEqual([]);
  });

  it.each(LOCALES)('%s translates every error code in ERROR_STATUS', (locale) => {
    const missing = ERROR_CODES.filter((code) => !byLocale[locale].has(`errors.${code}`));
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('%s words every field rule in FIELD_RULES', (locale) => {
    const missing = FIELD_RULE_NAMES.filter((rule) => !byLocale[locale].has(`validation.${rule}`));
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('%s names every resource a not-found can name', (locale) => {
    const missing = RESOURCES.filter((r) => !byLocale[locale].has(`resources.${resourceKey(r)}`));
    expect(missing).toEqual([]);
  });

  // A translation may only use parameters its code or rule declares (plus `status`, which the
  // client adds), so a renamed parameter cannot leave a raw `{{orderNo}}` on screen.
  it.each(LOCALES)('%s uses only declared parameters in error and rule texts', (locale) => {
    const declared = (spec: object, extra: string[] = []) => new Set([...Object.keys(spec), ...extra]);
    const stray: string[] = [];
    for (const code of ERROR_CODES) {
      const text = byLocale[locale].get(`errors.${code}`) ?? '';
      const ok = declared(ERROR_PARAMS[code], ['status']);
      for (const p of placeholders(text)) if (!ok.has(p)) stray.push(`errors.${code}: ${p}`);
    }
    for (const [key, text] of byLocale[locale]) {
      if (!key.startsWith('validation.')) continue;
      const name = key.slice('validation.'.length);
      const rule = FIELD_RULE_NAMES.find((r) => name === r || name.startsWith(`${r}_`));
      if (!rule) {
        stray.push(`${key}: not a registered rule`);
        continue;
      }
      const ok = declared(FIELD_RULES[rule]);
      for (const p of placeholders(text)) if (!ok.has(p)) stray.push(`${key}: ${p}`);
    }
    expect(stray).toEqual([]);
  });

  it.each(LOCALES)('%s names every role and data scope', (locale) => {
    const missing = [...ROLES.map((r) => `roles.${r}`), ...DATA_SCOPES.map((s) => `scopes.${s}`)].filter(
      (k) => !byLocale[locale].has(k),
    );
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('%s labels every navigation item', (locale) => {
    const missing = flattenNavigation(NAVIGATION)
      .flatMap((item) => [item.labelKey, item.labelKey.replace(/^nav\./, 'navHints.')])
      .filter((k) => !byLocale[locale].has(k));
    expect(missing).toEqual([]);
  });
});
