import { DEFAULT_ROUTE_MAP_SETTINGS, RouteMapSettingsSchema } from '@anxin/contracts';
import { defineSetting } from '../../platform/settings/registry.ts';
import { ROUTE_MAP_SETTINGS_KEY } from './planning/map-settings.ts';
import {
  DEFAULT_PLANNING_SETTINGS,
  PLANNING_SETTINGS_KEY,
  PlanningSettingsSchema,
} from './planning/settings.ts';

export const ROUTING_SETTINGS = [
  defineSetting({
    key: PLANNING_SETTINGS_KEY,
    module: 'routing',
    schema: PlanningSettingsSchema,
    default: DEFAULT_PLANNING_SETTINGS,
    read: 'routing:plan',
    write: 'settings:manage',
    label: 'settings.keys.routing.planning',
    bounds: { speedKmh: { min: 5 }, windowMinutes: { min: 30 } },
    validate: (v) =>
      v.fallbackShift.startMinute < v.fallbackShift.endMinute
        ? []
        : [
            {
              path: 'fallbackShift.endMinute',
              rule: 'after_start',
              message: 'the shift must end after it starts',
            },
          ],
  }),
  defineSetting({
    key: ROUTE_MAP_SETTINGS_KEY,
    module: 'routing',
    schema: RouteMapSettingsSchema,
    default: DEFAULT_ROUTE_MAP_SETTINGS,
    // Holds the provider's key and security code: only those who may change settings read it whole;
    // planners get what the JS API needs through GET /api/v1/routing/map.
    read: 'settings:manage',
    write: 'settings:manage',
    label: 'settings.keys.routing.map',
  }),
];
