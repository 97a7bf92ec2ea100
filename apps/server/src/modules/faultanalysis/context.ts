import type { Clock } from '../../platform/clock/index.ts';
import type { Db, DialectName } from '../../platform/db/types.ts';
import type { Logger } from '../../platform/logging/index.ts';

export interface Named {
  nameZh: string;
  nameEn: string;
}

/** A window of instants [from, to) and an optional product category. */
export interface Window {
  from: string;
  to: string;
  categoryCode: string | null;
}

/** What fault analysis reads from the owners (bound in modules.ts through their index.ts). */
export interface FaultAnalysisPorts {
  /** Repair orders counted per model or fault code (modules/workorders, grouped in SQL). */
  repairCounts: (w: Window, by: 'model' | 'fault_code') => Promise<{ key: string | null; count: number }[]>;
  /** Ids of the repair orders of a window (modules/workorders). */
  repairOrderIds: (w: Window) => Promise<string[]>;
  /** Parts consumed on orders, per item: distinct orders (modules/parts). */
  partCounts: (orderIds: string[]) => Promise<{ itemId: string; orders: number }[]>;
  /** Names for keys, by dimension (catalogue: models, fault codes; parts: items). */
  modelNames: (ids: string[]) => Promise<Map<string, Named>>;
  faultNames: (ids: string[]) => Promise<Map<string, Named>>;
  partNames: (ids: string[]) => Promise<Map<string, Named>>;
  categoryNames: (codes: string[]) => Promise<Map<string, Named>>;
}

export interface FaultAnalysisContext {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  logger: Logger;
  ports: FaultAnalysisPorts;
}
