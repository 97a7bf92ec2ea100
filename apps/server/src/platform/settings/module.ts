import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { SettingsRegistry, type SettingDefinition } from './registry.ts';
import { settingsRoutes } from './routes.ts';
import { SettingsService } from './service.ts';

/** The settings area: a registry of every module's settings, its service and the one set of routes. */
export function createSettings(deps: AppDeps, definitions: readonly SettingDefinition[]) {
  const registry = new SettingsRegistry().register(...definitions);
  const service = new SettingsService(deps, registry);
  return {
    registry,
    service,
    register: async (app: FastifyInstance) => {
      await app.register(settingsRoutes(service));
      // A stored value that no longer parses is logged at start-up, not only when someone looks.
      app.addHook('onReady', async () => {
        await service
          .invalidKeys()
          .catch((err: unknown) => deps.logger.warn({ err }, 'settings check failed'));
      });
    },
  };
}
