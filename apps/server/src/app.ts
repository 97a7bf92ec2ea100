import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppDeps } from './platform/deps.ts';
import { newId } from './platform/ids/index.ts';
import { registerProblemHandlers } from './platform/http/problem.ts';
import {
  enforcePermission,
  trackRoutePermissions,
  type RouteEntry,
} from './platform/http/route-permissions.ts';
import { registerAuthHook } from './platform/http/auth-hook.ts';
import { IdempotencyStore } from './platform/http/idempotency.ts';
import { registerIdempotentWrites } from './platform/http/idempotent-writes.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { registerHealth, type Lifecycle } from './platform/http/health.ts';
import { registerWebStatic } from './platform/http/web-static.ts';
import { guardStorableText } from './platform/http/storable-text.ts';
import './platform/http/context.ts';
import { createModules, type Modules } from './modules.ts';
import { cacheSettings } from './platform/settings/index.ts';

export interface BuiltApp {
  app: FastifyInstance;
  routes: RouteEntry[];
  modules: Modules;
  lifecycle: Lifecycle;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_WEB_DIST = path.resolve(here, '../../web/dist');
const VERSION = (
  JSON.parse(fs.readFileSync(path.resolve(here, '../package.json'), 'utf8')) as { version: string }
).version;

/** Builds the whole HTTP application without listening: tests drive it with app.inject(). */
export async function buildApp(deps: AppDeps, opts: { webDist?: string | null } = {}): Promise<BuiltApp> {
  cacheSettings(deps.db, deps.config.settingsCacheMs);
  // Typed as the default instance so plugins and modules share one FastifyInstance type.
  const app = Fastify({
    loggerInstance: deps.logger,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : newId();
    },
    requestIdHeader: false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: deps.config.bodyLimitBytes,
    // Unknown fields are rejected by strict zod schemas, not silently dropped.
    ajv: { customOptions: { removeAdditional: false } },
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  const routes = trackRoutePermissions(app);
  registerProblemHandlers(app);
  guardStorableText(app);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
    strictTransportSecurity: deps.config.trustProxy,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await registerOpenApi(app, VERSION);

  const modules = createModules(deps);
  registerAuthHook(app, modules.identity.auth);
  enforcePermission(app);
  registerIdempotentWrites(app, new IdempotencyStore(deps.db, deps.clock));

  const lifecycle: Lifecycle = { shuttingDown: false };
  registerHealth(app, deps.db, lifecycle, () => modules.settings.service.invalidKeys());
  for (const m of modules.all) await m.register(app);

  const dist = opts.webDist === null ? undefined : (opts.webDist ?? deps.config.webDist ?? DEFAULT_WEB_DIST);
  await registerWebStatic(app, dist);
  return { app, routes, modules, lifecycle };
}
