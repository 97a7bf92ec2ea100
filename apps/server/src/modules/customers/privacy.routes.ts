import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EraseCustomerSchema, ErasureResultSchema, PersonalDataExportSchema } from '@anxin/contracts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { PrivacyService } from './privacy.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const tags = ['customers'];
const IdParam = z.object({ id: z.string().max(64) });
const P = '/api/v1/customers';

/** PIPL requests a customer makes through staff: a copy of their data, and erasure. */
export function privacyRoutes(privacy: PrivacyService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      `${P}/:id/personal-data`,
      {
        config: { permission: 'customer:privacy' },
        schema: {
          tags,
          summary: "The customer's personal data and orders as JSON (audited, watermarked)",
          params: IdParam,
          response: { 200: PersonalDataExportSchema, ...problems },
        },
      },
      async (req, reply) => {
        const body = await privacy.exportPersonalData(req.actor!, req.params.id, req.id);
        return reply
          .header(
            'content-disposition',
            `attachment; filename="customer-${body.customer.id}-personal-data.json"`,
          )
          .send(body);
      },
    );

    app.post(
      `${P}/:id/erase`,
      {
        config: { permission: 'customer:privacy' },
        schema: {
          tags,
          summary: 'Erase (anonymise) the customer’s personal data; orders keep their statistics',
          params: IdParam,
          body: EraseCustomerSchema,
          response: { 200: ErasureResultSchema, ...problems },
        },
      },
      async (req) =>
        privacy.erase(req.actor!, req.params.id, req.body.version, { requestId: req.id, reason: 'request' }),
    );
  };
}
