import { z } from 'zod';
import { DATA_SCOPES, PERMISSIONS, ROLES } from './permissions.ts';
import { LOCALES } from './common.ts';

export const LoginRequestSchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const MeSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  kind: z.enum(['staff', 'customer']),
  roles: z.array(z.enum(ROLES)),
  permissions: z.array(z.enum(PERMISSIONS)),
  scope: z.object({
    level: z.enum(DATA_SCOPES),
    regionCodes: z.array(z.string()),
    outletId: z.string().nullable(),
  }),
  locale: z.enum(LOCALES),
  /** Send back as header `x-csrf-token` on every cookie-authenticated write. */
  csrfToken: z.string(),
});
export type Me = z.infer<typeof MeSchema>;

/**
 * The session probe the sign-in page makes: 200 with `me: null` when nobody is signed in (a 401 on
 * every visit to the login page would be logged by the browser as an error).
 */
export const SessionSchema = z.object({ me: MeSchema.nullable() });
export type Session = z.infer<typeof SessionSchema>;

/**
 * An API token for an integration: a name, a subset of its creator's permissions (never
 * `token:manage`) and an expiry. The secret is shown once, in the creation response.
 */
export const CreateApiTokenSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  permissions: z.array(z.enum(PERMISSIONS)).min(1).max(PERMISSIONS.length),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type CreateApiToken = z.infer<typeof CreateApiTokenSchema>;

export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  /** Null for a token made before scopes: it acts with its owner's permissions. */
  permissions: z.array(z.enum(PERMISSIONS)).nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const CreatedApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  token: z.string(),
  prefix: z.string(),
  expiresAt: z.string(),
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type CreatedApiToken = z.infer<typeof CreatedApiTokenSchema>;
