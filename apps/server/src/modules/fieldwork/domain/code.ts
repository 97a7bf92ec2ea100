import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The customer's completion code: six digits sent by SMS to the order's contact phone, read out to
 * the technician. Only a hash salted with the row id is stored; the expiry and the attempt limit
 * are the real defence against guessing.
 */
export const newCompletionCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

export const hashCompletionCode = (id: string, code: string): string =>
  createHash('sha256').update(`field_completion:${id}:${code}`).digest('hex');

export function completionCodeMatches(id: string, code: string, stored: string): boolean {
  const a = Buffer.from(hashCompletionCode(id, code), 'hex');
  const b = Buffer.from(stored, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export const completionSmsText = (number: string, code: string, ttlSeconds: number): string =>
  `【安心售后】工单 ${number} 完工确认码 ${code}，${Math.round(ttlSeconds / 60)} 分钟内有效。请在师傅完成服务后告知。`;

export type CodeRefusal = 'none' | 'expired' | 'attempts_exhausted' | 'wrong';
