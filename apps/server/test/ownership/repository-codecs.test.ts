import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SRC } from './scan.ts';

// STYLE.md rule 2 / issue #11 item 7: repositories return domain objects (camelCase, decoded JSON,
// booleans), so decoding stored JSON and turning 0/1 columns into booleans happens only in
// `*.repository.ts` and the codecs they use (`*.codec.ts`, `*-codec.ts`). The files that still do it elsewhere are listed below; the list may only
// shrink. A file that parses input that never came from the database is exempt with a reason.
const EXEMPT: Record<string, string> = {
  'portal/portal.routes.ts': 'parses the multipart `request` field of an HTTP request',
  'workorders/workorders.list-query.ts': 'decodes the opaque list cursor of an HTTP request',
};

/** Files still decoding rows outside a repository: delete an entry once its file is clean. */
const NOT_YET_MOVED: string[] = [];

const MODULES = path.join(SRC, 'modules');

/** Row decoding: JSON.parse, and 0/1 flags read from or written to a snake_case column. */
const DECODES: readonly RegExp[] = [
  /\bJSON\.parse\(/,
  /\.[a-z][a-z0-9]*_[a-z0-9_]+\s*[!=]==\s*[01]\b/, // row.low_volume === 1
  // !!row.portal_rated (only on a row: `!!order.appointment_start` is a null check on a text column)
  /!!\s*(?:row|r)\.[a-z][a-z0-9]*_[a-z0-9_]+\b/,
  /\b[a-z][a-z0-9]*_[a-z0-9_]+:\s*[^,\n]*\?\s*1\s*:\s*0\b/, // { low_volume: s.lowVolume ? 1 : 0 }
];

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walk(p) : [p];
  });
}

/** Production module sources other than repositories and test support, with their offending lines. */
function decoders(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of walk(MODULES)) {
    const rel = path.relative(MODULES, file).split(path.sep).join('/');
    if (
      !rel.endsWith('.ts') ||
      rel.endsWith('.test.ts') ||
      rel.endsWith('.repository.ts') ||
      /[.-]codec\.ts$/.test(rel)
    )
      continue;
    if (rel.split('/').some((p) => p === 'testing' || p === 'testing.ts')) continue;
    const hits = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (DECODES.some((re) => re.test(line)) ? [`${rel}:${i + 1}: ${line.trim()}`] : []));
    if (hits.length) found.set(rel, hits);
  }
  return found;
}

describe('repository codecs', () => {
  it('decodes JSON and 0/1 flags only in repositories', () => {
    const allowed = new Set([...Object.keys(EXEMPT), ...NOT_YET_MOVED]);
    const unlisted = [...decoders()]
      .filter(([file]) => !allowed.has(file))
      .flatMap(([, hits]) => hits.map((h) => `${h}  (decode in the repository and return a domain object)`));
    expect(unlisted).toEqual([]);
  });

  it('lists only files that still need their entry', () => {
    const found = decoders();
    const stale = [...Object.keys(EXEMPT), ...NOT_YET_MOVED].filter((file) => !found.has(file));
    expect(stale).toEqual([]);
  });
});
