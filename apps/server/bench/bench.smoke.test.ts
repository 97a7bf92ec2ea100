// `npm run bench -- --smoke` inside the test suite, so the harness never rots. Mechanics only: every
// endpoint ran (or is honestly reported as not built yet) with no errors and no non-2xx
// responses, the ceiling was measured and the report was written. Never asserts speed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_PG_URL, usePostgres } from '../test/pg.ts';
import { runBench } from './run.ts';

const dialect = usePostgres() ? 'postgres' : 'sqlite';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-bench-smoke-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The test server's PostgreSQL, in the bench's own databases: never the `test` database itself. */
function benchPgUrl(): string {
  const u = new URL(TEST_PG_URL);
  u.pathname = '/anxin_bench_smoke';
  return u.toString();
}

describe(`bench --smoke (${dialect})`, () => {
  it('drives every endpoint and the bare ceiling through real server processes and writes the report', async () => {
    const out = path.join(tmp, 'out');
    // The dataset cache is the bench's own (git-ignored): the 2,000-order build is reused across runs.
    const { report, files } = await runBench([
      '--smoke',
      '--databases',
      dialect,
      '--out',
      out,
      '--pg-url',
      benchPgUrl(),
    ]);

    expect(files.every((f) => fs.existsSync(f))).toBe(true);
    expect(fs.readFileSync(path.join(out, 'results.md'), 'utf8')).toContain('# Anxin HTTP benchmark');
    expect(JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')).runs).toHaveLength(1);
    expect(report.skipped).toEqual([]);

    const run = report.runs[0]!;
    expect(run.error).toBeNull();
    for (const c of [run.ceiling.insert, run.ceiling.read]) {
      expect(c?.requests).toBeGreaterThan(0);
      expect([c?.errors, c?.non2xx]).toEqual([0, 0]);
    }
    // Same-work ceilings: the bare server answered the scenarios' own requests.
    for (const name of ['create', 'list.queue', 'detail']) {
      const sw = run.ceiling.sameWork?.[name];
      expect(sw?.result.requests, name).toBeGreaterThan(0);
      expect([sw?.result.errors, sw?.result.non2xx], name).toEqual([0, 0]);
    }
    expect(fs.readFileSync(path.join(out, 'results.md'), 'utf8')).toContain('÷ same-work ceiling');
    const generated = run.dataset.generator === 'scale-seed';
    for (const e of run.endpoints) {
      const what = `${e.name}: ${e.status} ${e.note ?? ''} ${e.result?.firstFailure ?? ''}`;
      expect(
        e.status === 'ok' || e.status === 'not built yet' || (!generated && e.status === 'unavailable'),
        what,
      ).toBe(true);
      if (e.status !== 'ok') continue;
      expect(e.result!.requests, what).toBeGreaterThan(0);
      expect([e.result!.errors, e.result!.non2xx], what).toEqual([0, 0]);
    }
    if (generated)
      expect(run.endpoints.filter((e) => e.status === 'ok').map((e) => e.name)).toEqual(
        expect.arrayContaining([
          'create',
          'list.queue',
          'list.deep',
          'detail',
          'dispatch',
          'complete',
          'lookup',
        ]),
      );
  }, 180_000);
});
