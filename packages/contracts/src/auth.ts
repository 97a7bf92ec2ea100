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
