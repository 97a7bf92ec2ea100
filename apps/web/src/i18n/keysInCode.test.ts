import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@anxin/contracts';
import { resources } from './resources.ts';

// Every key the code names literally (`t('a.b')`, `i18n.t('a.b')`, `i18nKey="a.b"`) must exist in
// every locale. The typed `t` catches most of these at compile time, but not keys reached through
// a cast, `i18n.t` in plain modules or a test's own instance; this catches them all, and it keeps
// pruning honest: a key removed from a locale while still in use fails here.
const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'locales' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });

/** The keys named literally in the source, each with a file that names it. */
function keysInCode(): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*(['"])([A-Za-z][\w-]*(?:\.[\w-]+)+)\1|i18nKey="([^"]+)"/g))
      out.set(m[2] ?? m[3]!, path.relative(SRC, file));
  }
  return out;
}

type Tree = { [key: string]: string | Tree };
const lookup = (tree: Tree, key: string): string | Tree | undefined =>
  key
    .split('.')
    .reduce<string | Tree | undefined>((o, k) => (o && typeof o === 'object' ? o[k] : undefined), tree);

/** A key exists as a string, as plural forms (`_one`, `_other`) or as an object (`returnObjects`). */
function has(tree: Tree, key: string): boolean {
  if (lookup(tree, key) !== undefined) return true;
  return ['_zero', '_one', '_other'].some((s) => typeof lookup(tree, key + s) === 'string');
}

describe('keys used in code', () => {
  const used = keysInCode();

  it('finds the literal keys of the app (the scan itself works)', () => {
    expect(used.size).toBeGreaterThan(500);
    expect(used.get('settings.business.saved')).toMatch(/useSettingDialog\.ts$/);
  });

  it.each(LOCALES)('%s has every key the code names', (locale) => {
    const tree = resources[locale].translation as unknown as Tree;
    const missing = [...used].filter(([k]) => !has(tree, k)).map(([k, file]) => `${k} (${file})`);
    expect(missing).toEqual([]);
  });
});
