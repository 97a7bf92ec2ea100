/** One person's subscription to a periodic report. */
export interface ReportSubscriptionsTable {
  id: string;
  owner_id: string;
  kind: string;
  cadence: string;
  /** Weekly: 1 = Monday … 7 = Sunday; null when monthly. */
  weekday: number | null;
  /** Monthly: 1…31 (past the month's end: its last day); null when weekly. */
  month_day: number | null;
  /** Beijing wall-clock HH:MM. */
  time_of_day: string;
  /** JSON: the report's filters. */
  scope: string;
  /** JSON: the delivery channels. */
  channels: string;
  /** JSON: roles that also get the in-app notice. */
  roles: string;
  email: string | null;
  locale: string;
  paused: number;
  /** The next due instant (UTC); the job picks subscriptions whose time has come. */
  next_run_at: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/**
 * One run of a subscription. `slot` is the period for scheduled runs and `manual:<id>` for a
 * "send now", unique per subscription: a period runs exactly once, whatever the nodes or retries.
 */
export interface ReportRunsTable {
  id: string;
  subscription_id: string;
  slot: string;
  trigger: string;
  period_from: string;
  period_to: string;
  status: string;
  reason: string | null;
  file_key: string | null;
  file_name: string | null;
  content_type: string | null;
  size: number | null;
  created_at: string;
  finished_at: string | null;
}

export interface ReportSubsTables {
  report_subscriptions: ReportSubscriptionsTable;
  report_runs: ReportRunsTable;
}

/** The tables this module owns; other modules read them through its index.ts. */
export const OWNED_TABLES = [
  'report_subscriptions',
  'report_runs',
] as const satisfies readonly (keyof ReportSubsTables)[];
