import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { trackRoutePermissions } from './route-permissions.ts';

let ta: TestApp;
beforeAll(async () => {
  ta = await createTestApp();
});
afterAll(() => ta.close());

describe('route permissions', () => {
  it('every route declares a permission; the list is reviewed as a snapshot', () => {
    const lines = ta.routes
      .filter((r) => !r.url.startsWith('/docs'))
      .map((r) => `${r.method.padEnd(6)} ${r.url}  →  ${r.permission}`)
      .sort();
    expect(lines.every((l) => !l.endsWith('undefined'))).toBe(true);
    expect(lines.join('\n')).toMatchSnapshot();
  });

  it('start-up fails when a route has no permission', async () => {
    const app = Fastify();
    trackRoutePermissions(app);
    app.get('/api/v1/unguarded', async () => 'x');
    await expect(app.ready()).rejects.toThrow(/GET \/api\/v1\/unguarded/);
  });

  it('start-up fails for a permission that is not in the catalogue', async () => {
    const app = Fastify();
    trackRoutePermissions(app);
    app.get('/api/v1/typo', { config: { permission: 'ticket:fly' as never } }, async () => 'x');
    await expect(app.ready()).rejects.toThrow(/typo/);
  });
});
