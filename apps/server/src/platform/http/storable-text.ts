import type { FastifyInstance } from 'fastify';
import { isStorableText } from '@anxin/contracts';
import { refuse } from './errors.ts';

/**
 * The path (`items.0.name`, `(key) meta.a`) of the first string or object key in `value` that
 * neither database stores faithfully, or null. Iterative, so a deeply nested body cannot
 * overflow the stack.
 */
export function firstUnstorable(value: unknown, root: string): string | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isStorableText(v)) return path || root;
      continue;
    }
    if (v === null || typeof v !== 'object' || Buffer.isBuffer(v)) continue;
    for (const [k, child] of Object.entries(v)) {
      const at = path ? `${path}.${k}` : k;
      if (!isStorableText(k)) return at;
      stack.push([child, at]);
    }
  }
  return null;
}

/** The refusal for unstorable text at `path` (400, nothing changed). */
export const unstorableText = (path: string) =>
  refuse('request.unstorable_text', {}, { path, detail: `${path}: NUL or a lone UTF-16 surrogate` });

/** Throws `request.unstorable_text` naming the field when `value` holds unstorable text. */
export function assertStorable(value: unknown, root: string): void {
  const path = firstUnstorable(value, root);
  if (path !== null) throw unstorableText(path);
}

/**
 * Every route, before its schema runs: path parameters, query and parsed body may not carry NUL
 * or lone surrogates (PostgreSQL would answer 500, SQLite would store them). Multipart files are
 * streamed by their routes; the attachment store checks file names itself.
 */
export function guardStorableText(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    assertStorable(req.params, 'params');
    assertStorable(req.query, 'query');
    assertStorable(req.body, 'body');
  });
}
