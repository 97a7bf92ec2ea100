import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CareFiguresQuerySchema, CareFiguresSchema } from '@anxin/contracts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { CareFiguresService } from './carefigures.service.ts';

const problems = problemResponses(400, 401, 403);

/** 设备与服务运营: one read over the installed-base modules' figures. */
export function careFiguresRoutes(svc: CareFiguresService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/api/v1/care/figures',
      {
        config: { permission: 'report:read' },
        schema: {
          tags: ['carefigures'],
          summary:
            'Installed-base figures of a period: PM compliance, alerts → orders, contracts, recalls, campaigns',
          querystring: CareFiguresQuerySchema,
          response: { 200: CareFiguresSchema, ...problems },
        },
      },
      async (req) => svc.figures(req.actor!, req.query),
    );
  };
}
