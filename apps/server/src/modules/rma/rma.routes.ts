import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateRmaSchema,
  IdSchema,
  PortalRmaRequestSchema,
  RmaCaseSchema,
  RmaListSchema,
  RmaPhotoSchema,
  RmaOverrideDecisionSchema,
  RmaQuerySchema,
  RmaStepSchema,
} from '@anxin/contracts';
import { fieldError } from '../../platform/http/errors.ts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { RmaPhotos } from './photos.ts';
import type { RmaService } from './rma.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 413, 415, 422);
const tags = ['rma'];
const P = '/api/v1/rma';
const IdParams = z.object({ id: IdSchema });

/** RMA cases: open (hotline, store), list and read, take a step of the state table, photos. */
export function rmaRoutes(svc: RmaService, photos: RmaPhotos, maxUploadBytes: number) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    await fastify.register(fastifyMultipart, {
      limits: { fileSize: maxUploadBytes, files: 1, fields: 2, parts: 3 },
    });
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      P,
      {
        config: { permission: 'rma:read' },
        schema: {
          tags,
          summary: 'RMA cases (an outlet sees its own)',
          querystring: RmaQuerySchema,
          response: { 200: RmaListSchema, ...problems },
        },
      },
      async (req) => svc.list(req.actor!, req.query),
    );
    app.post(
      P,
      {
        config: { permission: 'rma:request' },
        schema: {
          tags,
          summary: 'Open a return, exchange or part-replacement case (the 三包 engine decides)',
          body: CreateRmaSchema,
          response: { 201: RmaCaseSchema, ...problems },
        },
      },
      async (req, reply) => {
        const a = req.actor!;
        const source = a.roles.includes('outlet_manager') ? 'store' : 'hotline';
        return reply.status(201).send(await svc.create(a, req.body, source));
      },
    );
    app.get(
      `${P}/:id`,
      {
        config: { permission: 'rma:read' },
        schema: {
          tags,
          summary: 'One RMA case with its evaluation, photos and history',
          params: IdParams,
          response: { 200: RmaCaseSchema, ...problems },
        },
      },
      async (req) => svc.get(req.actor!, req.params.id),
    );
    app.post(
      `${P}/:id/override`,
      {
        config: { permission: 'rma:approve' },
        schema: {
          tags,
          summary: 'Approve or reject an override of the 三包 evaluation (a reason to reject)',
          params: IdParams,
          body: RmaOverrideDecisionSchema,
          response: { 200: RmaCaseSchema, ...problems },
        },
      },
      async (req) => svc.transition(req.actor!, req.params.id, req.body),
    );
    app.post(
      `${P}/:id/transitions`,
      {
        config: { permission: 'rma:manage' },
        schema: {
          tags,
          summary: 'Take one working step: inspect, decide, ship, refund or exchange, close',
          params: IdParams,
          body: RmaStepSchema,
          response: { 200: RmaCaseSchema, ...problems },
        },
      },
      async (req) => svc.transition(req.actor!, req.params.id, req.body),
    );
    app.post(
      `${P}/:id/photos`,
      {
        config: { permission: 'rma:manage' },
        schema: {
          tags,
          summary: 'Add an inspection photo (multipart field `file`)',
          params: IdParams,
          response: { 201: RmaPhotoSchema, ...problems },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart())
          throw fieldError('file', 'required', 'Send the photo as multipart/form-data in field `file`');
        const file = await req.file();
        if (!file || file.fieldname !== 'file')
          throw fieldError('file', 'required', 'Send the photo in the multipart field `file`');
        const out = await photos.add(req.actor!, req.params.id, {
          filename: file.filename,
          mimetype: file.mimetype,
          stream: file.file,
        });
        return reply.status(201).send(out);
      },
    );
    app.get(
      `${P}/:id/photos/:photoId`,
      {
        config: { permission: 'rma:read' },
        schema: {
          tags,
          summary: 'An inspection photo',
          params: z.object({ id: IdSchema, photoId: IdSchema }),
        },
      },
      async (req, reply) => {
        const p = await photos.open(req.actor!, req.params.id, req.params.photoId);
        return reply.type(p.contentType).header('content-length', p.sizeBytes).send(p.stream);
      },
    );

    // The customer's own request from the portal (their product; the cause is refined at closing).
    app.get(
      '/api/v1/portal/rma',
      {
        config: { permission: 'customer' },
        schema: {
          tags,
          summary: "The customer's return and exchange requests",
          response: { 200: RmaListSchema, ...problems },
        },
      },
      async (req) => svc.list(req.actor!, {}),
    );
    app.post(
      '/api/v1/portal/rma',
      {
        config: { permission: 'customer' },
        schema: {
          tags,
          summary: 'The customer asks for a return, exchange or replacement part of their product',
          body: PortalRmaRequestSchema,
          response: { 201: RmaCaseSchema, ...problems },
        },
      },
      async (req, reply) => {
        const b = req.body;
        const out = await svc.create(
          req.actor!,
          {
            ...b,
            performanceFault: false,
            cause: b.remedy === 'no_reason_return' ? 'no_reason' : 'other',
          },
          'portal',
        );
        return reply.status(201).send(out);
      },
    );
  };
}
