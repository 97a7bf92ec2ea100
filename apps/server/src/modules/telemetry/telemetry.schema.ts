/** A device fitted to an installed product; the token is stored as its SHA-256 only. */
export interface TelemetryDevicesTable {
  id: string;
  product_id: string;
  /** Copied from the product at registration: the alert list names the customer without a join. */
  customer_id: string;
  model_id: string;
  category_code: string;
  /** Where the product stands (data scope of the lists). */
  district_code: string | null;
  serial: string;
  label: string;
  state: 'active' | 'revoked';
  token_hash: string | null;
  token_hint: string | null;
  token_issued_at: string | null;
  running_hours: number | null;
  last_seen_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** One reading; `fault_codes` is a JSON array, `metrics` a JSON object. */
export interface TelemetryReadingsTable {
  id: string;
  device_id: string;
  message_id: string;
  at: string;
  running_hours: number | null;
  fault_codes: string;
  metrics: string;
  received_at: string;
}

/** An alert rule; `condition` is the JSON of `RuleCondition`. */
export interface TelemetryRulesTable {
  id: string;
  name: string;
  kind: 'threshold' | 'fault_code' | 'runtime';
  condition: string;
  severity: 'info' | 'warning' | 'critical';
  order_type: 'repair' | 'maintenance';
  model_id: string | null;
  category_code: string | null;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** An alert; `open_key` equals `dedupe_key` until resolved (unique: one open alert per problem). */
export interface TelemetryAlertsTable {
  id: string;
  device_id: string;
  rule_id: string;
  fault_code: string | null;
  dedupe_key: string;
  open_key: string | null;
  state: 'open' | 'acknowledged' | 'resolved';
  severity: 'info' | 'warning' | 'critical';
  count: number;
  last_value: number | null;
  first_seen_at: string;
  last_seen_at: string;
  order_claimed_at: string | null;
  work_order_id: string | null;
  work_order_number: string | null;
  resolved_at: string | null;
  resolution: 'order_closed' | 'manual' | null;
  version: number;
}

export interface TelemetryTables {
  telemetry_devices: TelemetryDevicesTable;
  telemetry_readings: TelemetryReadingsTable;
  telemetry_rules: TelemetryRulesTable;
  telemetry_alerts: TelemetryAlertsTable;
}

/** The tables this module owns; other modules read them through its index.ts. */
export const OWNED_TABLES = [
  'telemetry_devices',
  'telemetry_readings',
  'telemetry_rules',
  'telemetry_alerts',
] as const satisfies readonly (keyof TelemetryTables)[];
