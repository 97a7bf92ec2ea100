import { CallCenterPolicySchema, DEFAULT_CALLCENTER_POLICY, type CallCenterPolicy } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { DialectName } from '../../platform/db/types.ts';
import { readSetting } from '../../platform/settings/index.ts';

export const CALLCENTER_POLICY_KEY = 'callcenter.policy';

/** What every use case of the call-centre module gets (built once in index.ts). */
export interface CallCenterContext {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
}

export function callCenterPolicy(db: Kysely<Database>): Promise<CallCenterPolicy> {
  return readSetting(db, CALLCENTER_POLICY_KEY, CallCenterPolicySchema, DEFAULT_CALLCENTER_POLICY).then(
    (s) => s.value,
  );
}
