import type { TransitionHooks } from '../workorders/index.ts';
import { resolveAlertsOfOrder } from './alerts.service.ts';
import type { TelemetryContext } from './context.ts';

/**
 * Telemetry's part in work-order transitions: an alert is resolved in the transaction that closes
 * or cancels its order, so the two never disagree and a later firing opens a new alert.
 */
export function registerTelemetryHooks(ctx: TelemetryContext, hooks: Pick<TransitionHooks, 'register'>) {
  hooks.register({
    name: 'telemetry.alerts_resolved_on_close',
    to: 'closed',
    async within(trx, { order, now }) {
      await resolveAlertsOfOrder(ctx, trx, order.id, now);
    },
  });
  hooks.register({
    name: 'telemetry.alerts_resolved_on_cancel',
    to: 'cancelled',
    async within(trx, { order, now }) {
      await resolveAlertsOfOrder(ctx, trx, order.id, now);
    },
  });
}
