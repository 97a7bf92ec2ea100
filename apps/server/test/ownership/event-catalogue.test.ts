import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/database.ts';
import { appendEvent, SYSTEM } from '../../src/platform/events/append.ts';
import { catalogued, type EventType } from '../../src/platform/events/catalogue.ts';
import { loadCatalogues } from './catalogues.ts';

const SRC = path.resolve(import.meta.dirname, '../../src');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walk(p) : [p];
  });
}

/** Source ranges of `appendEvent(…)` calls: there the compiler checks a type against the catalogue. */
function appendSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(/\bappendEvent\(/g)) {
    let i = m.index + m[0].length;
    for (let depth = 1; depth > 0 && i < text.length; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')') depth--;
    }
    spans.push([m.index, i]);
  }
  return spans;
}

const sources = () =>
  walk(SRC).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.events.ts'));
const at = (file: string, text: string, index: number) =>
  `${path.relative(SRC, file)}:${text.slice(0, index).split('\n').length}`;

// STYLE.md: event types are matched through their module's catalogue, never as bare strings.
describe('event catalogues', () => {
  let types: ReadonlyMap<string, string>;
  beforeAll(async () => {
    await loadCatalogues();
    types = catalogued();
  });

  it('declares the event types the core loop reads', () => {
    for (const t of [
      'workorder.created',
      'workorder.transitioned',
      'callback.outcome_recorded',
      'complaint.opened',
      'complaint.attitude_changed',
      'fieldwork.diagnosed',
      'sla.breached',
      'setting.changed',
    ])
      expect(types.has(t), t).toBe(true);
  });

  it('matches no catalogued type by a bare string outside its catalogue', () => {
    const bare: string[] = [];
    for (const file of sources()) {
      const text = fs.readFileSync(file, 'utf8');
      const spans = appendSpans(text);
      for (const m of text.matchAll(/(['"`])([a-z_]+\.[a-z_]+)\1/g)) {
        if (!types.has(m[2]!)) continue;
        const line = text.slice(text.lastIndexOf('\n', m.index) + 1, m.index);
        // Prose in comments names types freely; error codes share the `module.word` shape.
        if (/^\s*(\*|\/\*|\/\/)/.test(line) || line.includes('//')) continue;
        if (/(DomainError|refuse)\(\s*$/.test(line)) continue;
        // Inside appendEvent the compiler checks the literal against the catalogue.
        if (spans.some(([a, b]) => m.index > a && m.index < b)) continue;
        bare.push(`${at(file, text, m.index)} '${m[2]}' (use ${types.get(m[2]!)}'s *.events.ts)`);
      }
    }
    expect(bare).toEqual([]);
  });

  it('appends only catalogued types', () => {
    const unknown: string[] = [];
    for (const file of sources()) {
      const text = fs.readFileSync(file, 'utf8');
      for (const [a, b] of appendSpans(text)) {
        const call = text.slice(a, b);
        const type = /\btype:\s*([^\n]+)/.exec(call)?.[1] ?? '';
        if (type.includes('${')) unknown.push(`${at(file, text, a)} builds its type from a template`);
        for (const m of type.matchAll(/(['"])([^'"]+)\1/g))
          if (/^[a-z_]+\.[a-z_]+$/.test(m[2]!) && !types.has(m[2]!))
            unknown.push(`${at(file, text, a)} appends '${m[2]}', which no catalogue declares`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('refuses an uncatalogued type at runtime (tests run with the check on)', async () => {
    const trx = {} as Kysely<Database>; // never reached: the check comes first
    await expect(
      appendEvent(trx, {
        streamType: 'work_order',
        streamId: 'x',
        type: 'workorder.teleported' as EventType,
        actor: SYSTEM,
        at: new Date(0),
      }),
    ).rejects.toThrow(/no \*\.events\.ts catalogue/);
  });
});
