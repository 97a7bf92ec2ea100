import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CapaStatusChangeSchema,
  ComplaintDetailSchema,
  ComplaintListQuerySchema,
  ComplaintListSchema,
  ComplaintStatsQuerySchema,
  ComplaintStatsSchema,
  ComplaintTransitionSchema,
  CreateComplaintSchema,
  IdSchema,
  InvestigationSchema,
  NewCapaSchema,
  OrderLookupQuerySchema,
  OrderLookupSchema,
  ResponsibleCandidatesQuerySchema,
  ResponsibleCandidatesSchema,
} from '@anxin/contracts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { ComplaintsService } from './complaints.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const tags = ['complaints'];
const P = '/api/v1/complaints';
const IdParams = z.object({ id: IdSchema });
const CapaParams = z.object({ id: IdSchema, capaId: IdSchema });

export function complaintRoutes(svc: ComplaintsService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      P,
      {
        config: { permission: 'complaint:read' },
        schema: {
          tags,
          summary:
            'Complaints (投诉) with filters: status, severity, source, outlet, overdue, routed department',
          querystring: ComplaintListQuerySchema,
          response: { 200: ComplaintListSchema, ...problems },
        },
      },
      async (req) => svc.list(req.actor!, req.query),
    );

    app.post(
      P,
      {
        config: { permission: 'complaint:manage' },
        schema: {
          tags,
          summary: 'Register a complaint (outlet and technician default from the order)',
          body: CreateComplaintSchema,
          response: { 201: ComplaintDetailSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.create(req.actor!, req.body, req.id)),
    );

    app.get(
      `${P}/stats`,
      {
        config: { permission: 'complaint:read' },
        schema: {
          tags,
          summary: 'Complaint rate and resolution-within-SLA rate, overall and per outlet',
          querystring: ComplaintStatsQuerySchema,
          response: { 200: ComplaintStatsSchema, ...problems },
        },
      },
      async (req) => svc.stats(req.query.from, req.query.to),
    );

    app.get(
      `${P}/order-lookup`,
      {
        config: { permission: 'complaint:manage' },
        schema: {
          tags,
          summary: 'Find an order by its number to prefill a complaint (customer, outlet, technician)',
          querystring: OrderLookupQuerySchema,
          response: { 200: OrderLookupSchema, ...problems },
        },
      },
      async (req) => svc.lookupOrder(req.actor!, req.query.number),
    );

    app.get(
      `${P}/:id/responsible-candidates`,
      {
        config: { permission: 'complaint:manage' },
        schema: {
          tags,
          summary: "责任人 candidates: the technicians of an outlet (default: the complaint's own)",
          params: IdParams,
          querystring: ResponsibleCandidatesQuerySchema,
          response: { 200: ResponsibleCandidatesSchema, ...problems },
        },
      },
      async (req) => svc.responsibleCandidates(req.actor!, req.params.id, req.query.outletId),
    );

    app.get(
      `${P}/:id`,
      {
        config: { permission: 'complaint:read' },
        schema: {
          tags,
          summary: 'A complaint with its CAPA actions, timeline and the steps allowed now',
          params: IdParams,
          response: { 200: ComplaintDetailSchema, ...problems },
        },
      },
      async (req) => svc.get(req.actor!, req.params.id),
    );

    app.post(
      `${P}/:id/transitions`,
      {
        config: { permission: 'complaint:manage' },
        schema: {
          tags,
          summary: 'Acknowledge, investigate, resolve (remedy), close (verdict) or reopen (reason)',
          params: IdParams,
          body: ComplaintTransitionSchema,
          response: { 200: ComplaintDetailSchema, ...problems },
        },
      },
      async (req) => svc.transition(req.actor!, req.params.id, req.body, req.id),
    );

    app.put(
      `${P}/:id/investigation`,
      {
        config: { permission: 'complaint:manage' },
        schema: {
          tags,
          summary:
            'Record root cause, responsibility (department, outlet, technician, person), attitude flag',
          params: IdParams,
          body: InvestigationSchema,
          response: { 200: ComplaintDetailSchema, ...problems },
        },
      },
      async (req) => svc.investigate(req.actor!, req.params.id, req.body, req.id),
    );

    app.post(
      `${P}/:id/capa`,
      {
        config: { permission: 'complaint:manage' },
        schema: {
          tags,
          summary: 'Add a corrective or preventive action (owner and due date required)',
          params: IdParams,
          body: NewCapaSchema,
          response: { 201: ComplaintDetailSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.addCapa(req.actor!, req.params.id, req.body, req.id)),
    );

    app.post(
      `${P}/:id/capa/:capaId/status`,
      {
        config: { permission: 'complaint:manage' },
        schema: {
          tags,
          summary: 'Mark an action done, then verified',
          params: CapaParams,
          body: CapaStatusChangeSchema,
          response: { 200: ComplaintDetailSchema, ...problems },
        },
      },
      async (req) => svc.changeCapa(req.actor!, req.params.id, req.params.capaId, req.body, req.id),
    );
  };
}
