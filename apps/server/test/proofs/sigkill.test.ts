/**
 * Nothing acknowledged is ever lost: the real server (src/main.ts, started as an operator would)
 * takes concurrent writes, is SIGKILLed mid-stream, and is started again on the same database.
 * Every write answered 2xx before the kill must be there, with its event, and no write may be
 * half there (a customer without its creation event). SQLite with a temp data file, or
 * PostgreSQL (ANXIN_TEST_DB=postgres) with a temp database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/platform/db/migrate.ts';
import { migrations } from '../../src/migrations/index.ts';
import { openDatabase } from '../../src/platform/db/open.ts';
import type { DbHandle } from '../../src/platform/db/types.ts';
import { ensureRoles, hashPassword, TEST_SCRYPT } from '../../src/modules/identity/index.ts';
import { CUSTOMER_EVENTS } from '../../src/modules/customers/customers.events.ts';
import { newId } from '../../src/platform/ids/index.ts';
import { startAppServer, type Child } from '../../bench/processes.ts';
import { TEST_PG_URL, usePostgres, withPgClient } from '../pg.ts';

const WRITERS = 8;
/** Acknowledged writes before the kill; the writers keep sending while it lands. */
const KILL_AFTER = 120;
const PASSWORD = 'kill-test-pass-1';

let databaseUrl: string;
let cleanup: () => Promise<void>;
let child: Child | null = null;

async function tempDatabase(): Promise<void> {
  if (usePostgres()) {
    const name = `anxin_kill_${randomBytes(5).toString('hex')}`;
    await withPgClient((c) => c.query(`create database ${name}`));
    const u = new URL(TEST_PG_URL);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    cleanup = () =>
      withPgClient((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {});
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-kill-'));
  databaseUrl = `sqlite:${path.join(dir, 'anxin.sqlite')}`;
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
}

async function withDb<T>(fn: (h: DbHandle) => Promise<T>): Promise<T> {
  const h = openDatabase({ databaseUrl, dataDir: os.tmpdir() });
  try {
    return await fn(h);
  } finally {
    await h.close();
  }
}

/** Migrated, with the roles and one agent who can create customers. */
async function prepare(): Promise<void> {
  await withDb(async (h) => {
    await migrate(h.db, h.dialect, migrations);
    await ensureRoles(h.db);
    const id = newId();
    const at = new Date().toISOString();
    await h.db
      .insertInto('users')
      .values({
        id,
        username: 'kill-agent',
        display_name: 'kill-agent',
        kind: 'staff',
        password_hash: await hashPassword(PASSWORD, TEST_SCRYPT),
        phone: null,
        locale: 'zh-CN',
        scope_level: 'all',
        scope_regions: '[]',
        outlet_id: null,
        customer_id: null,
        active: 1,
        failed_logins: 0,
        locked_until: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await h.db.insertInto('user_roles').values({ user_id: id, role: 'agent' }).execute();
  });
}

async function login(url: string): Promise<Record<string, string>> {
  const r = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'kill-agent', password: PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`login failed: ${r.status} ${await r.text()}`);
  const me = (await r.json()) as { csrfToken: string };
  const sid = r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('anxin_sid='))!;
  return { cookie: sid, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' };
}

/** Writers send customers until the server dies; returns the ids it acknowledged. */
async function writeUntilKilled(server: Child): Promise<{ acked: string[]; sent: number }> {
  const headers = await login(server.url);
  const acked: string[] = [];
  let sent = 0;
  let dead = false;
  const writer = async (w: number) => {
    for (let i = 0; !dead; i++) {
      const phone = `139${String(w).padStart(2, '0')}${String(i).padStart(6, '0')}`;
      sent++;
      try {
        const r = await fetch(`${server.url}/api/v1/customers`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ name: `客户${w}-${i}`, phones: [{ phone }] }),
        });
        const body = (await r.json()) as { customer?: { id: string } };
        if (r.status === 201 && body.customer) acked.push(body.customer.id);
        else throw new Error(`write refused: ${r.status} ${JSON.stringify(body).slice(0, 300)}`);
        if (acked.length === KILL_AFTER) {
          // Mid-stream: the other writers' requests are in flight when the signal lands.
          process.kill(server.pid, 'SIGKILL');
        }
      } catch (err) {
        if (err instanceof Error && err.message.startsWith('write refused')) {
          dead = true;
          throw err;
        }
        dead = true; // connection refused or reset: the server is gone
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  return { acked, sent };
}

beforeAll(async () => {
  await tempDatabase();
  await prepare();
}, 120_000);
afterAll(async () => {
  await child?.stop();
  await cleanup?.();
});

describe('SIGKILL under writes', () => {
  it('keeps every acknowledged write and its event across a kill and restart', async () => {
    child = await startAppServer(databaseUrl);
    const { acked, sent } = await writeUntilKilled(child);
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);

    child = await startAppServer(databaseUrl);
    const headers = await login(child.url);
    const missing: string[] = [];
    for (const id of acked) {
      const r = await fetch(`${child.url}/api/v1/customers/${id}`, { headers });
      if (r.status !== 200) missing.push(id);
    }
    await child.stop();
    child = null;

    const { withoutEvent, stored } = await withDb(async (h) => {
      const customers = await h.db.selectFrom('customers').select('id').execute();
      const events = await h.db
        .selectFrom('events')
        .select('stream_id')
        .where('type', '=', CUSTOMER_EVENTS.type.created)
        .execute();
      const evented = new Set(events.map((e) => e.stream_id));
      return {
        stored: customers.length,
        withoutEvent: [...acked, ...customers.map((c) => c.id)].filter((id) => !evented.has(id)),
      };
    });
    process.stdout.write(
      `sigkill under writes (${usePostgres() ? 'postgres' : 'sqlite'}): ${sent} sent, ${acked.length} acknowledged, ` +
        `${stored} stored, ${missing.length} acknowledged lost, ${withoutEvent.length} without their event\n`,
    );
    expect(missing).toEqual([]);
    expect(withoutEvent).toEqual([]);
  }, 180_000);
});
