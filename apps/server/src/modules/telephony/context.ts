import type { CallRecordInput } from '@anxin/contracts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Db, DialectName } from '../../platform/db/types.ts';
import type { Dialer } from './dialer.ts';

/** What telephony needs from other modules (bound in modules.ts). */
export interface TelephonyPorts {
  /** The user id of an agent by username (modules/identity), or undefined. */
  agentByLogin: (login: string) => Promise<string | undefined>;
  /** The live customer with exactly this phone (modules/customers), or null. */
  customerByPhone: (phone: string) => Promise<{ id: string; name: string } | null>;
  /** Writes an ended call into the call-centre records (modules/callcenter, idempotent by call id). */
  recordCall: (record: CallRecordInput, requestId: string | null) => Promise<void>;
}

export interface TelephonyContext {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  ports: TelephonyPorts;
  dialer: Dialer;
}
