import {
  DEFAULT_KNOWLEDGE_POLICY,
  KnowledgePolicySchema,
  PERMISSIONS,
  type KnowledgePolicy,
} from '@anxin/contracts';
import type { Logger } from '../../platform/logging/index.ts';
import { systemActor, type Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Db, DialectName } from '../../platform/db/types.ts';
import type { FileStorage } from '../../platform/files/index.ts';
import { readSetting } from '../../platform/settings/index.ts';
import { KNOWLEDGE_POLICY_KEY } from './knowledge.settings.ts';

/** What a closed order contributes to the case library (read through workorders and fieldwork). */
export interface ClosedOrderFacts {
  orderId: string;
  orderNo: string;
  closedAt: string;
  categoryCode: string | null;
  modelCode: string | null;
  faultCodes: string[];
  fault: string;
  diagnosis: string;
  fix: string;
  parts: string[];
  /** Names, phone numbers and addresses of the order, stripped from every free text. */
  personal: string[];
}

export interface KnowledgePorts {
  /** Facts of a closed order, or null when it is gone or not closed. */
  closedOrder(orderId: string): Promise<ClosedOrderFacts | null>;
  /** Orders registered, resolved remotely and with an article in [from, to). */
  remoteResolutions(
    from: string,
    to: string,
  ): Promise<{ registered: number; remoteResolved: number; withArticle: number }>;
}

export interface KnowledgeContext {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  logger: Logger;
  ports: KnowledgePorts;
  /** Where uploaded manuals and videos live (`knowledge/<file id>`). */
  storage: FileStorage;
  nudgeOutbox: () => void;
}

export const SYSTEM_ACTOR: Actor = systemActor(PERMISSIONS);
export { eventActorOf } from '../../platform/auth/actor.ts';

export async function knowledgePolicy(db: Db): Promise<KnowledgePolicy> {
  return (await readSetting(db, KNOWLEDGE_POLICY_KEY, KnowledgePolicySchema, DEFAULT_KNOWLEDGE_POLICY)).value;
}
