import type { Clock } from '../../platform/clock/index.ts';
import type { Db, DialectName } from '../../platform/db/types.ts';
import type { Logger } from '../../platform/logging/index.ts';
import type { BrandInboxRepository } from './brandinbox.repository.ts';
import type { RemoteCall } from './remote.ts';
import type { TokenSealer } from './seal.ts';

/** What the inbox needs from other modules (bound in modules.ts). */
export interface BrandInboxPorts {
  /** Outlet names by id; an id missing from the map is no outlet (modules/network). */
  outletNames: (ids: string[]) => Promise<Map<string, string>>;
}

export interface BrandInboxContext {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  logger: Logger;
  repo: BrandInboxRepository;
  sealer: TokenSealer;
  remote: RemoteCall;
  ports: BrandInboxPorts;
  /** Sends due answers soon after a commit (the job is the safety net). */
  kickSender: () => void;
  /** Pulls one connection soon (a verified webhook); pulls already waiting absorb further kicks. */
  kickPull: (connectionId: string) => void;
}
