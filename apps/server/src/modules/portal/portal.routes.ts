import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import {
  AttachmentViewSchema,
  IdSchema,
  MeSchema,
  PORTAL_MAX_PHOTOS,
  PortalCancelSchema,
  PortalConfirmSchema,
  PortalContactSchema,
  PortalCreateRequestResponseSchema,
  PortalModelSchema,
  PortalNewRequestSchema,
  PortalOrderDetailSchema,
  PortalOrderSummarySchema,
  PortalOtpRequestSchema,
  PortalOtpResponseSchema,
  PortalRatingSchema,
  PublicRatingRequestSchema,
  PublicRatingResultSchema,
  PortalProductSchema,
  PortalRegisterProductSchema,
  PortalRescheduleSchema,
  PortalSessionRequestSchema,
  fieldIssuesOfZod,
} from '@anxin/contracts';
import { DomainError, fieldError } from '../../platform/http/errors.ts';
import { setSessionCookie, sourceOf, toMe } from '../identity/index.ts';
import type { PortalAuthService } from './portal-auth.service.ts';
import type { CustomerActor, PortalService } from './portal.service.ts';
import { problemResponses } from '../../platform/http/responses.ts';

export interface PortalRouteDeps {
  auth: PortalAuthService;
  portal: PortalService;
  cookieSecure: 'auto' | 'always' | 'never';
  maxUploadBytes: number;
  /** Sign-in attempts per client IP per minute (code requests follow the OTP policy). */
  signInPerIpPerMinute: number;
}

const problems = problemResponses(400, 401, 403, 404, 409, 413, 415, 422, 429);
const tags = ['portal'];
const P = '/api/v1/portal';
const IdParams = z.object({ id: IdSchema });
const PhotoParams = z.object({ id: IdSchema, photoId: IdSchema });
const customerOnly = { permission: 'customer' as const };

/** The signed-in customer; the route's `customer` permission has already turned everyone else away. */
function customerOf(req: FastifyRequest): CustomerActor {
  const a = req.actor;
  if (!a || a.kind !== 'customer' || !a.customerId)
    throw new DomainError('auth.forbidden', 'The portal is for customers; sign in with your phone number');
  return { actor: a, customerId: a.customerId };
}

export function portalRoutes(deps: PortalRouteDeps) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    await fastify.register(fastifyMultipart, {
      limits: {
        fileSize: deps.maxUploadBytes,
        files: PORTAL_MAX_PHOTOS,
        fields: 2,
        parts: PORTAL_MAX_PHOTOS + 2,
      },
    });
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post(
      `${P}/otp`,
      {
        config: {
          permission: 'public',
          rateLimit: { max: async () => (await deps.auth.policy()).perIpPerMinute, timeWindow: '1 minute' },
        },
        schema: {
          tags,
          summary:
            'Send a one-time sign-in code by SMS (202; capped per phone, per source and service-wide, 429)',
          body: PortalOtpRequestSchema,
          response: { 202: PortalOtpResponseSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(202).send(await deps.auth.sendCode(req.body.phone, sourceOf(req.ip))),
    );

    app.post(
      `${P}/session`,
      {
        config: {
          permission: 'public',
          rateLimit: { max: deps.signInPerIpPerMinute, timeWindow: '1 minute' },
        },
        schema: {
          tags,
          summary: 'Sign in with phone and one-time code; creates the customer on first sign-in',
          body: PortalSessionRequestSchema,
          response: { 200: MeSchema, ...problems },
        },
      },
      async (req, reply) => {
        const { sessionId, actor } = await deps.auth.signIn(req.body.phone, req.body.code, {
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? null,
        });
        setSessionCookie(req, reply, sessionId, deps.cookieSecure);
        return toMe(actor);
      },
    );

    app.get(
      `${P}/models`,
      {
        config: customerOnly,
        schema: {
          tags,
          summary: 'Product models to choose from when registering a product',
          response: { 200: z.object({ items: z.array(PortalModelSchema) }), ...problems },
        },
      },
      async () => deps.portal.models(),
    );

    app.get(
      `${P}/products`,
      {
        config: customerOnly,
        schema: {
          tags,
          summary: 'My products with warranty status',
          response: { 200: z.object({ items: z.array(PortalProductSchema) }), ...problems },
        },
      },
      async (req) => deps.portal.products(customerOf(req)),
    );

    app.post(
      `${P}/products`,
      {
        config: customerOnly,
        schema: {
          tags,
          summary: 'Register a product I own (409 naming `serial` if it is registered already)',
          body: PortalRegisterProductSchema,
          response: { 201: PortalProductSchema, ...problems },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await deps.portal.registerProduct(customerOf(req), req.body)),
    );

    app.get(
      `${P}/orders`,
      {
        config: customerOnly,
        schema: {
          tags,
          summary: 'My orders, newest first',
          querystring: z.object({
            cursor: z.string().max(512).optional(),
            limit: z.coerce.number().int().min(1).max(50).default(20),
          }),
          response: {
            200: z.object({ items: z.array(PortalOrderSummarySchema), nextCursor: z.string().nullable() }),
            ...problems,
          },
        },
      },
      async (req) => deps.portal.orders(customerOf(req), req.query.cursor, req.query.limit),
    );

    app.post(
      `${P}/orders`,
      {
        config: customerOnly,
        schema: {
          tags,
          summary: `Submit a repair or installation request: multipart, field \`request\` (JSON) first, then up to ${PORTAL_MAX_PHOTOS} files in \`photos\``,
          response: { 201: PortalCreateRequestResponseSchema, ...problems },
        },
      },
      async (req, reply) => {
        const c = customerOf(req);
        if (!req.isMultipart())
          throw fieldError(
            'request',
            'required',
            'Send multipart/form-data: the field `request` (JSON), then `photos`',
          );
        let orderId: string | null = null;
        const photos: { filename: string; ok: boolean; code: string | null }[] = [];
        for await (const part of req.parts()) {
          if (part.type === 'field') {
            if (part.fieldname !== 'request' || orderId)
              throw fieldError(part.fieldname, 'unexpected', 'Only one `request` field, before the photos');
            const parsed = PortalNewRequestSchema.safeParse(parseJson(String(part.value)));
            if (!parsed.success) {
              throw new DomainError('request.validation_failed', 'The request is invalid', {
                errors: fieldIssuesOfZod(parsed.error.issues, {
                  root: 'request',
                  input: parseJson(String(part.value)),
                }),
              });
            }
            orderId = await deps.portal.createRequest(c, parsed.data, String(req.id));
            continue;
          }
          if (!orderId) {
            part.file.resume();
            throw fieldError('request', 'required', 'Send the `request` field before the photos');
          }
          if (part.fieldname !== 'photos') {
            part.file.resume();
            continue;
          }
          try {
            await deps.portal.addPhoto(
              c,
              orderId,
              { filename: part.filename, mimetype: part.mimetype, stream: part.file },
              String(req.id),
            );
            photos.push({ filename: part.filename, ok: true, code: null });
          } catch (err) {
            // The order stands; a refused photo is reported, not fatal (it can be added again later).
            if (!(err instanceof DomainError)) throw err;
            part.file.resume();
            photos.push({ filename: part.filename, ok: false, code: err.code });
          }
        }
        if (!orderId) throw fieldError('request', 'required', 'The multipart body has no `request` field');
        return reply.status(201).send({ order: await deps.portal.order(c, orderId), photos });
      },
    );

    app.get(
      `${P}/orders/:id`,
      {
        config: customerOnly,
        schema: {
          tags,
          summary: 'One of my orders with its timeline and the actions I may take',
          params: IdParams,
          response: { 200: PortalOrderDetailSchema, ...problems },
        },
      },
      async (req) => deps.portal.order(customerOf(req), req.params.id),
    );

    app.get(
      `${P}/contact`,
      {
        config: customerOnly,
        schema: {
          tags,
          summary: 'The name, mobile and address a new request uses (shown for confirmation)',
          response: { 200: PortalContactSchema, ...problems },
        },
      },
      async (req) => deps.portal.contact(customerOf(req)),
    );

    app.get(
      `${P}/orders/:id/photos/:photoId`,
      {
        config: customerOnly,
        schema: { tags, summary: 'One of the photos I added to my order', params: PhotoParams },
      },
      async (req, reply) => {
        const f = await deps.portal.photo(customerOf(req), req.params.id, req.params.photoId);
        return reply.type(f.contentType).header('content-length', f.sizeBytes).send(f.stream);
      },
    );

    app.get(
      `${P}/orders/:id/rating`,
      {
        config: customerOnly,
        schema: {
          tags,
          summary: 'Whether I may rate the finished service now, with the questions',
          params: IdParams,
          response: { 200: PortalRatingSchema, ...problems },
        },
      },
      async (req) => deps.portal.rating(customerOf(req), req.params.id),
    );

    app.post(
      `${P}/orders/:id/rating`,
      {
        config: customerOnly,
        schema: {
          tags,
          summary: 'Rate the finished service once (satisfied closes the order like a satisfied callback)',
          params: IdParams,
          body: PublicRatingRequestSchema,
          response: { 200: PublicRatingResultSchema, ...problems },
        },
      },
      async (req) => deps.portal.rate(customerOf(req), req.params.id, req.body),
    );

    app.post(
      `${P}/orders/:id/photos`,
      {
        config: customerOnly,
        schema: {
          tags,
          summary: 'Add a photo to my order (multipart field `file`)',
          params: IdParams,
          response: { 201: AttachmentViewSchema, ...problems },
        },
      },
      async (req, reply) => {
        const c = customerOf(req);
        if (!req.isMultipart())
          throw fieldError('file', 'required', 'Send the photo as multipart/form-data in field `file`');
        const file = await req.file();
        if (!file || file.fieldname !== 'file')
          throw fieldError('file', 'required', 'Send the photo in the multipart field `file`');
        return reply
          .status(201)
          .send(
            await deps.portal.addPhoto(
              c,
              req.params.id,
              { filename: file.filename, mimetype: file.mimetype, stream: file.file },
              String(req.id),
            ),
          );
      },
    );

    app.post(
      `${P}/orders/:id/confirm`,
      {
        config: customerOnly,
        schema: {
          tags,
          summary: 'Confirm the agreed appointment window',
          params: IdParams,
          body: PortalConfirmSchema,
          response: { 200: PortalOrderDetailSchema, ...problems },
        },
      },
      async (req) => deps.portal.confirm(customerOf(req), req.params.id, req.body.version),
    );

    app.post(
      `${P}/orders/:id/reschedule`,
      {
        config: customerOnly,
        schema: {
          tags,
          summary: 'Move the appointment to a new window (reason required; not in the past)',
          params: IdParams,
          body: PortalRescheduleSchema,
          response: { 200: PortalOrderDetailSchema, ...problems },
        },
      },
      async (req) => deps.portal.reschedule(customerOf(req), req.params.id, req.body, String(req.id)),
    );

    app.post(
      `${P}/orders/:id/cancel`,
      {
        config: customerOnly,
        schema: {
          tags,
          summary: 'Cancel my order before a technician is assigned (reason required)',
          params: IdParams,
          body: PortalCancelSchema,
          response: { 200: PortalOrderDetailSchema, ...problems },
        },
      },
      async (req) => deps.portal.cancel(customerOf(req), req.params.id, req.body, String(req.id)),
    );
  };
}

function parseJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    throw fieldError('request', 'json', 'The `request` field must be JSON');
  }
}
