/**
 * Two-character windows ("bigrams") of names, for substring search through an index: 王小明 →
 * 王小, 小明. A query of two or more characters matches a customer only if all its bigrams do;
 * the caller then confirms the real substring. Case and whitespace are ignored.
 */
const clean = (s: string): string[] => [...s.toLowerCase().replace(/\s+/g, '')];

export function nameBigrams(...texts: Array<string | null | undefined>): string[] {
  const out = new Set<string>();
  for (const t of texts) {
    const c = t ? clean(t) : [];
    for (let i = 0; i + 1 < c.length; i++) out.add(c[i]! + c[i + 1]!);
  }
  return [...out];
}

export const containsName = (haystack: string, needle: string): boolean =>
  clean(haystack).join('').includes(clean(needle).join(''));
