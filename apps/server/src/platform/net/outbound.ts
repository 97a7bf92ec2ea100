import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { DomainError } from '../http/errors.ts';
import { readSetting } from '../settings/index.ts';
import { defineSetting } from '../settings/registry.ts';

/**
 * Outgoing requests to URLs people configure (robot webhooks, brand-inbox connections, webhook
 * endpoints) must not be a way into the internal network (SSRF): loopback, private, link-local,
 * CGNAT, unspecified and multicast destinations are refused, before saving (the URL as written)
 * and before sending (every address the host name resolves to). On-premise installs whose partners
 * live on the LAN list those hosts or CIDRs in `net.outbound` (default: none).
 */
export const NET_OUTBOUND_KEY = 'net.outbound';

const AllowEntry = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9.:_\-[\]]+(\/\d{1,3})?$/);
export const NetOutboundSchema = z.strictObject({
  /** Host names, IP addresses or CIDRs (`10.0.0.0/8`, `fd00::/8`) that may be private. */
  allowedHosts: z.array(AllowEntry).max(100),
});
export type NetOutbound = z.infer<typeof NetOutboundSchema>;
export const DEFAULT_NET_OUTBOUND: NetOutbound = { allowedHosts: [] };

export const NET_SETTINGS = [
  defineSetting({
    key: NET_OUTBOUND_KEY,
    module: 'net',
    schema: NetOutboundSchema,
    default: DEFAULT_NET_OUTBOUND,
    read: 'settings:manage',
    write: 'settings:manage',
    label: 'settings.keys.net.outbound',
  }),
];

export async function outboundAllowList(db: Kysely<Database>): Promise<string[]> {
  return (await readSetting(db, NET_OUTBOUND_KEY, NetOutboundSchema, DEFAULT_NET_OUTBOUND)).value
    .allowedHosts;
}

const v4 = (ip: string) => ip.split('.').map(Number) as [number, number, number, number];

/** Loopback, private, link-local, CGNAT, unspecified and multicast (IPv4, IPv6, IPv4-mapped IPv6). */
export function isPrivateAddress(ip: string): boolean {
  const kind = isIP(ip);
  if (kind === 4) {
    const [a, b] = v4(ip);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      a >= 224
    );
  }
  if (kind === 6) {
    const s = ip.toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(s);
    if (mapped) return isPrivateAddress(mapped[1]!);
    return s === '::' || s === '::1' || /^(f[cd]|fe[89ab]|ff)/.test(s);
  }
  return false;
}

/** The URL's host as written (brackets of an IPv6 literal removed), lower case. */
export const hostOf = (raw: string): string => new URL(raw).hostname.replace(/^\[|\]$/g, '').toLowerCase();

/** Why a destination is refused (null: it may be contacted). */
export type OutboundRefusal =
  'invalid' | 'scheme' | 'credentials' | 'address_not_allowed' | 'host_unresolved';

interface Allowed {
  hosts: Set<string>;
  nets: BlockList;
}

function allowedOf(entries: readonly string[]): Allowed {
  const hosts = new Set<string>();
  const nets = new BlockList();
  for (const raw of entries) {
    const e = raw
      .trim()
      .toLowerCase()
      .replace(/^\[|\]$/g, '');
    const [addr, prefix] = e.split('/') as [string, string | undefined];
    const kind = isIP(addr);
    if (kind && prefix !== undefined) nets.addSubnet(addr, Number(prefix), kind === 4 ? 'ipv4' : 'ipv6');
    else if (kind) nets.addAddress(addr, kind === 4 ? 'ipv4' : 'ipv6');
    else hosts.add(e);
  }
  return { hosts, nets };
}

const inNets = (a: Allowed, ip: string) => a.nets.check(ip, isIP(ip) === 4 ? 'ipv4' : 'ipv6');
const isLocalName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

/** Checks the URL as written: scheme, credentials, and a literal or local-name private host. */
export function urlRefusal(raw: string, allowList: readonly string[]): OutboundRefusal | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return 'invalid';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'scheme';
  if (u.username || u.password) return 'credentials';
  const host = hostOf(raw);
  if (!host) return 'invalid';
  const allowed = allowedOf(allowList);
  if (allowed.hosts.has(host)) return null;
  if (isLocalName(host)) return 'address_not_allowed';
  if (isIP(host) && isPrivateAddress(host) && !inNets(allowed, host)) return 'address_not_allowed';
  return null;
}

export type Resolve = (host: string) => Promise<string[]>;
export const resolveHost: Resolve = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * The send-time check: the URL as written, then every address its host resolves to (a public name
 * that resolves to a private address is refused unless that address is in an allowed CIDR).
 */
export async function destinationRefusal(
  raw: string,
  allowList: readonly string[],
  resolve: Resolve = resolveHost,
): Promise<OutboundRefusal | null> {
  const written = urlRefusal(raw, allowList);
  if (written) return written;
  const host = hostOf(raw);
  const allowed = allowedOf(allowList);
  if (allowed.hosts.has(host) || isIP(host)) return null;
  const addresses = await resolve(host).catch(() => null);
  if (!addresses || addresses.length === 0) return 'host_unresolved';
  return addresses.some((a) => isPrivateAddress(a) && !inNets(allowed, a)) ? 'address_not_allowed' : null;
}

/** Thrown at send time: the destination was refused (recorded as a failed delivery, retried later). */
export class OutboundRefusedError extends Error {
  readonly refusal: OutboundRefusal;
  readonly host: string;

  constructor(refusal: OutboundRefusal, host: string) {
    super(`outbound request to ${host || 'an invalid URL'} refused: ${refusal}`);
    this.name = 'OutboundRefusedError';
    this.refusal = refusal;
    this.host = host;
  }
}

const safeHost = (raw: string) => {
  try {
    return hostOf(raw);
  } catch {
    return '';
  }
};

/** Send time: throws `OutboundRefusedError` unless the destination may be contacted. */
export async function assertDestination(
  raw: string,
  allowList: readonly string[],
  resolve: Resolve = resolveHost,
): Promise<void> {
  const refusal = await destinationRefusal(raw, allowList, resolve);
  if (refusal) throw new OutboundRefusedError(refusal, safeHost(raw));
}

/**
 * Save time: a URL someone configures, as a problem+json `net.destination_not_allowed` (422) that
 * names the host and why. Only the URL as written is checked (DNS may change; sends check again).
 */
export async function assertConfigurableUrl(db: Kysely<Database>, raw: string, path: string): Promise<void> {
  const refusal = urlRefusal(raw, await outboundAllowList(db));
  if (!refusal) return;
  throw new DomainError('net.destination_not_allowed', `${path}: the URL is not allowed (${refusal})`, {
    params: { host: safeHost(raw), reason: refusal, field: path },
  });
}
