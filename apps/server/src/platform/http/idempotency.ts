import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { Clock } from '../clock/index.ts';
import { DomainError, fieldError } from './errors.ts';

/**
 * Idempotent writes (Stripe style): the client sends `Idempotency-Key` with a write; the first
 * request claims the key, runs and stores its answer; a retry with the same key and the same body
 * gets the stored answer without running again; the same key with another body is refused with
 * `idempotency.key_reused`. A request that fails stores nothing (nothing changed), so the client may
 * retry it with the same key. Keys are per actor.
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY = /^[A-Za-z0-9_.:-]{8,100}$/;
/** A claim older than this whose request never answered (process died) may be taken over. */
const STALE_CLAIM_MS = 120_000;

export interface IdempotentAnswer {
  status: number;
  body: unknown;
  replayed: boolean;
}

/** Sorted keys, so two equal bodies hash the same however their keys were ordered. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

export const requestHash = (route: string, body: unknown): string =>
  createHash('sha256')
    .update(`${route}\n${canonical(body)}`)
    .digest('hex');

/** The key from the headers, or a 400 naming the header and the rule. */
export function idempotencyKeyOf(headers: Record<string, unknown>): string {
  const raw = headers[IDEMPOTENCY_HEADER];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (typeof key !== 'string' || key.length === 0)
    throw fieldError(
      'headers.idempotency-key',
      'required',
      'Send an Idempotency-Key header with every write',
    );
  if (!KEY.test(key))
    throw fieldError(
      'headers.idempotency-key',
      'invalid_format',
      'The Idempotency-Key must be 8–100 characters of letters, digits, - _ . :',
      { format: 'idempotency_key' },
    );
  return key;
}

export interface IdempotentRequest {
  actorId: string;
  key: string;
  route: string;
  body: unknown;
}

export type Claim = { kind: 'new' } | { kind: 'replay'; status: number; json: string };

const keyReused = () =>
  new DomainError(
    'idempotency.key_reused',
    'This Idempotency-Key was already used for a different request; send a new key',
    {
      errors: [
        {
          path: 'headers.idempotency-key',
          rule: 'idempotency.key_reused',
          message: 'used for another request',
        },
      ],
    },
  );

export class IdempotencyStore {
  private readonly db: Kysely<Database>;
  private readonly clock: Clock;

  constructor(db: Kysely<Database>, clock: Clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Runs `work` once per (actor, key). `route` is the method and concrete path, `body` the parsed
   * request (or a digest of it for uploads).
   */
  async run(
    req: { actorId: string; key: string; route: string; body: unknown },
    work: () => Promise<{ status: number; body: unknown }>,
  ): Promise<IdempotentAnswer> {
    const claim = await this.claim(req);
    if (claim.kind === 'replay')
      return { status: claim.status, body: JSON.parse(claim.json), replayed: true };
    let answer: { status: number; body: unknown };
    try {
      answer = await work();
    } catch (err) {
      // Failed requests change nothing; free the key so the same submission can be retried.
      await this.release(req);
      throw err;
    }
    await this.complete(req, answer.status, JSON.stringify(answer.body ?? null));
    return { ...answer, replayed: false };
  }

  /**
   * Takes the key for this request, or answers with the stored reply of the request that took it.
   * Refuses the key when it was used for another body, or while its first request still runs.
   */
  async claim(req: IdempotentRequest): Promise<Claim> {
    const hash = requestHash(req.route, req.body);
    const now = this.clock.now();
    const claimed = await this.db
      .insertInto('idempotency_keys')
      .values({
        actor_id: req.actorId,
        key: req.key,
        route: req.route,
        request_hash: hash,
        status_code: null,
        response_json: null,
        created_at: now.toISOString(),
      })
      .onConflict((oc) => oc.columns(['actor_id', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 1) return { kind: 'new' };
    const prior = await this.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('actor_id', '=', req.actorId)
      .where('key', '=', req.key)
      .executeTakeFirstOrThrow();
    if (prior.request_hash !== hash) throw keyReused();
    if (prior.status_code !== null)
      return { kind: 'replay', status: prior.status_code, json: prior.response_json ?? 'null' };
    if (!(await this.takeOverStale(req, prior.created_at, now)))
      throw new DomainError(
        'idempotency.in_progress',
        'A request with this Idempotency-Key is still being processed; retry shortly',
      );
    return { kind: 'new' };
  }

  /** A claim whose request never answered (the process died) may be taken after STALE_CLAIM_MS. */
  private async takeOverStale(req: IdempotentRequest, createdAt: string, now: Date): Promise<boolean> {
    if (now.getTime() - Date.parse(createdAt) <= STALE_CLAIM_MS) return false;
    const r = await this.db
      .updateTable('idempotency_keys')
      .set({ created_at: now.toISOString() })
      .where('actor_id', '=', req.actorId)
      .where('key', '=', req.key)
      .where('status_code', 'is', null)
      .where('created_at', '=', createdAt)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Stores the answer (`json` is the body as sent) so a retry gets it without running again. */
  async complete(req: { actorId: string; key: string }, status: number, json: string): Promise<void> {
    await this.db
      .updateTable('idempotency_keys')
      .set({ status_code: status, response_json: json })
      .where('actor_id', '=', req.actorId)
      .where('key', '=', req.key)
      .execute();
  }

  async release(req: { actorId: string; key: string }): Promise<void> {
    await this.db
      .deleteFrom('idempotency_keys')
      .where('actor_id', '=', req.actorId)
      .where('key', '=', req.key)
      .where('status_code', 'is', null)
      .execute();
  }

  /** Housekeeping: forget answers older than `before` (a recurring job may call it). */
  async purge(before: Date): Promise<number> {
    const r = await this.db
      .deleteFrom('idempotency_keys')
      .where('created_at', '<', before.toISOString())
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}

/**
 * Route helper: reads the header, runs the handler once per key and replies with the (stored)
 * answer; a replay carries `Idempotent-Replayed: true`.
 */
export async function replyIdempotent(
  store: IdempotencyStore,
  req: FastifyRequest,
  reply: FastifyReply,
  body: unknown,
  work: () => Promise<{ status: number; body: unknown }>,
): Promise<FastifyReply> {
  const key = idempotencyKeyOf(req.headers as Record<string, unknown>);
  const route = `${req.method} ${req.url.split('?')[0]}`;
  const answer = await store.run({ actorId: req.actor?.userId ?? '', key, route, body }, work);
  if (answer.replayed) reply.header('idempotent-replayed', 'true');
  return reply.status(answer.status).send(answer.body);
}
