import type { Migration } from '../platform/db/migrate.ts';
import * as m0001 from './0001_platform.ts';

/** Ordered, frozen once landed, forward-only. Append new migrations at the end. */
export const migrations: readonly Migration[] = [{ name: '0001_platform', up: m0001.up }];
