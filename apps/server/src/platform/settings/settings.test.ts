import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, userSession, type Session, type TestApp } from '../../../test/app.ts';
import { createLogger } from '../logging/index.ts';
import { defineSetting, fieldsOf, SettingsRegistry } from './registry.ts';
import { SettingsService } from './service.ts';

let ta: TestApp;
let admin: Session;
let manager: Session;
let agent: Session;
let outletManager: Session;
let dispatcher: Session;

const S = '/api/v1/settings';
const get = (s: Session, url: string) => s.req({ url });
const put = (s: Session, key: string, value: unknown, version: number) =>
  s.req({ method: 'PUT', url: `${S}/${key}`, payload: { value, version } });

beforeAll(async () => {
  ta = await createTestApp();
  admin = await userSession(ta, { username: 'set_admin', roles: ['admin'] });
  manager = await userSession(ta, { username: 'set_manager', roles: ['manager'] });
  agent = await userSession(ta, { username: 'set_agent', roles: ['agent'] });
  dispatcher = await userSession(ta, { username: 'set_dispatcher', roles: ['dispatcher'] });
  outletManager = await userSession(ta, { username: 'set_om', roles: ['outlet_manager'], outletId: null });
});
afterAll(() => ta.close());

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });

/** Every key the product reads through readSetting(db, KEY, …), resolved from its constant. */
function keysReadInSource(): string[] {
  const files = sourceFiles(SRC).map((f) => fs.readFileSync(f, 'utf8'));
  const all = files.join('\n');
  // Keys are exported by their module or, when the web needs them too, by the contracts package.
  const contracts = sourceFiles(path.resolve(SRC, '../../../packages/contracts/src'))
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');
  const constants = new Map<string, string>();
  for (const m of `${all}\n${contracts}`.matchAll(/export const (\w+_KEY) = '([^']+)'/g))
    constants.set(m[1]!, m[2]!);
  const keys = new Set<string>();
  for (const m of all.matchAll(/readSetting\(\s*[\w.]+,\s*([\w']+[\w.']*)/g)) {
    const arg = m[1]!;
    const key = arg.startsWith("'") ? arg.slice(1, -1) : constants.get(arg);
    if (!key)
      throw new Error(`readSetting with a key that is neither a literal nor an exported *_KEY: ${arg}`);
    keys.add(key);
  }
  return [...keys].sort();
}

describe('the settings registry', () => {
  it('registers every key the product reads, each editable through PUT /api/v1/settings/:key', async () => {
    const registered = ta.modules.settings.registry.keys();
    expect(registered).toEqual(keysReadInSource());
    const lines: string[] = [];
    for (const key of registered) {
      const cur = (await get(admin, `${S}/${key}`)).json();
      expect(cur).toMatchObject({ key, valid: true, writable: true, version: 0 });
      const res = await put(admin, key, cur.default, 0);
      expect(res.statusCode, `${key}: ${res.body}`).toBe(200);
      expect(res.json().version).toBe(1);
      const events = await ta.t.db
        .selectFrom('events')
        .select('type')
        .where('stream_type', '=', 'setting')
        .where('stream_id', '=', key)
        .execute();
      expect(events.map((e) => e.type)).toEqual(['setting.changed']);
      lines.push(`${key}  →  PUT ${S}/${key}`);
    }
    // The reviewed list of every business setting and its one edit path.
    expect(lines.join('\n')).toMatchSnapshot();
  });

  it('fails start-up on a key registered twice', () => {
    const def = defineSetting({
      key: 'x.dup',
      module: 'x',
      schema: z.strictObject({ n: z.number() }),
      default: { n: 1 },
      read: 'settings:read',
      write: 'settings:manage',
      label: 'settings.keys.x.dup',
    });
    expect(() => new SettingsRegistry().register(def, def)).toThrow(/x\.dup is registered twice/);
  });

  it('generates form fields from the schema with the registered bounds', () => {
    const dispatch = ta.modules.settings.registry.get('dispatch.policy')!;
    const fields = fieldsOf(dispatch);
    expect(fields).toContainEqual({ path: 'acceptanceMinutes', kind: 'integer', min: 5, max: 14_400 });
    expect(fields).toContainEqual({ path: 'defaultMode', kind: 'enum', options: expect.any(Array) });
    // A list or map is one field that carries its JSON Schema, for the web's structured editor.
    const regionModes = fields.find((f) => f.path === 'regionModes');
    expect(regionModes?.kind).toBe('json');
    expect(regionModes?.schema).toMatchObject({
      type: 'object',
      propertyNames: { pattern: expect.any(String) },
      additionalProperties: { enum: ['manual', 'auto', 'pool'] },
    });
    expect(regionModes?.schema).not.toHaveProperty('$schema');
  });
});

describe('reads and writes', () => {
  it('lists only the keys the actor may read, with writability', async () => {
    const mine = (await get(agent, S)).json().items.map((i: { key: string }) => i.key);
    expect(mine).toContain('workorders.policy');
    expect(mine).not.toContain('auth.policy');
    expect((await get(agent, `${S}/auth.policy`)).statusCode).toBe(404);
    const asManager = (await get(manager, S)).json().items;
    expect(asManager.find((i: { key: string }) => i.key === 'auth.policy')).toMatchObject({
      writable: false,
    });
    expect((await put(manager, 'auth.policy', { sessionIdleMinutes: 720 }, 1)).statusCode).toBe(403);
  });

  it('refuses a write from an outlet-scoped actor even with the write permission', async () => {
    const cur = (await get(outletManager, `${S}/dispatch.policy`)).json();
    expect(cur.writable).toBe(false);
    expect((await put(outletManager, 'dispatch.policy', cur.value, cur.version)).statusCode).toBe(403);
  });

  it('enforces bounds per field and cross-field rules with field errors, writing nothing', async () => {
    const cur = (await get(dispatcher, `${S}/dispatch.policy`)).json();
    const low = await put(dispatcher, 'dispatch.policy', { ...cur.value, acceptanceMinutes: 2 }, cur.version);
    expect(low.statusCode).toBe(400);
    expect(low.json().errors).toEqual([
      expect.objectContaining({ path: 'value.acceptanceMinutes', rule: 'too_small', params: { min: 5 } }),
    ]);
    const ok = await put(dispatcher, 'dispatch.policy', { ...cur.value, acceptanceMinutes: 5 }, cur.version);
    expect(ok.statusCode).toBe(200);

    const g = (await get(admin, `${S}/grading.policy`)).json();
    const weights = { ...g.value.weights };
    const first = Object.keys(weights)[0]!;
    weights[first] += 1;
    const bad = await put(admin, 'grading.policy', { ...g.value, weights }, g.version);
    expect(bad.statusCode).toBe(400);
    expect((await get(admin, `${S}/grading.policy`)).json().version).toBe(g.version);
  });

  it('answers a stale version with 409', async () => {
    const cur = (await get(admin, `${S}/escalation.policy`)).json();
    expect((await put(admin, 'escalation.policy', cur.value, cur.version)).statusCode).toBe(200);
    const stale = await put(admin, 'escalation.policy', cur.value, cur.version);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('resource.version_conflict');
  });
});

describe('a stored value that no longer parses', () => {
  it('is reported (GET, /readyz, a log line) while readers get the default', async () => {
    await ta.t.db.deleteFrom('settings').where('key', '=', 'workorders.policy').execute();
    await ta.t.db
      .insertInto('settings')
      .values({
        key: 'workorders.policy',
        value: JSON.stringify({ reopenWindowDays: 'thirty', exportMaxRows: 10 }),
        version: 3,
        updated_at: '2026-01-01T00:00:00.000Z',
        updated_by: null,
      })
      .execute();
    const view = (await get(admin, `${S}/workorders.policy`)).json();
    expect(view).toMatchObject({
      valid: false,
      version: 3,
      value: { reopenWindowDays: 30, exportMaxRows: 100_000 },
      stored: { reopenWindowDays: 'thirty' },
    });
    expect(view.issues[0]).toMatchObject({ path: 'reopenWindowDays', rule: 'invalid_type' });
    const ready = await ta.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', details: { invalidSettings: ['workorders.policy'] } });

    const logged: unknown[] = [];
    const logger = createLogger('silent');
    logger.warn = ((obj: unknown) => void logged.push(obj)) as typeof logger.warn;
    const svc = new SettingsService(
      { db: ta.t.db, dialect: ta.t.dialect, clock: ta.clock, logger },
      ta.modules.settings.registry,
    );
    await svc.invalidKeys();
    await svc.invalidKeys();
    expect(logged).toEqual([expect.objectContaining({ setting: 'workorders.policy', version: 3 })]);

    // Correcting it through the API clears the report.
    const fixed = await put(admin, 'workorders.policy', { reopenWindowDays: 14, exportMaxRows: 1000 }, 3);
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ valid: true, version: 4 });
    expect((await ta.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });
});

describe('visit slots: one vocabulary from one setting', () => {
  it('serves the windows to every signed-in actor and refuses overlapping or inverted slots', async () => {
    const before = (await get(agent, '/api/v1/visit-slots')).json();
    expect(before.slots.length).toBeGreaterThan(0);
    const cur = (await get(admin, `${S}/workorders.visit_slots`)).json();
    expect(cur.value).toEqual(before);
    const overlap = await put(
      admin,
      'workorders.visit_slots',
      {
        slots: [
          { start: '09:00', end: '12:00' },
          { start: '11:00', end: '13:00' },
        ],
      },
      cur.version,
    );
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().errors[0].path).toBe('value.slots.1.start');
    const inverted = await put(
      admin,
      'workorders.visit_slots',
      { slots: [{ start: '12:00', end: '09:00' }] },
      cur.version,
    );
    expect(inverted.json().errors[0].path).toBe('value.slots.0.end');
    const slots = [
      { start: '08:30', end: '10:30' },
      { start: '14:00', end: '16:00' },
    ];
    expect((await put(admin, 'workorders.visit_slots', { slots }, cur.version)).statusCode).toBe(200);
    expect((await get(agent, '/api/v1/visit-slots')).json()).toEqual({ slots });
  });
});
