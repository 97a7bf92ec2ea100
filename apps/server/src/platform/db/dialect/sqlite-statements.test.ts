import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CachingSqlite } from './sqlite-statements.ts';

describe('SQLite statement cache', () => {
  it('reuses a statement per SQL text, keeps at most `size` and drops the least recently used', () => {
    const c = new CachingSqlite(new SQLite(':memory:'), 2);
    const a = c.prepare('select 1 as x');
    expect(c.prepare('select 1 as x')).toBe(a);
    c.prepare('select 2 as x');
    c.prepare('select 1 as x'); // touch: "select 2" is now the oldest
    c.prepare('select 3 as x');
    expect(c.cached).toBe(2);
    expect(c.prepare('select 1 as x')).toBe(a);
    expect(c.hits).toBe(3);
    expect(c.misses).toBe(3);
    c.prepare('select 2 as x');
    expect(c.misses).toBe(4);
    c.close();
  });

  it('gives a fresh statement while the cached one is still iterating', () => {
    const c = new CachingSqlite(new SQLite(':memory:'), 10);
    const sql = 'select value from json_each(?)';
    const it1 = c.prepare(sql).iterate(['[1,2,3]'])[Symbol.iterator]();
    expect(it1.next().value).toEqual({ value: 1 });
    expect(c.prepare(sql).all(['[7]'])).toEqual([{ value: 7 }]);
    expect(it1.next().value).toEqual({ value: 2 });
    it1.return?.();
    c.close();
  });
});
