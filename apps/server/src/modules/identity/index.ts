import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { AuthService } from './auth.service.ts';
import { AccessService } from './access.service.ts';
import { identityRoutes } from './identity.routes.ts';

export { ensureRoles } from './access.service.ts';
export { hashPassword, TEST_SCRYPT } from './domain/password.ts';
export { AuthService } from './auth.service.ts';
export { sourceOf } from './sign-in-throttle.ts';
export { setSessionCookie, toMe } from './identity.routes.ts';
export type { UserRecord } from './identity.repository.ts';
export {
  IdentityRepository,
  activeUserIds,
  activeUsersInRole,
  rolesOfUsers,
  userNames,
  userIdsByLogin,
} from './identity.repository.ts';

export function createIdentity(deps: AppDeps) {
  const auth = new AuthService({
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    nudgeOutbox: () => deps.runtime.outbox.nudge(),
    rolesCacheMs: deps.config.sessionCacheMs,
  });
  const access = new AccessService({
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    onPermissionsChanged: () => auth.invalidatePermissionCache(),
    signIn: auth.throttle,
  });
  const register = (app: FastifyInstance) =>
    app.register(
      identityRoutes({
        auth,
        access,
        cookieSecure: deps.config.cookieSecure,
        loginRatePerMinute: deps.config.loginRatePerMinute,
      }),
    );
  return { auth, access, register };
}
export { IDENTITY_SETTINGS } from './identity.settings.ts';
