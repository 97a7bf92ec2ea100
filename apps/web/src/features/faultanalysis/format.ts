/** A key's name in the page's language (English falls back to Chinese where none was given). */
export const nameOf = (x: { nameZh: string; nameEn: string }, language: string): string =>
  language === 'en-US' ? x.nameEn || x.nameZh : x.nameZh;

/** A share 0..1 as a percentage with one decimal. */
export const pct = (v: number): string => `${Math.round(v * 1000) / 10}%`;
