import type { Clock } from '../../platform/clock/index.ts';
import type { Db, DialectName } from '../../platform/db/types.ts';
import type { Logger } from '../../platform/logging/index.ts';

/** How a delivery reaches the receiver (tests may replace it; production uses fetch). */
export type HttpPost = (
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
) => Promise<{ status: number }>;

/** Resolves a host name to its addresses (checked against private ranges before sending). */
export type Resolve = (host: string) => Promise<string[]>;

/**
 * What webhooks learn of outlets through other modules' indexes: the outlet an order is with now
 * (in the writer's transaction), and outlets' names for the endpoint list.
 */
export interface OutletPort {
  orderOutlet(db: Db, streamType: string, streamId: string): Promise<string | null>;
  names(ids: readonly string[]): Promise<Map<string, string>>;
}

export interface WebhookContext {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  logger: Logger;
  post: HttpPost;
  resolve: Resolve;
  nudgeOutbox: () => void;
  outlets: OutletPort;
}

export const DELIVER_TOPIC = 'webhooks.deliver';

/** The outbox message of one attempt; the attempt number makes a redelivered message a no-op. */
export interface DeliverMessage {
  deliveryId: string;
  attempt: number;
}
