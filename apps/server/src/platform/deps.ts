import type { Config } from '../config/index.ts';
import type { Clock } from './clock/index.ts';
import type { Db, DialectName } from './db/types.ts';
import type { Logger } from './logging/index.ts';
import type { Runtime } from './runtime.ts';

/** What every module's factory receives; modules add their own services on top. */
export interface AppDeps {
  config: Config;
  db: Db;
  dialect: DialectName;
  clock: Clock;
  logger: Logger;
  /** Jobs, the outbox dispatcher and the SMS sender (platform/runtime.ts). */
  runtime: Runtime;
}
