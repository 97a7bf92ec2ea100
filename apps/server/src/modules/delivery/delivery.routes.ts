import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BookDeliverySchema,
  CreateCrewSchema,
  CrewSchema,
  DayPlanSchema,
  DeliveryBookingSchema,
  DeliveryFiguresSchema,
  DeliveryListSchema,
  DeliveryQuerySchema,
  DeliveryStepSchema,
  FiguresQuerySchema,
  IdSchema,
  PageQuerySchema,
  PlanDaySchema,
} from '@anxin/contracts';
import { fieldError } from '../../platform/http/errors.ts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { DeliveryServices } from './index.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 413, 415, 422);
const tags = ['delivery'];
const P = '/api/v1/delivery';
const IdParams = z.object({ id: IdSchema });

/** Deliveries: contracts to book, bookings and their steps, crews, day plans, photos, figures. */
export function deliveryRoutes(s: DeliveryServices, maxUploadBytes: number) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    await fastify.register(fastifyMultipart, {
      limits: { fileSize: maxUploadBytes, files: 1, fields: 2, parts: 3 },
    });
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      `${P}/contracts`,
      {
        config: { permission: 'delivery:book' },
        schema: {
          tags,
          summary: 'Stock-checked contracts waiting for a delivery date, with their latest booking day',
          querystring: PageQuerySchema.extend({ limit: PageQuerySchema.shape.limit.default(100) }),
        },
      },
      async (req) => s.bookings.contractsToBook(req.actor!, req.query),
    );
    app.get(
      `${P}/bookings`,
      {
        config: { permission: 'delivery:read' },
        schema: {
          tags,
          summary: 'Deliveries (a crew sees its own)',
          querystring: DeliveryQuerySchema,
          response: { 200: DeliveryListSchema, ...problems },
        },
      },
      async (req) => s.bookings.list(req.actor!, req.query),
    );
    app.post(
      `${P}/bookings`,
      {
        config: { permission: 'delivery:book' },
        schema: {
          tags,
          summary: 'Book the date agreed with the customer',
          body: BookDeliverySchema,
          response: { 201: DeliveryBookingSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await s.bookings.book(req.actor!, req.body)),
    );
    app.get(
      `${P}/bookings/:id`,
      {
        config: { permission: 'delivery:read' },
        schema: {
          tags,
          summary: 'One delivery',
          params: IdParams,
          response: { 200: DeliveryBookingSchema, ...problems },
        },
      },
      async (req) => s.bookings.get(req.actor!, req.params.id),
    );
    app.get(
      `${P}/bookings/:id/signature`,
      {
        config: { permission: 'delivery:read' },
        schema: { tags, summary: "The customer's signature (PNG)", params: IdParams },
      },
      async (req, reply) => {
        const url = await s.bookings.signature(req.actor!, req.params.id);
        if (!url) throw fieldError('signature', 'required', 'No signature yet');
        const png = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
        return reply.type('image/png').header('content-length', png.length).send(png);
      },
    );
    app.post(
      `${P}/bookings/:id/steps`,
      {
        // Each action's own permission is checked by the service against the state table.
        config: { permission: 'delivery:read' },
        schema: {
          tags,
          summary: 'Take one step: depart, deliver, exception, follow-up, RMA, voucher, callback',
          params: IdParams,
          body: DeliveryStepSchema,
          response: { 200: DeliveryBookingSchema, ...problems },
        },
      },
      async (req) => s.steps.take(req.actor!, req.params.id, req.body),
    );
    app.post(
      `${P}/bookings/:id/photos`,
      {
        config: { permission: 'delivery:work' },
        schema: { tags, summary: 'Add a photo (multipart field `file`)', params: IdParams },
      },
      async (req, reply) => {
        if (!req.isMultipart())
          throw fieldError('file', 'required', 'Send the photo as multipart/form-data in field `file`');
        const file = await req.file();
        if (!file || file.fieldname !== 'file')
          throw fieldError('file', 'required', 'Send the photo in the multipart field `file`');
        const out = await s.photos.add(
          req.actor!,
          req.params.id,
          { filename: file.filename, mimetype: file.mimetype, stream: file.file },
          maxUploadBytes,
        );
        return reply.status(201).send(out);
      },
    );
    app.get(
      `${P}/bookings/:id/photos/:photoId`,
      {
        config: { permission: 'delivery:read' },
        schema: {
          tags,
          summary: 'A photo of the delivery',
          params: z.object({ id: IdSchema, photoId: IdSchema }),
        },
      },
      async (req, reply) => {
        const p = await s.photos.open(req.actor!, req.params.id, req.params.photoId);
        return reply.type(p.contentType).header('content-length', p.sizeBytes).send(p.stream);
      },
    );
    app.get(
      `${P}/crews`,
      {
        config: { permission: 'delivery:read' },
        schema: {
          tags,
          summary: 'Delivery crews',
          response: { 200: z.object({ items: z.array(CrewSchema) }), ...problems },
        },
      },
      async (req) => ({ items: await s.crews.list(req.actor!) }),
    );
    app.post(
      `${P}/crews`,
      {
        config: { permission: 'delivery:plan' },
        schema: {
          tags,
          summary: 'Form a crew of technicians',
          body: CreateCrewSchema,
          response: { 201: CrewSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await s.crews.create(req.actor!, req.body)),
    );
    app.post(
      `${P}/plans`,
      {
        config: { permission: 'delivery:plan' },
        schema: {
          tags,
          summary: "Plan a day's deliveries per crew with the route optimiser",
          body: PlanDaySchema,
          response: { 200: DayPlanSchema, ...problems },
        },
      },
      async (req) => s.crews.planDay(req.actor!, req.body.date),
    );
    app.get(
      `${P}/figures`,
      {
        config: { permission: 'delivery:read' },
        schema: {
          tags,
          summary: 'On-time, intact, problems solved, callback satisfaction vs targets',
          querystring: FiguresQuerySchema,
          response: { 200: DeliveryFiguresSchema, ...problems },
        },
      },
      async (req) => s.figures(req.actor!, req.query),
    );
  };
}
