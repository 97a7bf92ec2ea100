import {
  DEFAULT_ROUTE_MAP_SETTINGS,
  RouteMapSettingsSchema,
  type RouteMapConfig,
  type RouteMapSettings,
} from '@anxin/contracts';
import type { Db } from '../../../platform/db/types.ts';
import { readSetting } from '../../../platform/settings/index.ts';

export const ROUTE_MAP_SETTINGS_KEY = 'routing.map';

export async function routeMapSettings(db: Db): Promise<RouteMapSettings> {
  return (await readSetting(db, ROUTE_MAP_SETTINGS_KEY, RouteMapSettingsSchema, DEFAULT_ROUTE_MAP_SETTINGS))
    .value;
}

/**
 * The part of the map setting a planner's page needs: the provider's JS API takes its key in the
 * script URL (and AMap's security code in the page), so those two go out and nothing else does; a
 * provider chosen without a key is no provider.
 */
export function mapConfigOf(s: RouteMapSettings): RouteMapConfig {
  if (s.provider === 'none' || !s.apiKey) return { provider: 'none', key: null, securityCode: null };
  return {
    provider: s.provider,
    key: s.apiKey,
    securityCode: s.provider === 'amap' && s.securityCode ? s.securityCode : null,
  };
}
