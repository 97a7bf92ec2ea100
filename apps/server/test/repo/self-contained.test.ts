// Issue 11 §10: a clone with nothing beside it must pass `npm test` and `npm run bench`. No source,
// script, config or data file may reach outside the repository for the project's shared folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

// Spelled in pieces so this file does not match itself.
const SHARED = 'shared';
const FORBIDDEN = [
  new RegExp(`\\.\\./${SHARED}\\b`),
  new RegExp(`/work/${SHARED}\\b`),
  // A comment citing the shared folder's documents instead of docs/ in the repository.
  new RegExp(`(^|[^\\w./-])${SHARED}/(benchmarks|calendar|hooks|domain-standards|STYLE)\\b`),
];

/** Not the project's own files, or generated. */
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'coverage', 'test-results', 'screenshots']);
/** Prose may mention where data came from; only files that run or configure may not point there. */
const PROSE = /\.(md|txt|csv)$/i;

/** Every file under `root` (outside skipped dirs and prose) whose text points outside the repository. */
export function outsideReferences(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.cache')) walk(full);
        continue;
      }
      if (!entry.isFile() || PROSE.test(entry.name)) continue;
      const stat = fs.statSync(full);
      if (stat.size > 2_000_000) continue;
      const text = fs.readFileSync(full, 'utf8');
      if (text.includes('\u0000')) continue; // binary
      text.split('\n').forEach((line, i) => {
        if (FORBIDDEN.some((re) => re.test(line)))
          found.push(`${path.relative(root, full)}:${i + 1}: ${line.trim()}`);
      });
    }
  };
  walk(root);
  return found;
}

describe('the repository is self-contained', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-self-contained-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('finds a reference outside the repository in code, but not in prose or node_modules', () => {
    fs.mkdirSync(path.join(tmp, 'src'));
    fs.mkdirSync(path.join(tmp, 'node_modules'));
    fs.writeFileSync(path.join(tmp, 'src', 'a.ts'), `const d = '../../${SHARED}/benchmarks';\n`);
    fs.writeFileSync(path.join(tmp, 'src', 'b.mjs'), `// see /work/${SHARED}/x\nexport {};\n`);
    fs.writeFileSync(
      path.join(tmp, 'src', 'c.ts'),
      `/** GB/T 27922 (${SHARED}/domain-standards.md §1.3) */\n`,
    );
    fs.writeFileSync(
      path.join(tmp, 'src', 'ok.ts'),
      `const sharedState = 1; // shared by all, see docs/domain-standards.md, components/${SHARED}/x\n`,
    );
    fs.writeFileSync(path.join(tmp, 'README.md'), `Copied from /work/${SHARED}/benchmarks.\n`);
    fs.writeFileSync(path.join(tmp, 'node_modules', 'c.js'), `'../${SHARED}'\n`);
    expect(outsideReferences(tmp).map((l) => l.split(':').slice(0, 2).join(':'))).toEqual([
      'src/a.ts:1',
      'src/b.mjs:1',
      'src/c.ts:1',
    ]);
  });

  it('no code, config, script or data file in the repository reads the shared folder', () => {
    expect(outsideReferences(REPO_ROOT)).toEqual([]);
  });
});
