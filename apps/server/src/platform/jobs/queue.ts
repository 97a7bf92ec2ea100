import type { Logger } from '../logging/index.ts';

export interface JobContext {
  jobId: string;
  /** 1 on the first delivery; a handler may see the same job again (at-least-once). */
  attempt: number;
  logger: Logger;
}

export type JobHandler<P> = (payload: P, ctx: JobContext) => Promise<void>;

export interface RegisterOptions {
  /** Retries after the first attempt (pg-boss semantics): attempts = retryLimit + 1. */
  retryLimit?: number;
  /** First retry delay; doubles on each further retry. */
  retryDelaySeconds?: number;
}

export interface SendOptions {
  /** While a job with this key waits for its first attempt, another send with it returns null. */
  singletonKey?: string;
  startAfter?: Date;
}

/**
 * One queue API over pg-boss (PostgreSQL) and the in-process scheduler (SQLite).
 * Delivery is at-least-once: a crash after the handler's effect but before the job is marked done
 * runs it again, so handlers must be idempotent (unique keys, ON CONFLICT DO NOTHING, conditional
 * updates).
 */
export interface JobQueue {
  register<P>(name: string, handler: JobHandler<P>, opts?: RegisterOptions): void;
  /** Returns the job id, or null when a job with the same singletonKey is already queued. */
  send<P>(name: string, payload: P, opts?: SendOptions): Promise<string | null>;
  /**
   * Runs `name` once per `everySeconds` slot (slots aligned to the Unix epoch, UTC) across all
   * nodes. Idempotent: every node calls it at start-up; one schedule per job name.
   */
  schedule(name: string, everySeconds: number, payload?: unknown): Promise<void>;
  start(): Promise<void>;
  /** Stops fetching and waits (bounded) for running handlers. */
  stop(): Promise<void>;
}

export const DEFAULT_RETRY_LIMIT = 2;
export const DEFAULT_RETRY_DELAY_SECONDS = 10;
const MAX_BACKOFF_SECONDS = 3600;

/** Exponential backoff after the `attempt`-th failure: base, 2·base, 4·base … capped at an hour. */
export function backoffSeconds(baseSeconds: number, attempt: number): number {
  return Math.min(MAX_BACKOFF_SECONDS, baseSeconds * 2 ** Math.max(0, attempt - 1));
}

export const errorText = (err: unknown): string =>
  (err instanceof Error ? (err.stack ?? err.message) : String(err)).slice(0, 2000);
