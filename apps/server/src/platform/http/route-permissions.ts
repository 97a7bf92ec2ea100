import type { FastifyInstance, RouteOptions } from 'fastify';
import { isPermission, type Permission } from '@anxin/contracts';
import { DomainError } from './errors.ts';

/** `customer`: only a customer signed in through the portal (staff and API tokens get 403). */
export type RoutePermission = Permission | 'public' | 'authenticated' | 'customer';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every route: a permission, 'authenticated' (any signed-in actor), 'customer' or 'public'. */
    permission?: RoutePermission;
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  permission: RoutePermission | undefined;
}

// Routes that plugins register on our behalf (OpenAPI UI, static web files) are public by design.
const PLUGIN_PUBLIC_PREFIXES = ['/docs'];

const methodsOf = (r: RouteOptions): string[] => (Array.isArray(r.method) ? r.method : [r.method]);

/**
 * Collects every route with its declared permission; `ready()` fails if any route lacks one,
 * so an unguarded endpoint can never ship. The list feeds the snapshot test.
 */
export function trackRoutePermissions(app: FastifyInstance): RouteEntry[] {
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (r) => {
    const cfg = (r.config ??= {}) as { permission?: RoutePermission };
    if (!cfg.permission && PLUGIN_PUBLIC_PREFIXES.some((p) => r.url.startsWith(p))) cfg.permission = 'public';
    if (!cfg.permission && r.url === '*') cfg.permission = 'public';
    for (const method of methodsOf(r)) {
      if (
        method === 'HEAD' &&
        r.exposeHeadRoute !== false &&
        routes.some((x) => x.url === r.url && x.method === 'GET')
      )
        continue;
      routes.push({ method: String(method), url: r.url, permission: cfg.permission });
    }
  });
  app.addHook('onReady', async () => {
    const bad = routes.filter(
      (r) =>
        !r.permission ||
        !(isPermission(r.permission) || ['public', 'authenticated', 'customer'].includes(r.permission)),
    );
    if (bad.length) {
      throw new Error(
        `routes without a valid permission: ${bad.map((r) => `${r.method} ${r.url}`).join(', ')}`,
      );
    }
  });
  return routes;
}

/**
 * Authentication and authorisation by the route's declared permission, in `onRequest` (after the
 * auth hook resolved the actor) so they come before body parsing and validation: an anonymous
 * request with a broken body is 401, not 400.
 */
export function enforcePermission(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    const perm = req.routeOptions.config?.permission;
    if (!perm || perm === 'public') return;
    if (!req.actor) throw req.authError ?? new DomainError('auth.unauthenticated', 'Sign in to continue');
    if (perm === 'authenticated') return;
    if (perm === 'customer') {
      if (req.actor.kind === 'customer' && req.actor.customerId) return;
      throw new DomainError('auth.forbidden', 'The portal is for customers; sign in with your phone number');
    }
    if (!req.actor.permissions.has(perm)) {
      throw new DomainError('auth.forbidden', `This action needs the permission ${perm}`, {
        extra: { permission: perm },
      });
    }
  });
}
