import { tokenize } from './tokenize.ts';

/**
 * Query expansion by synonym groups (不制冷 = 不冷 = 制冷差): when the query contains a term of a
 * group, the other terms' words are searched too, at `weight` of an original word, so an article
 * that uses the customer's own words still ranks first. Original words keep weight 1.
 */
export function expandQuery(
  query: string,
  groups: readonly (readonly string[])[],
  weight = 0.8,
): Map<string, number> {
  const terms = new Map<string, number>();
  for (const t of tokenize(query)) terms.set(t, 1);
  const q = query.normalize('NFKC').toLowerCase();
  for (const group of groups) {
    if (!group.some((g) => q.includes(g.normalize('NFKC').toLowerCase()))) continue;
    for (const g of group) for (const t of tokenize(g)) if (!terms.has(t)) terms.set(t, weight);
  }
  return terms;
}
