import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiTokenSchema,
  CreateApiTokenSchema,
  CreatedApiTokenSchema,
  LOCALES,
  LoginRequestSchema,
  MeSchema,
  SessionSchema,
  PERMISSIONS,
  type ApiToken,
  type Me,
} from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { SESSION_COOKIE } from '../../platform/http/auth-hook.ts';
import type { AuthService } from './auth.service.ts';
import type { AccessService } from './access.service.ts';
import type { ApiTokenRecord } from './identity.repository.ts';
import { problemResponses } from '../../platform/http/responses.ts';

export interface IdentityRouteDeps {
  auth: AuthService;
  access: AccessService;
  cookieSecure: 'auto' | 'always' | 'never';
  loginRatePerMinute: number;
}

export const toMe = (a: Actor): Me => ({
  id: a.userId,
  username: a.username,
  displayName: a.displayName,
  kind: a.kind === 'customer' ? 'customer' : 'staff',
  roles: a.roles,
  permissions: [...a.permissions].sort(),
  scope: { level: a.scope.level, regionCodes: a.scope.regionCodes, outletId: a.scope.outletId },
  locale: (LOCALES as readonly string[]).includes(a.locale) ? (a.locale as Me['locale']) : 'zh-CN',
  csrfToken: a.csrfToken ?? '',
});

const problems = problemResponses(400, 401, 403, 404, 409, 422, 429);

export function setSessionCookie(
  req: FastifyRequest,
  reply: FastifyReply,
  sid: string,
  mode: IdentityRouteDeps['cookieSecure'],
): void {
  const secure = mode === 'always' || (mode === 'auto' && req.protocol === 'https');
  reply.setCookie(SESSION_COOKIE, sid, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

export function identityRoutes(deps: IdentityRouteDeps) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/v1/auth/login',
      {
        config: { permission: 'public', rateLimit: { max: deps.loginRatePerMinute, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with user name and password',
          body: LoginRequestSchema,
          response: { 200: MeSchema, ...problems },
        },
      },
      async (req, reply) => {
        const { sessionId, actor } = await deps.auth.login(req.body.username, req.body.password, {
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? null,
        });
        setSessionCookie(req, reply, sessionId, deps.cookieSecure);
        return toMe(actor);
      },
    );

    app.post(
      '/api/v1/auth/logout',
      {
        config: { permission: 'public' },
        schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } },
      },
      async (req, reply) => {
        const sid = req.cookies[SESSION_COOKIE];
        if (sid) await deps.auth.logout(sid);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/auth/session',
      {
        config: { permission: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Who is signed in, or null (the sign-in page probe; never 401)',
          response: { 200: SessionSchema },
        },
      },
      async (req, reply) => {
        // Never cached: a kept "nobody" would hide a sign-in made a moment later.
        reply.header('cache-control', 'no-store');
        return { me: req.actor ? toMe(req.actor) : null };
      },
    );

    app.get(
      '/api/v1/me',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['auth'],
          summary: 'The signed-in user, roles, permissions and scope',
          response: { 200: MeSchema, ...problems },
        },
      },
      async (req) => toMe(req.actor!),
    );

    app.patch(
      '/api/v1/me',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['auth'],
          summary: 'Change own preferences',
          body: z.strictObject({ locale: z.enum(LOCALES) }),
          response: { 200: MeSchema, ...problems },
        },
      },
      async (req) => {
        await deps.auth.setLocale(req.actor!.userId, req.body.locale);
        return toMe({ ...req.actor!, locale: req.body.locale });
      },
    );

    const toToken = (t: ApiTokenRecord): ApiToken => ({
      id: t.id,
      name: t.name,
      prefix: t.prefix,
      permissions: t.permissions,
      createdAt: t.createdAt,
      lastUsedAt: t.lastUsedAt,
      expiresAt: t.expiresAt,
      revokedAt: t.revokedAt,
    });
    app.get(
      '/api/v1/auth/tokens',
      {
        config: { permission: 'token:manage' },
        schema: {
          tags: ['auth'],
          summary: 'List own API tokens with their permissions, expiry and last use',
          response: { 200: z.object({ items: z.array(ApiTokenSchema) }), ...problems },
        },
      },
      async (req) => ({ items: (await deps.auth.listApiTokens(req.actor!.userId)).map(toToken) }),
    );

    app.post(
      '/api/v1/auth/tokens',
      {
        config: { permission: 'token:manage' },
        schema: {
          tags: ['auth'],
          summary: 'Create an API token with a subset of own permissions and an expiry (shown once)',
          body: CreateApiTokenSchema,
          response: { 201: CreatedApiTokenSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await deps.auth.createApiToken(req.actor!, req.body)),
    );

    app.delete(
      '/api/v1/auth/tokens/:id',
      {
        config: { permission: 'token:manage' },
        schema: {
          tags: ['auth'],
          summary: 'Revoke an API token (refused from the next request on)',
          params: z.object({ id: z.string().max(64) }),
          response: { 204: z.null(), ...problems },
        },
      },
      async (req, reply) => {
        await deps.auth.revokeApiToken(req.actor!, req.params.id);
        return reply.status(204).send(null);
      },
    );

    const RoleOut = z.object({
      role: z.string(),
      description: z.string(),
      defaultScope: z.string(),
      permissions: z.array(z.enum(PERMISSIONS)),
    });
    app.get(
      '/api/v1/roles',
      {
        config: { permission: 'role:read' },
        schema: {
          tags: ['access'],
          summary: 'Roles and their permissions',
          response: {
            200: z.object({ items: z.array(RoleOut), catalogue: z.array(z.enum(PERMISSIONS)) }),
            ...problems,
          },
        },
      },
      async () => ({ items: await deps.access.listRoles(), catalogue: [...PERMISSIONS] }),
    );

    app.put(
      '/api/v1/roles/:role/permissions',
      {
        config: { permission: 'role:manage' },
        schema: {
          tags: ['access'],
          summary: 'Replace the permissions of a role (audited)',
          params: z.object({ role: z.string().max(64) }),
          body: z.strictObject({ permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length) }),
          response: { 200: RoleOut, ...problems },
        },
      },
      async (req) => deps.access.setRolePermissions(req.actor!, req.params.role, req.body.permissions),
    );

    app.get(
      '/api/v1/users',
      {
        config: { permission: 'user:read' },
        schema: {
          tags: ['access'],
          summary: 'List users (keyset by user name)',
          querystring: z.object({
            after: z.string().max(64).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.string(),
                  username: z.string(),
                  displayName: z.string(),
                  kind: z.string(),
                  roles: z.array(z.string()),
                  scopeLevel: z.string(),
                  outletId: z.string().nullable(),
                  active: z.boolean(),
                  signIn: z
                    .object({
                      failures: z.number().int(),
                      sources: z.number().int(),
                      blockedUntil: z.string().nullable(),
                    })
                    .nullable(),
                }),
              ),
              nextCursor: z.string().nullable(),
            }),
            ...problems,
          },
        },
      },
      async (req) => deps.access.listUsers(req.query.limit, req.query.after),
    );

    app.post(
      '/api/v1/users/:id/unlock',
      {
        config: { permission: 'user:manage' },
        schema: {
          tags: ['access'],
          summary: 'Lift every sign-in delay on the account and forget its failed sign-ins (audited)',
          params: z.object({ id: z.string().max(64) }),
          response: { 204: z.null(), ...problems },
        },
      },
      async (req, reply) => {
        await deps.auth.throttle.unlock(req.actor!, req.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/audit',
      {
        config: { permission: 'audit:read' },
        schema: {
          tags: ['access'],
          summary: 'Audit trail (events), newest first, keyset paginated',
          querystring: z.object({
            streamType: z.string().max(40).optional(),
            streamId: z.string().max(64).optional(),
            before: z.string().max(64).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.string(),
                  streamType: z.string(),
                  streamId: z.string(),
                  type: z.string(),
                  actorId: z.string().nullable(),
                  actorKind: z.string(),
                  occurredAt: z.string(),
                  from: z.string().nullable(),
                  to: z.string().nullable(),
                  reason: z.string().nullable(),
                  data: z.record(z.string(), z.unknown()),
                }),
              ),
              nextCursor: z.string().nullable(),
            }),
            ...problems,
          },
        },
      },
      async (req) => deps.access.listAudit(req.actor!, req.query),
    );
  };
}
