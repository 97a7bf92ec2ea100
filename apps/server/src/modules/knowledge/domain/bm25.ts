/** A term's postings: document id → term frequency. */
export type Postings = Map<string, Map<string, number>>;

export interface Bm25Input {
  /** Query terms with their weight (synonym expansions weigh less). */
  terms: Map<string, number>;
  postings: Postings;
  docLength: Map<string, number>;
  docCount: number;
  avgLength: number;
  k1: number;
  b: number;
}

/**
 * Okapi BM25 (Robertson–Zaragoza, with the +1 idf that never goes negative). Scored in TypeScript
 * over the index rows so SQLite and PostgreSQL rank identically; ties break by document id.
 */
export function bm25(input: Bm25Input): { id: string; score: number; matched: string[] }[] {
  const { terms, postings, docLength, docCount, avgLength, k1, b } = input;
  const scores = new Map<string, { score: number; matched: string[] }>();
  for (const [term, weight] of terms) {
    const docs = postings.get(term);
    if (!docs?.size) continue;
    const idf = Math.log(1 + (docCount - docs.size + 0.5) / (docs.size + 0.5));
    for (const [id, tf] of docs) {
      const len = docLength.get(id) ?? avgLength;
      const part = (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * len) / (avgLength || 1)));
      const s = scores.get(id) ?? { score: 0, matched: [] };
      s.score += weight * part;
      s.matched.push(term);
      scores.set(id, s);
    }
  }
  return [...scores]
    .map(([id, s]) => ({ id, score: round(s.score), matched: s.matched }))
    .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1));
}

/** "This solved it" votes lift an article: × (1 + boost · ln(1 + net helpful)). */
export function feedbackFactor(helpful: number, unhelpful: number, boost: number): number {
  return 1 + boost * Math.log(1 + Math.max(0, helpful - unhelpful));
}

/** Rounded so floating-point summation order never reorders equal scores across databases. */
export const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * A document is an answer only if it matches a word of two or more characters (or a code such as
 * `e1`): single characters (不, 回, 花) still add to the score, but alone they match by accident
 * (花 of 花洒 for 电视机花屏), and such a search must count as one without an answer.
 */
export const hasAnchorTerm = (matched: readonly string[]) => matched.some((t) => [...t].length >= 2);
