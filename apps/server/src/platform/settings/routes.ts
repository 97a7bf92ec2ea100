import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  PutSettingSchema,
  SettingKeyParamsSchema,
  SettingListSchema,
  SettingViewSchema,
} from '@anxin/contracts';
import { problemResponses } from '../http/responses.ts';
import type { SettingsService } from './service.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const tags = ['settings'];
const P = '/api/v1/settings';

/**
 * One set of routes for every registered setting. The route only requires a signed-in actor; each
 * key's own read and write permissions are checked by the service (a key the actor may not read is
 * a 404, as if it did not exist).
 */
export function settingsRoutes(svc: SettingsService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      P,
      {
        config: { permission: 'authenticated' },
        schema: {
          tags,
          summary: 'Every business setting the actor may read: value, version, default, validity',
          response: { 200: SettingListSchema, ...problems },
        },
      },
      async (req) => svc.list(req.actor!),
    );
    app.get(
      `${P}/:key`,
      {
        config: { permission: 'authenticated' },
        schema: {
          tags,
          summary: 'One business setting (needs the key’s read permission)',
          params: SettingKeyParamsSchema,
          response: { 200: SettingViewSchema, ...problems },
        },
      },
      async (req) => svc.get(req.actor!, req.params.key),
    );
    app.put(
      `${P}/:key`,
      {
        config: { permission: 'authenticated' },
        schema: {
          tags,
          summary: 'Replace a business setting (key’s write permission, optimistic version, audited)',
          params: SettingKeyParamsSchema,
          body: PutSettingSchema,
          response: { 200: SettingViewSchema, ...problems },
        },
      },
      async (req) => svc.put(req.actor!, req.params.key, req.body.value, req.body.version),
    );
  };
}
