import type { RouteMapConfig } from '@anxin/contracts';

// Loading a map provider's JS API into the page. The key travels in the script URL (that is how
// both providers take it); AMap 2.0 reads its security code from a global set before the script.

/** The script URL of the configured provider's JS API; null when none is configured. */
export function providerScriptUrl(config: RouteMapConfig): string | null {
  if (config.provider === 'none' || !config.key) return null;
  const key = encodeURIComponent(config.key);
  if (config.provider === 'amap') return `https://webapi.amap.com/maps?v=2.0&key=${key}`;
  return `https://api.tianditu.gov.cn/api?v=4.0&tk=${key}`;
}

/** The global each provider's script defines when it has loaded. */
export const PROVIDER_GLOBAL = { amap: 'AMap', tianditu: 'T' } as const;

export interface LoadOptions {
  /** Give up (and draw the plain plot) when the script neither loads nor fails in this time. */
  timeoutMs?: number;
}

const loading = new Map<string, Promise<unknown>>();

/**
 * Loads the provider's JS API once per page and resolves with its global (`AMap` / `T`); rejects
 * when the script fails, times out (no internet, a blocked host) or loads without its global (a bad key).
 */
export function loadProviderScript(config: RouteMapConfig, opts: LoadOptions = {}): Promise<unknown> {
  const url = providerScriptUrl(config);
  if (!url || config.provider === 'none') return Promise.reject(new Error('no map provider'));
  const name = PROVIDER_GLOBAL[config.provider];
  const w = window as unknown as Record<string, unknown>;
  if (w[name]) return Promise.resolve(w[name]);
  const cached = loading.get(url);
  if (cached) return cached;
  if (config.provider === 'amap' && config.securityCode)
    w._AMapSecurityConfig = { securityJsCode: config.securityCode };
  const promise = new Promise<unknown>((resolve, reject) => {
    const script = document.createElement('script');
    const timer = setTimeout(() => fail(new Error('map script timed out')), opts.timeoutMs ?? 8000);
    function fail(e: Error) {
      clearTimeout(timer);
      script.remove();
      loading.delete(url!);
      reject(e);
    }
    script.src = url;
    script.async = true;
    script.onerror = () => fail(new Error('map script failed to load'));
    script.onload = () => {
      clearTimeout(timer);
      if (w[name]) resolve(w[name]);
      else fail(new Error('map script loaded without its API'));
    };
    document.head.appendChild(script);
  });
  loading.set(url, promise);
  return promise;
}
