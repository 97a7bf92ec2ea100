import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { DomainError } from './errors.ts';

/**
 * Serves the built web app on the same port as the API through one declared public route.
 * Unknown paths fall back to index.html so client-side routes survive a reload; misses under
 * /api stay problem+json.
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
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return true;
}
