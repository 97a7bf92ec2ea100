/**
 * The app over HTTP as users see it: the whole app on a fresh database (../app.ts), a manual
 * clock, and one client per role signed in with a password, echoing the CSRF token on writes.
 */
import type { Role } from '@anxin/contracts';
import type { BuiltApp } from '../../src/app.ts';
import { ManualClock } from '../../src/platform/clock/index.ts';
import type { TestDb } from '../harness.ts';
import { createTestApp, createUser, login } from '../app.ts';

export interface Reply {
  status: number;
  body: any;
  contentType: string;
}

export interface Client {
  get(url: string): Promise<Reply>;
  send(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<Reply>;
}

export interface TestApp {
  db: TestDb;
  built: BuiltApp;
  clock: ManualClock;
  as(role: Role): Promise<Client>;
  close(): Promise<void>;
}

export async function startTestApp(roles: Role[], now = '2026-06-15T04:00:00Z'): Promise<TestApp> {
  const clock = new ManualClock(now);
  const ta = await createTestApp({ clock });
  for (const role of roles) await createUser(ta.t, { username: role, roles: [role] });
  return { db: ta.t, built: ta, clock, as: (role) => client(ta.app, role), close: () => ta.close() };
}

async function client(app: BuiltApp['app'], username: string): Promise<Client> {
  const session = await login(app, username);
  const wrap = (r: { statusCode: number; body: string; headers: Record<string, unknown> }): Reply => ({
    status: r.statusCode,
    body: r.body ? JSON.parse(r.body) : null,
    contentType: String(r.headers['content-type'] ?? ''),
  });
  return {
    get: async (url) => wrap(await session.req({ method: 'GET', url })),
    send: async (method, url, payload) =>
      wrap(
        await session.req({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) }),
      ),
  };
}
