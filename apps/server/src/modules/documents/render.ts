import type { DocumentLocale } from '@anxin/contracts';
import { Sheet } from './layout.ts';
import type { Words } from './locale.ts';

/** What every builder needs besides its data: language, company, font, time and print stamp. */
export interface Print {
  locale: DocumentLocale;
  words: Words;
  company: string;
  font: Buffer;
  /** When it is printed (the injected clock). */
  at: Date;
  /** "Printed by … at …, document …" in the footer of every page. */
  stamp: string;
}

export const openSheet = (p: Print, title: string): Sheet =>
  new Sheet(p.font, { title, author: p.company, at: p.at });

export const meta = (p: Print, label: string, value: string): string => `${label}${p.words.colon}${value}`;

/** An instant as Beijing wall-clock time, `YYYY-MM-DD HH:mm`; empty for none. */
export const beijing = (iso: string | null | undefined): string =>
  iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '';

export const beijingDate = (iso: string | null | undefined): string => beijing(iso).slice(0, 10);

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿'];

/** An amount in Chinese financial capitals (人民币大写), as receipts print it: 壹佰贰拾叁元伍角整. */
export function rmbUpper(fen: number): string {
  if (fen === 0) return '零元整';
  const neg = fen < 0 ? '负' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const jiao = Math.floor(abs / 10) % 10;
  const f = abs % 10;
  let out = '';
  let zero = false;
  const groups = String(yuan)
    .replace(/\B(?=(\d{4})+$)/g, ',')
    .split(',');
  groups.forEach((g, gi) => {
    const gIdx = groups.length - 1 - gi;
    let part = '';
    const digits = g.padStart(4, '0').split('').map(Number);
    digits.forEach((d, i) => {
      if (d === 0) zero = part !== '' || out !== '';
      else {
        if (zero) part += '零';
        zero = false;
        part += DIGITS[d]! + UNITS[3 - i]!;
      }
    });
    if (part) out += part + GROUPS[gIdx]!;
  });
  out = yuan > 0 ? `${out}元` : '';
  if (jiao === 0 && f === 0) return `${neg}${out}整`;
  const tail = (jiao ? DIGITS[jiao] + '角' : yuan > 0 ? '零' : '') + (f ? DIGITS[f] + '分' : '');
  return `${neg}${out}${tail}${f ? '' : '整'}`;
}
