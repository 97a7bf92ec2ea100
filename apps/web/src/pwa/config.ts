/**
 * The phone apps (technician `/m/`, customer portal `/portal/`) as installable PWAs: their
 * service-worker scopes, the API reads kept for offline use and how long. Read by vite.config.ts
 * (to generate the service worker) and by the page (to register it and to forget the cached
 * reads on sign-out), so both sides agree on one set of names and figures.
 */
export interface PhoneApp {
  /** Service-worker scope and manifest folder (public/<id>/manifest.webmanifest). */
  id: 'm' | 'portal';
  scope: string;
}

export const PHONE_APPS: readonly PhoneApp[] = [
  { id: 'm', scope: '/m/' },
  { id: 'portal', scope: '/portal/' },
];

export const PWA_DEFAULTS = {
  /** Cache Storage name of the API reads kept for offline use (cleared on sign-out). */
  apiCache: 'anxin-api-offline',
  /** A network answer slower than this is replaced by the cached one (a weak basement signal). */
  networkTimeoutSeconds: 6,
  /** Back online but a queued write still failed: the technician app tries again after this. */
  queueRetrySeconds: 5,
  /** Cached reads older than this are not shown (the day's jobs of yesterday are no use). */
  apiMaxAgeSeconds: 2 * 24 * 3600,
  apiMaxEntries: 200,
  /** The largest file precached with the app shell (the chart library is the largest). */
  maxPrecacheBytes: 4 * 1024 * 1024,
} as const;

/**
 * GET reads the phone apps need to show something offline: the session probe, the technician's
 * job list and job details, the portal's orders. Network first, the cached answer only when the
 * network fails; every write stays network-only.
 */
export const OFFLINE_READS: readonly RegExp[] = [
  /^\/api\/v1\/auth\/session$/,
  /^\/api\/v1\/field\/jobs(\/[^/]+)?$/,
  /^\/api\/v1\/portal\/orders(\/[^/]+)?$/,
];
