import type { Db } from '../../platform/db/types.ts';
import { assertDestination, outboundAllowList } from '../../platform/net/outbound.ts';
import { outcomeOf, unreachable, type Outcome, type RemoteRequest } from './domain/remote.ts';

/** Calls a brand's partner API with the connection's token (and a key on writes). */
export type RemoteCall = (
  conn: { baseUrl: string; token: string },
  req: RemoteRequest,
  opts: { timeoutMs: number; idempotencyKey?: string },
) => Promise<Outcome>;

export const hostOf = (baseUrl: string): string => {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
};

/** fetch with a timeout; redirects are not followed (a token is never sent somewhere else). */
export const fetchRemote: RemoteCall = async (conn, req, opts) => {
  const host = hostOf(conn.baseUrl);
  const headers: Record<string, string> = {
    authorization: `Bearer ${conn.token}`,
    accept: 'application/json',
  };
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
  let res: Response;
  try {
    res = await fetch(conn.baseUrl.replace(/\/+$/, '') + req.path, {
      method: req.method,
      headers,
      ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
  } catch {
    return { kind: 'retry', problem: unreachable(host) };
  }
  // Not JSON (a proxy's page, a 204): worded as an unknown answer, or done, below.
  const body: unknown = await res.json().catch(() => null);
  return outcomeOf(host, res.status, body);
};

/**
 * `fetchRemote` behind the outbound guard: a base URL whose host now resolves to an internal
 * address (not allowed in `net.outbound`) is not contacted, and reads as unreachable.
 */
export const guardedRemote =
  (db: Db, call: RemoteCall = fetchRemote): RemoteCall =>
  async (conn, req, opts) => {
    try {
      await assertDestination(conn.baseUrl, await outboundAllowList(db));
    } catch {
      return { kind: 'retry', problem: unreachable(hostOf(conn.baseUrl)) };
    }
    return call(conn, req, opts);
  };
