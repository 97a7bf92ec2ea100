import type { Migration } from '../platform/db/migrate.ts';
import * as m0001 from './0001_platform.ts';
import * as m0002 from './0002_calendar.ts';
import * as m0004 from './0004_core_domain.ts';
import * as m0006 from './0006_workorders.ts';

/**
 * Ordered, frozen once landed, forward-only. Append new migrations at the end.
 * Number 0003 (jobs/outbox) is reserved for work in flight.
 */
export const migrations: readonly Migration[] = [
  { name: '0001_platform', up: m0001.up },
  { name: '0002_calendar', up: m0002.up },
  { name: '0004_core_domain', up: m0004.up },
  { name: '0006_workorders', up: m0006.up },
];
