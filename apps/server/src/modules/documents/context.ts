import type { ProofView, Quote, StatementDetail, WorkOrderDetail } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Db, DialectName } from '../../platform/db/types.ts';
import type { FittedPart } from './service-report.ts';

/**
 * What the documents read, each through the owning module's service or index (bound in
 * modules.ts). Functions taking the actor apply that module's own permission-free scope rules, so a
 * document is readable exactly when its object is: outside the actor's scope they throw 404.
 */
export interface DocumentsPorts {
  order(actor: Actor, id: string): Promise<WorkOrderDetail>;
  proof(actor: Actor, orderId: string): Promise<ProofView>;
  /** The stored signature image (PNG) of a proof. */
  signature(actor: Actor, orderId: string, photoId: string): Promise<Buffer>;
  /** Brand and model of an installed product. */
  product(productId: string): Promise<{ brand: string; model: string; serial: string } | null>;
  /** Parts consumed (fitted) on the order. */
  partsFitted(orderId: string): Promise<FittedPart[]>;
  quotesOfOrder(actor: Actor, orderId: string): Promise<Quote[]>;
  quote(actor: Actor, id: string): Promise<Quote>;
  statement(actor: Actor, id: string): Promise<StatementDetail>;
}

export interface DocumentsContext {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  logger: { error(obj: object, msg: string): void };
  ports: DocumentsPorts;
}
