import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { TransitionHooks } from '../workorders/index.ts';
import type { TelemetryContext, TelemetryPorts } from './context.ts';
import { registerTelemetryHooks } from './hooks.ts';
import { OPEN_ORDER_TOPIC, type OpenOrderPayload } from './intake.ts';
import { openOrderFor } from './open-order.ts';
import { TelemetryRepository } from './telemetry.repository.ts';
import { telemetryRoutes } from './telemetry.routes.ts';
import { telemetryServices } from './telemetry.services.ts';
import './telemetry.events.ts';

export type { TelemetryTables } from './telemetry.schema.ts';
export type { TelemetryPorts, TelemetryProduct } from './context.ts';
export { TELEMETRY_SETTINGS, TELEMETRY_POLICY_KEY } from './telemetry.settings.ts';
export { DEVICE_TOKEN_PREFIX } from './devices.service.ts';
export { runningHoursOf } from './reads.ts';
export { telemetryFigures } from './figures.ts';
export { alertFigures } from './domain/figures.ts';

/**
 * Telemetry intake and equipment alerts (产品预警, issue #18 item 2): devices post readings with
 * their token; rules raise alerts, one open alert per problem; each alert opens one work order
 * (outbox follow-up) and is resolved when that order closes (transition hook).
 */
export function createTelemetry(
  deps: AppDeps,
  ports: TelemetryPorts,
  workOrders: { hooks: Pick<TransitionHooks, 'register'> },
) {
  const ctx: TelemetryContext = {
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    logger: deps.logger.child({ c: 'telemetry' }),
    repo: new TelemetryRepository(deps.db),
    ports,
    nudgeOutbox: () => deps.runtime.outbox.nudge(),
  };
  const services = telemetryServices(ctx);
  registerTelemetryHooks(ctx, workOrders.hooks);
  deps.runtime.outbox.registerTopic<OpenOrderPayload>(OPEN_ORDER_TOPIC, async (p) => {
    await openOrderFor(ctx, p.alertId);
  });
  return {
    ctx,
    services,
    /** The outbox follow-up itself (the seed calls it directly). */
    openOrder: (alertId: string) => openOrderFor(ctx, alertId),
    register: (app: FastifyInstance) => app.register(telemetryRoutes(services)),
  };
}
export type TelemetryModule = ReturnType<typeof createTelemetry>;
