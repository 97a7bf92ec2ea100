/** Fen → yuan text with two decimals, from integers only (1234567 → "12,345.67"; ¥ added by the caller's text). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** Yuan typed in a form → integer fen (rounded to the fen, never a float on the wire). */
export const toFen = (yuanValue: number): number => Math.round(yuanValue * 100);
