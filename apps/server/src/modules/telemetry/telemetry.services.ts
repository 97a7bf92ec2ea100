import type { TelemetryBatch } from '@anxin/contracts';
import { AlertsService } from './alerts.service.ts';
import type { TelemetryContext } from './context.ts';
import { DevicesService } from './devices.service.ts';
import { takeBatch } from './intake.ts';
import { RulesService } from './rules.service.ts';
import type { DeviceRecord } from './telemetry.repository.ts';

/** The module's use cases, one service per concern. */
export function telemetryServices(ctx: TelemetryContext) {
  return {
    devices: new DevicesService(ctx),
    rules: new RulesService(ctx),
    alerts: new AlertsService(ctx),
    intake: (device: DeviceRecord, batch: TelemetryBatch) => takeBatch(ctx, device, batch),
  };
}
export type TelemetryServices = ReturnType<typeof telemetryServices>;
