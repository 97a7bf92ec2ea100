import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateServiceContractSchema,
  EntitlementQuerySchema,
  EntitlementSchema,
  IdSchema,
  ServiceContractDetailSchema,
  ServiceContractListQuerySchema,
  ServiceContractSchema,
  ServiceContractTransitionSchema,
  ServiceReminderRunSchema,
  ServiceReminderSchema,
  UpdateServiceContractSchema,
} from '@anxin/contracts';
import { problemResponses } from '../../platform/http/responses.ts';
import { runRenewals } from './renewals.ts';
import type { ServiceContractService } from './servicecontracts.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const tags = ['service-contracts'];
const P = '/api/v1/service-contracts';
const IdParams = z.object({ id: IdSchema });
const read = { permission: 'servicecontract:read' } as const;
const manage = { permission: 'servicecontract:manage' } as const;

/** Service contracts (服务合同): list, edit while a draft, steps, billing, entitlement, reminders. */
export function serviceContractRoutes(svc: ServiceContractService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      P,
      {
        config: read,
        schema: {
          tags,
          summary: 'Contracts, newest first; `q` matches the number or the customer name',
          querystring: ServiceContractListQuerySchema,
          response: { 200: z.object({ items: z.array(ServiceContractSchema) }), ...problems },
        },
      },
      async (req) => ({ items: await svc.list(req.query) }),
    );
    app.post(
      P,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Add a draft contract (its instalments are generated from the price and schedule)',
          body: CreateServiceContractSchema,
          response: { 201: ServiceContractDetailSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.create(req.actor!, req.body)),
    );
    app.get(
      `${P}/entitlement`,
      {
        config: read,
        schema: {
          tags,
          summary: 'The contract covering a product today (by id or serial), or why none does',
          querystring: EntitlementQuerySchema,
          response: { 200: EntitlementSchema, ...problems },
        },
      },
      async (req) => svc.entitlement(req.query),
    );
    app.get(
      `${P}/reminders`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Open renewal reminders, soonest end first',
          response: { 200: z.object({ items: z.array(ServiceReminderSchema) }), ...problems },
        },
      },
      async () => ({ items: await svc.reminders() }),
    );
    app.post(
      `${P}/reminders/:id/done`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'The renewal was dealt with: close the reminder',
          params: IdParams,
          response: { 204: z.null(), ...problems },
        },
      },
      async (req, reply) => {
        await svc.closeReminder(req.actor!, req.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      `${P}/run`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Raise due renewal reminders and expire ended contracts now (the job does this)',
          response: { 200: ServiceReminderRunSchema, ...problems },
        },
      },
      async () => runRenewals(svc),
    );
    app.get(
      `${P}/:id`,
      {
        config: read,
        schema: {
          tags,
          summary: 'One contract with its instalments and the visits counted',
          params: IdParams,
          response: { 200: ServiceContractDetailSchema, ...problems },
        },
      },
      async (req) => svc.get(req.params.id),
    );
    app.put(
      `${P}/:id`,
      {
        config: manage,
        schema: {
          tags,
          summary: "Replace a draft's terms (optimistic version)",
          params: IdParams,
          body: UpdateServiceContractSchema,
          response: { 200: ServiceContractDetailSchema, ...problems },
        },
      },
      async (req) => svc.update(req.actor!, req.params.id, req.body),
    );
    app.post(
      `${P}/:id/transition`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Activate or cancel (the state machine; a reason to cancel an active contract)',
          params: IdParams,
          body: ServiceContractTransitionSchema,
          response: { 200: ServiceContractDetailSchema, ...problems },
        },
      },
      async (req) => svc.transition(req.actor!, req.params.id, req.body),
    );
    app.post(
      `${P}/:id/instalments/:instalmentId/paid`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Mark an instalment paid',
          params: z.object({ id: IdSchema, instalmentId: IdSchema }),
          response: { 200: ServiceContractDetailSchema, ...problems },
        },
      },
      async (req) => svc.markPaid(req.actor!, req.params.id, req.params.instalmentId),
    );
  };
}
