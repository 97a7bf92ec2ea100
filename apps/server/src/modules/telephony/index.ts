import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { TelephonyContext, TelephonyPorts } from './context.ts';
import { loggingDialer, type Dialer } from './dialer.ts';
import { TelephonyService } from './telephony.service.ts';
import { telephonyRoutes } from './telephony.routes.ts';
import './telephony.events.ts';

export type { TelephonyTables } from './telephony.schema.ts';
export type { TelephonyPorts } from './context.ts';
export type { Dialer } from './dialer.ts';
export { TELEPHONY_SETTINGS, TELEPHONY_POLICY_KEY } from './telephony.settings.ts';
export { signTelephony } from './domain/signature.ts';

/**
 * Telephony (来电弹屏, issue #21 item 4): the call platform's signed webhook, the calls popping on
 * the agent console (polled: works across stateless API nodes), and ended calls written into the
 * call-centre records so the figures count them. Its own small module: the call-centre module is
 * about figures of past calls, this one about calls happening now and the platform's credential.
 */
export function createTelephony(
  deps: AppDeps,
  ports: TelephonyPorts,
  dialer: Dialer = loggingDialer(deps.logger.child({ c: 'telephony' })),
) {
  const ctx: TelephonyContext = { db: deps.db, dialect: deps.dialect, clock: deps.clock, ports, dialer };
  const service = new TelephonyService(ctx);
  return {
    ctx,
    service,
    register: (app: FastifyInstance) => app.register(telephonyRoutes(service, deps.db, deps.clock)),
  };
}
export type TelephonyModule = ReturnType<typeof createTelephony>;
