import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * The vendored Noto Sans SC subset (GB 2312 + every character of the demo and the UI; see
 * apps/server/assets/fonts/README.md). Resolved from this file, so it is found from source (tsx)
 * and under vitest alike.
 */
export const VENDORED_FONT = fileURLToPath(
  new URL('../../../assets/fonts/NotoSansSC-Regular-Anxin.otf', import.meta.url),
);

/** OpenType (CFF), TrueType and Apple TrueType signatures; a collection (ttcf) needs a face name. */
const SINGLE_FONT_MAGIC = ['4f54544f', '00010000', '74727565'];

const cache = new Map<string, Promise<Buffer>>();

async function readFont(path: string): Promise<Buffer> {
  const buf = await readFile(path);
  if (!SINGLE_FONT_MAGIC.includes(buf.subarray(0, 4).toString('hex')))
    throw new Error('not a single OpenType/TrueType font (a .ttc collection is not supported)');
  return buf;
}

/**
 * The font documents are drawn with: the file the `documents.policy` setting names, when it is a
 * readable single font; otherwise (logged once per path, as an error an operator acts on) the
 * vendored one, with an error logged for every document printed so. Good fonts are read once.
 */
export async function documentFont(
  override: string,
  logger: { error(obj: object, msg: string): void },
): Promise<Buffer> {
  const path = override.trim();
  if (path) {
    try {
      return await once(path);
    } catch (err) {
      // Not cached: a file put right is picked up by the next document.
      cache.delete(path);
      logger.error(
        { err, fontPath: path, fallback: VENDORED_FONT },
        'documents.policy fontPath is unreadable or not a font; printing with the vendored font',
      );
    }
  }
  return once(VENDORED_FONT);
}

function once(path: string): Promise<Buffer> {
  let p = cache.get(path);
  if (!p) {
    p = readFont(path);
    cache.set(path, p);
  }
  return p;
}

/** Tests: forget the cached fonts. */
export function resetFontCache(): void {
  cache.clear();
}
