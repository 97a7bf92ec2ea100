import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerProblemHandlers } from './problem.ts';
import { registerWebStatic } from './web-static.ts';

// The phone apps' service worker and manifests must reach the browser as themselves, not as the
// SPA fallback (index.html), or the worker never installs and the app is not installable.
describe('web static files', () => {
  let app: FastifyInstance;
  let dist: string;
  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-dist-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    fs.writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    fs.mkdirSync(path.join(dist, 'm'));
    fs.writeFileSync(path.join(dist, 'm', 'manifest.webmanifest'), '{"name":"安心售后 · 技师"}');
    app = Fastify();
    registerProblemHandlers(app);
    await registerWebStatic(app, dist);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('serves the service worker as JavaScript, revalidated on every check', async () => {
    const res = await app.inject({ method: 'GET', url: '/sw.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(res.headers['cache-control']).toMatch(/max-age=0/);
  });

  it('serves a manifest with the manifest media type', async () => {
    const res = await app.inject({ method: 'GET', url: '/m/manifest.webmanifest' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/manifest\+json/);
  });

  it('falls back to index.html for app routes only, never for a missing file', async () => {
    const page = await app.inject({ method: 'GET', url: '/m/jobs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    for (const url of ['/portal/manifest.webmanifest', '/assets/gone-1234.js', '/sw-old.js']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/);
    }
  });
});
