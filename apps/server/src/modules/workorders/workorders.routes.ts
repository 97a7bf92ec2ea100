import type { FastifyInstance } from 'fastify';
import { contentDisposition } from '../../platform/http/disposition.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import {
  AppointmentRequestSchema,
  AttachmentViewSchema,
  CreateWorkOrderResponseSchema,
  CreateWorkOrderSchema,
  IdSchema,
  pageOf,
  TransitionRequestSchema,
  WorkOrderDetailSchema,
  WorkOrderListQuerySchema,
  WorkOrderSummarySchema,
  VisitSlotsSchema,
} from '@anxin/contracts';
import { fieldError } from '../../platform/http/errors.ts';
import type { WorkOrdersService } from './workorders.service.ts';
import { problemResponses } from '../../platform/http/responses.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 413, 415, 422);
const IdParams = z.object({ id: IdSchema });
const tags = ['workorders'];

/** Thin routes: validate, check the declared permission, call one service method. */
export function workOrderRoutes(svc: WorkOrdersService, maxUploadBytes: number) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    // Encapsulated: multipart parsing exists only for these routes.
    await fastify.register(fastifyMultipart, {
      limits: { fileSize: maxUploadBytes, files: 1, fields: 5, parts: 6 },
    });
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/v1/work-orders',
      {
        config: { permission: 'workorder:create' },
        schema: {
          tags,
          summary: 'Register a work order (warns about open orders of the same product)',
          body: CreateWorkOrderSchema,
          response: { 201: CreateWorkOrderResponseSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.create(req.actor!, req.body, String(req.id))),
    );

    app.get(
      '/api/v1/visit-slots',
      {
        // Staff and portal customers alike: the windows offered for a visit are not a secret.
        config: { permission: 'authenticated' },
        schema: {
          tags,
          summary: 'The visit windows offered to customers (setting workorders.visit_slots)',
          response: { 200: VisitSlotsSchema, ...problems },
        },
      },
      async () => svc.visitSlots(),
    );

    app.get(
      '/api/v1/work-orders',
      {
        config: { permission: 'workorder:read' },
        schema: {
          tags,
          summary: 'List work orders in the caller’s data scope (keyset pages)',
          querystring: WorkOrderListQuerySchema,
          response: { 200: pageOf(WorkOrderSummarySchema), ...problems },
        },
      },
      async (req) => svc.list(req.actor!, req.query),
    );

    app.get(
      '/api/v1/work-orders/export.xlsx',
      {
        config: { permission: 'workorder:export' },
        schema: {
          tags,
          summary: 'Export the filtered list as Excel (streamed, capped)',
          querystring: WorkOrderListQuerySchema.omit({ cursor: true, limit: true }),
        },
      },
      async (req, reply) => {
        const stream = await svc.export(req.actor!, req.query, req.id);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header(
            'content-disposition',
            contentDisposition('attachment', '工单导出.xlsx', 'work-orders.xlsx'),
          )
          .send(stream);
      },
    );

    app.get(
      '/api/v1/work-orders/open-for-product/:productId',
      {
        config: { permission: 'workorder:read' },
        schema: {
          tags,
          summary: 'Open orders of an installed product (agent console)',
          params: z.object({ productId: IdSchema }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.string(),
                  number: z.string(),
                  type: z.string(),
                  status: z.string(),
                  createdAt: z.string(),
                }),
              ),
            }),
            ...problems,
          },
        },
      },
      async (req) => svc.openForProduct(req.actor!, req.params.productId),
    );

    app.get(
      '/api/v1/work-orders/:id',
      {
        config: { permission: 'workorder:read' },
        schema: {
          tags,
          summary: 'One work order with customer/product, SLA clocks and timeline',
          params: IdParams,
          response: { 200: WorkOrderDetailSchema, ...problems },
        },
      },
      async (req) => svc.get(req.actor!, req.params.id),
    );

    app.post(
      '/api/v1/work-orders/:id/transitions',
      {
        config: { permission: 'workorder:transition' },
        schema: {
          tags,
          summary: 'Move the order along its lifecycle',
          params: IdParams,
          body: TransitionRequestSchema,
          response: { 200: WorkOrderDetailSchema, ...problems },
        },
      },
      async (req) => svc.transition(req.actor!, req.params.id, req.body, { requestId: String(req.id) }),
    );

    app.post(
      '/api/v1/work-orders/:id/appointment',
      {
        config: { permission: 'workorder:update' },
        schema: {
          tags,
          summary: 'Agree or move the appointment window',
          params: IdParams,
          body: AppointmentRequestSchema,
          response: { 200: WorkOrderDetailSchema, ...problems },
        },
      },
      async (req) => svc.appointment(req.actor!, req.params.id, req.body, String(req.id)),
    );

    app.post(
      '/api/v1/work-orders/:id/attachments',
      {
        config: { permission: 'workorder:update' },
        schema: {
          tags,
          summary: 'Upload a photo, video or PDF (multipart field `file`)',
          params: IdParams,
          response: { 201: AttachmentViewSchema, ...problems },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart())
          throw fieldError('file', 'required', 'Send the file as multipart/form-data in field `file`');
        const file = await req.file();
        if (!file || file.fieldname !== 'file')
          throw fieldError('file', 'required', 'Send the file in the multipart field `file`');
        const out = await svc.addAttachment(
          req.actor!,
          req.params.id,
          { filename: file.filename, mimetype: file.mimetype, stream: file.file },
          String(req.id),
        );
        return reply.status(201).send(out);
      },
    );

    app.get(
      '/api/v1/work-orders/:id/attachments/:attachmentId',
      {
        config: { permission: 'workorder:read' },
        schema: {
          tags,
          summary: 'Download an attachment',
          params: z.object({ id: IdSchema, attachmentId: IdSchema }),
        },
      },
      async (req, reply) => {
        const a = await svc.openAttachment(req.actor!, req.params.id, req.params.attachmentId);
        return reply
          .type(a.contentType)
          .header('content-length', a.sizeBytes)
          .header('content-disposition', contentDisposition('attachment', a.filename))
          .send(a.stream);
      },
    );
  };
}
