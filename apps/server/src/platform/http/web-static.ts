import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { DomainError } from './errors.ts';

// A missing file with one of these endings is a stale or mistyped asset (an old chunk, the service
// worker, a manifest): answer 404 rather than index.html, which the browser would load as a script
// or a manifest and fail on confusingly (a service worker served as HTML never installs).
const FILE_ENDINGS = /\.(js|mjs|css|map|json|webmanifest|png|svg|ico|txt|woff2?)$/;

/**
 * Serves the built web app on the same port as the API through one declared public route.
 * Unknown paths fall back to index.html so client-side routes survive a reload; misses under
 * /api and missing static files stay problem+json. Only hashed files under assets/ are cached
 * for long: the service worker (sw.js), the manifests and index.html are revalidated each time.
 */
export async function registerWebStatic(app: FastifyInstance, dist: string | undefined): Promise<boolean> {
  if (!dist || !fs.existsSync(path.join(dist, 'index.html'))) return false;
  await app.register(fastifyStatic, { root: dist, serve: false });
  app.get('/*', { config: { permission: 'public' }, schema: { hide: true } }, async (req, reply) => {
    const url = decodeURIComponent(req.url.split('?')[0] ?? '/');
    if (url.startsWith('/api/')) throw new DomainError('request.not_found', `GET ${url}`);
    const rel = path.normalize(url).replace(/^([/\\])+/, '');
    const file = path.join(dist, rel);
    if (rel && file.startsWith(dist) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      const immutable = rel.startsWith('assets/');
      return reply.sendFile(rel, { maxAge: immutable ? '365d' : 0, immutable });
    }
    if (FILE_ENDINGS.test(url)) throw new DomainError('request.not_found', `GET ${url}`);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return true;
}
