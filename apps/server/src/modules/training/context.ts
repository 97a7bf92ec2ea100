import { DEFAULT_TRAINING_POLICY, TrainingPolicySchema, type TrainingPolicy } from '@anxin/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { DialectName } from '../../platform/db/types.ts';
import type { FileStorage } from '../../platform/files/index.ts';
import { readSetting } from '../../platform/settings/index.ts';

export const TRAINING_POLICY_KEY = 'training.policy';

/**
 * A knowledge-base article as a lesson links it (modules/knowledge `articleRef`): a port, so this
 * module runs (and tests) without the knowledge base; null when the article is not there.
 */
export type ArticleLookup = (id: string) => Promise<{ id: string; title: string } | null>;

/** What every use case of the training module gets (built once in index.ts). */
export interface TrainingContext {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  storage: FileStorage;
  articles: ArticleLookup;
}

export { eventActorOf } from '../../platform/auth/actor.ts';

export function trainingPolicy(db: Kysely<Database>): Promise<TrainingPolicy> {
  return readSetting(db, TRAINING_POLICY_KEY, TrainingPolicySchema, DEFAULT_TRAINING_POLICY).then(
    (s) => s.value,
  );
}
