import type { Migration } from '../platform/db/migrate.ts';
import * as m0001 from './0001_platform.ts';
import * as m0004 from './0004_core_domain.ts';
import * as m0006 from './0006_workorders.ts';

/**
 * Ordered, frozen once landed, forward-only. Append new migrations at the end.
 * Numbers 0002 (calendar) and 0003 (jobs/outbox) are reserved for work in flight.
 */
export const migrations: readonly Migration[] = [
  { name: '0001_platform', up: m0001.up },
  { name: '0004_core_domain', up: m0004.up },
  { name: '0006_workorders', up: m0006.up },
];
