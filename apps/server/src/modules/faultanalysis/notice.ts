import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { notifyRole } from '../../platform/notify/index.ts';

/** The `faultanalysis.report` template's placeholders. */
export type FaultReportParams = Record<'from' | 'to' | 'orders' | 'alerts' | 'link', string>;

/**
 * The one place fault analysis sends notices (platform/notify is being put behind channels: only
 * its exported `notifyRole` is called, here). Keyed per period and role, so a retry sends nothing twice.
 */
export async function noticeToRole(
  trx: Kysely<Database>,
  at: Date,
  n: { role: string; title: string; body: string; ref: string; params: FaultReportParams },
  key: string,
): Promise<void> {
  await notifyRole(trx, at, { ...n, event: 'faultanalysis.report' }, key);
}
