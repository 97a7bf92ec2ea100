import type { ReportKind, ReportScope } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Db, DialectName } from '../../platform/db/types.ts';
import type { FileStorage } from '../../platform/files/index.ts';
import type { Logger } from '../../platform/logging/index.ts';
import type { Period } from './domain/schedule.ts';

export type ReportLocale = 'zh-CN' | 'en-US';

/** What one producer hands back: the file and a few figures for the message's summary. */
export interface ProducedReport {
  filename: string;
  contentType: string;
  body: Buffer;
  /** Named counts the summary line shows (words.ts); empty: no summary. */
  figures: Record<string, number>;
}

export interface ProduceRequest {
  period: Period;
  scope: ReportScope;
  locale: ReportLocale;
}

/** One report of the catalogue, made by its owner module as the subscriber (bound in modules.ts). */
export type ReportProducer = (actor: Actor, req: ProduceRequest) => Promise<ProducedReport>;

export interface ReportSubsPorts {
  producers: Record<ReportKind, ReportProducer>;
  /** The subscriber as an actor (roles, permissions, data scope), or null when inactive/unknown. */
  actorOf: (userId: string) => Promise<Actor | null>;
  userNames: (ids: readonly string[]) => Promise<Map<string, string>>;
}

export interface ReportSubsContext {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  logger: Logger;
  storage: FileStorage;
  ports: ReportSubsPorts;
  nudgeOutbox: () => void;
}
