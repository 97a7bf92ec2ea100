import type { Urgency } from '@anxin/contracts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent, SYSTEM } from '../../platform/events/append.ts';
import { notifyRole, notifySms } from '../../platform/notify/index.ts';
import type { TelemetryContext } from './context.ts';
import { describeAlert } from './domain/alert-state.ts';
import { ALERT_STREAM, TELEMETRY_EVENTS } from './telemetry.events.ts';
import { telemetryPolicy } from './telemetry.settings.ts';

const URGENCY: Record<'info' | 'warning' | 'critical', Urgency> = {
  info: 'low',
  warning: 'normal',
  critical: 'high',
};

/** A claim whose order never came is taken to be from a stopped node after this long. */
const STALE_CLAIM_MS = 15 * 60_000;

/**
 * The outbox follow-up of a raised alert: opens its ONE work order (报修 or 保养, as the rule says)
 * through modules/workorders as the system, links it, and tells the customer (SMS) and the roles
 * of the `telemetry.policy` setting (in the app) in the linking transaction. The creation is
 * claimed on the alert first, so a redelivery or a second caller opens nothing more; a failed
 * creation releases the claim and the outbox retries. The one window left is a node stopping
 * between the order's commit and the link: after the stale time the claim is taken again and a
 * second order opened (at-least-once, as for every follow-up that calls another module).
 */
export async function openOrderFor(ctx: TelemetryContext, alertId: string): Promise<void> {
  const alert = await ctx.repo.findAlert(alertId);
  if (!alert || alert.workOrderId || alert.state === 'resolved') return;
  const [device, rule] = await Promise.all([
    ctx.repo.findDevice(alert.deviceId),
    ctx.repo.findRule(alert.ruleId),
  ]);
  if (!device || !rule) return;
  const claimedAt = ctx.clock.now();
  const stale = new Date(claimedAt.getTime() - STALE_CLAIM_MS).toISOString();
  if (!(await ctx.repo.claimOrder(alert.id, claimedAt.toISOString(), stale))) return;
  const product = await ctx.ports.product(device.productId);
  const order = await ctx.ports
    .createOrder({
      type: rule.orderType,
      channel: 'api',
      customerId: device.customerId,
      productId: device.productId,
      faultDescription: describeAlert({
        ruleName: rule.name,
        deviceSerial: device.serial,
        productSerial: product?.serial ?? null,
        faultCode: alert.faultCode,
        value: alert.lastValue,
        at: alert.firstSeenAt,
      }),
      symptomCodes: [],
      urgency: URGENCY[alert.severity],
      preferredWindows: [],
    })
    .catch(async (err: unknown) => {
      await ctx.repo.releaseOrderClaim(alert.id);
      throw err;
    });
  const policy = await telemetryPolicy(ctx.db);
  const now = ctx.clock.now();
  await withTransaction(ctx.db, ctx.dialect, async ({ trx, afterCommit }) => {
    if (!(await ctx.repo.attachOrder(trx, alert.id, order.id, order.number))) return;
    await appendEvent(trx, {
      streamType: ALERT_STREAM,
      streamId: alert.id,
      type: TELEMETRY_EVENTS.type.alert_order_opened,
      actor: SYSTEM,
      at: now,
      data: { workOrderId: order.id, workOrderNumber: order.number },
    });
    const kind = rule.orderType === 'maintenance' ? '保养' : '报修';
    if (policy.notifyCustomer && order.contactPhone)
      await notifySms(
        trx,
        now,
        {
          to: order.contactPhone,
          text: `【安心售后】您的设备 ${device.serial} 上报预警（${rule.name}），我们已为您生成${kind}工单 ${order.number}，稍后将与您联系。`,
          template: 'telemetry_alert',
          params: { serial: device.serial, rule: rule.name, number: order.number },
          ref: `workorder:${order.id}`,
        },
        `telemetry-alert-sms:${alert.id}`,
      );
    for (const role of policy.notifyRoles)
      await notifyRole(
        trx,
        now,
        {
          role,
          title: `设备预警：${rule.name}`,
          body: `设备 ${device.serial} 预警，已生成${kind}工单 ${order.number}。`,
          event: 'telemetry.alert_opened',
          params: { serial: device.serial, rule: rule.name, number: order.number },
          ref: `workorder:${order.id}`,
        },
        `telemetry-alert-role:${alert.id}:${role}`,
      );
    afterCommit(ctx.nudgeOutbox);
  });
}
