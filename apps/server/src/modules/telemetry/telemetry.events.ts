import { z } from 'zod';
import { defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/** Devices, rules, readings batches and the alert lifecycle (raised → updated → acknowledged → resolved). */
const TELEMETRY_EVENT_SCHEMAS = {
  device_registered: z.looseObject({ serial: z.string(), productId: z.string() }),
  device_token_issued: z.looseObject({ serial: z.string(), rotated: z.boolean() }),
  device_revoked: z.looseObject({ serial: z.string() }),
  readings_received: z.looseObject({ accepted: z.number(), duplicates: z.number() }),
  rule_created: z.looseObject({ name: z.string() }),
  rule_updated: z.looseObject({ name: z.string(), active: z.boolean() }),
  alert_raised: z.looseObject({ deviceId: z.string(), ruleId: z.string(), dedupeKey: z.string() }),
  alert_updated: z.looseObject({ count: z.number() }),
  alert_order_opened: z.looseObject({ workOrderId: z.string(), workOrderNumber: z.string() }),
  alert_acknowledged: z.looseObject({}),
  alert_resolved: z.looseObject({ resolution: z.string(), workOrderId: z.string().nullable() }),
};
export const TELEMETRY_EVENTS = defineEvents('telemetry', 'telemetry', TELEMETRY_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'telemetry', typeof TELEMETRY_EVENT_SCHEMAS> {}
}

export const DEVICE_STREAM = 'telemetry_device';
export const RULE_STREAM = 'telemetry_rule';
export const ALERT_STREAM = 'telemetry_alert';
