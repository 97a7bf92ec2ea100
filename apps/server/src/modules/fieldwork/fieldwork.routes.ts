import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import {
  ArriveRequestSchema,
  CompleteRequestSchema,
  CompletionCodeSentSchema,
  DiagnosisRequestSchema,
  EmptyBodySchema,
  FIELD_PHOTO_KINDS,
  FieldJobDetailSchema,
  FieldJobListSchema,
  FieldPhotoViewSchema,
  IdSchema,
  PhotoVerifySchema,
  ProofViewSchema,
  ResultRequestSchema,
  SignatureRequestSchema,
  WorkRequestSchema,
} from '@anxin/contracts';
import { DomainError, fieldError } from '../../platform/http/errors.ts';
import { replyIdempotent, type IdempotencyStore } from '../../platform/http/idempotency.ts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { FieldworkService } from './fieldwork.service.ts';
import type { PhotoUpload } from './photos.ts';
import { sha256 } from './stamp.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 413, 415, 422, 429);
const IdParams = z.object({ id: IdSchema });
const PhotoParams = z.object({ id: IdSchema, photoId: IdSchema });
const tags = ['fieldwork'];
const F = '/api/v1/field/jobs';
const idemHeader = z.object({ 'idempotency-key': z.string().optional() }).passthrough();

const coord = (name: string, v: string | undefined, min: number, max: number): number | null => {
  if (v === undefined || v === '') return null;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max)
    throw fieldError(name, 'range', `${name} must be between ${min} and ${max}`, { min, max });
  return n;
};

/** Reads the multipart photo: fields `kind`, `lat`, `lng` and the file in `file` (any order). */
async function readPhoto(req: FastifyRequest, maxBytes: number): Promise<PhotoUpload> {
  if (!req.isMultipart())
    throw fieldError('file', 'required', 'Send the photo as multipart/form-data in field `file`');
  const fields: Record<string, string> = {};
  let file: { mimetype: string; data: Buffer } | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) {
          part.file.resume();
          continue;
        }
        file = { mimetype: part.mimetype, data: await part.toBuffer() };
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new DomainError('request.payload_too_large', `Photos may be at most ${maxBytes} bytes`, {
        errors: [
          { path: 'file', rule: 'max_size', params: { maxBytes }, message: `at most ${maxBytes} bytes` },
        ],
        extra: { limitBytes: maxBytes },
      });
    throw err;
  }
  if (!file) throw fieldError('file', 'required', 'Send the photo in the multipart field `file`');
  const kind = fields.kind;
  if (!kind || !(FIELD_PHOTO_KINDS as readonly string[]).includes(kind))
    throw fieldError('kind', 'invalid_value', `kind must be one of ${FIELD_PHOTO_KINDS.join(', ')}`, {
      values: FIELD_PHOTO_KINDS,
    });
  const lat = coord('lat', fields.lat, -90, 90);
  const lng = coord('lng', fields.lng, -180, 180);
  if ((lat === null) !== (lng === null))
    throw fieldError('lng', 'pair', 'lat and lng go together', { with: 'lat' });
  return { kind: kind as PhotoUpload['kind'], lat, lng, mimetype: file.mimetype, data: file.data };
}

/** Thin routes: the assigned technician's field API and the proof-of-service view. */
export function fieldworkRoutes(svc: FieldworkService, idem: IdempotencyStore, maxUploadBytes: number) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    await fastify.register(fastifyMultipart, {
      limits: { fileSize: maxUploadBytes, files: 1, fields: 5, parts: 6 },
    });
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const rid = (req: FastifyRequest) => String(req.id);

    app.get(
      F,
      {
        config: { permission: 'workorder:read' },
        schema: {
          tags,
          summary: "The technician's jobs: today's and upcoming, in appointment order",
          response: { 200: FieldJobListSchema, ...problems },
        },
      },
      async (req) => svc.list(req.actor!),
    );

    app.get(
      `${F}/:id`,
      {
        config: { permission: 'workorder:read' },
        schema: {
          tags,
          summary: 'One job with its visit, photos, signature and flags',
          params: IdParams,
          response: { 200: FieldJobDetailSchema, ...problems },
        },
      },
      async (req) => svc.get(req.actor!, req.params.id),
    );

    const simple = (
      path: string,
      summary: string,
      run: (req: FastifyRequest<{ Params: { id: string } }>, id: string) => Promise<unknown>,
    ) =>
      app.post(
        `${F}/:id/${path}`,
        {
          config: { permission: 'workorder:transition', idempotency: 'handler' },
          schema: {
            tags,
            summary: `${summary} (Idempotency-Key required)`,
            params: IdParams,
            headers: idemHeader,
            body: EmptyBodySchema.optional(),
            response: { 200: FieldJobDetailSchema, ...problems },
          },
        },
        async (req, reply) =>
          replyIdempotent(idem, req, reply, {}, async () => ({
            status: 200,
            body: await run(req, req.params.id),
          })),
      );

    simple('depart', '出发: on the way to the customer', (req, id) => svc.depart(req.actor!, id, rid(req)));
    simple('start', 'Start the repair after arrival', (req, id) => svc.start(req.actor!, id, rid(req)));

    app.post(
      `${F}/:id/arrive`,
      {
        config: { permission: 'workorder:transition', idempotency: 'handler' },
        schema: {
          tags,
          summary: '到达: check in, with the position if the phone gave one (Idempotency-Key required)',
          params: IdParams,
          headers: idemHeader,
          body: ArriveRequestSchema,
          response: { 200: FieldJobDetailSchema, ...problems },
        },
      },
      async (req, reply) =>
        replyIdempotent(idem, req, reply, req.body, async () => ({
          status: 200,
          body: await svc.arrive(req.actor!, req.params.id, req.body, rid(req)),
        })),
    );

    app.post(
      `${F}/:id/diagnosis`,
      {
        config: { permission: 'workorder:transition', idempotency: 'handler' },
        schema: {
          tags,
          summary: 'Record the diagnosis with fault codes (Idempotency-Key required)',
          params: IdParams,
          headers: idemHeader,
          body: DiagnosisRequestSchema,
          response: { 200: FieldJobDetailSchema, ...problems },
        },
      },
      async (req, reply) =>
        replyIdempotent(idem, req, reply, req.body, async () => ({
          status: 200,
          body: await svc.diagnose(req.actor!, req.params.id, req.body, rid(req)),
        })),
    );

    app.post(
      `${F}/:id/work`,
      {
        config: { permission: 'workorder:transition', idempotency: 'handler' },
        schema: {
          tags,
          summary: 'Record the work done and the parts used (Idempotency-Key required)',
          params: IdParams,
          headers: idemHeader,
          body: WorkRequestSchema,
          response: { 200: FieldJobDetailSchema, ...problems },
        },
      },
      async (req, reply) =>
        replyIdempotent(idem, req, reply, req.body, async () => ({
          status: 200,
          body: await svc.work(req.actor!, req.params.id, req.body, rid(req)),
        })),
    );

    app.post(
      `${F}/:id/photos`,
      {
        config: { permission: 'workorder:transition', idempotency: 'handler' },
        schema: {
          tags,
          summary:
            'Upload a photo (multipart: file, kind before|after|other, lat, lng); stamped and hashed (Idempotency-Key required)',
          params: IdParams,
          headers: idemHeader,
          response: { 201: FieldPhotoViewSchema, ...problems },
        },
      },
      async (req, reply) => {
        const up = await readPhoto(req, maxUploadBytes);
        const digest = { kind: up.kind, lat: up.lat, lng: up.lng, file: sha256(up.data) };
        return replyIdempotent(idem, req, reply, digest, async () => ({
          status: 201,
          body: await svc.addPhoto(req.actor!, req.params.id, up, rid(req)),
        }));
      },
    );

    app.get(
      `${F}/:id/photos/:photoId`,
      {
        config: { permission: 'workorder:read' },
        schema: { tags, summary: 'A photo or the signature of the job', params: PhotoParams },
      },
      async (req, reply) => {
        const p = await svc.openJobPhoto(req.actor!, req.params.id, req.params.photoId);
        return reply.type(p.contentType).header('content-length', p.sizeBytes).send(p.stream);
      },
    );

    app.post(
      `${F}/:id/signature`,
      {
        config: { permission: 'workorder:transition', idempotency: 'handler' },
        bodyLimit: 3_000_000,
        schema: {
          tags,
          summary: "The customer's signature drawn on screen, as PNG (Idempotency-Key required)",
          params: IdParams,
          headers: idemHeader,
          body: SignatureRequestSchema,
          response: { 201: FieldPhotoViewSchema, ...problems },
        },
      },
      async (req, reply) =>
        replyIdempotent(idem, req, reply, { png: sha256(Buffer.from(req.body.png)) }, async () => ({
          status: 201,
          body: await svc.signature(req.actor!, req.params.id, req.body.png, rid(req)),
        })),
    );

    app.post(
      `${F}/:id/result`,
      {
        config: { permission: 'workorder:transition', idempotency: 'handler' },
        schema: {
          tags,
          summary: 'Result: fixed, needs parts (→ 待件) or needs escalation (Idempotency-Key required)',
          params: IdParams,
          headers: idemHeader,
          body: ResultRequestSchema,
          response: { 200: FieldJobDetailSchema, ...problems },
        },
      },
      async (req, reply) =>
        replyIdempotent(idem, req, reply, req.body, async () => ({
          status: 200,
          body: await svc.result(req.actor!, req.params.id, req.body, rid(req)),
        })),
    );

    app.post(
      `${F}/:id/completion-code`,
      {
        config: { permission: 'workorder:transition', idempotency: 'handler' },
        schema: {
          tags,
          summary: "Send a one-time completion code to the order's contact phone (Idempotency-Key required)",
          params: IdParams,
          headers: idemHeader,
          body: EmptyBodySchema.optional(),
          response: { 200: CompletionCodeSentSchema, ...problems },
        },
      },
      async (req, reply) =>
        replyIdempotent(idem, req, reply, {}, async () => ({
          status: 200,
          body: await svc.sendCompletionCode(req.actor!, req.params.id, rid(req)),
        })),
    );

    app.post(
      `${F}/:id/complete`,
      {
        config: { permission: 'workorder:transition', idempotency: 'handler' },
        schema: {
          tags,
          summary:
            "Complete with the customer's code, or by signature when they have no phone at hand; the order goes to 待回访 (Idempotency-Key required)",
          params: IdParams,
          headers: idemHeader,
          body: CompleteRequestSchema,
          response: { 200: FieldJobDetailSchema, ...problems },
        },
      },
      async (req, reply) =>
        replyIdempotent(idem, req, reply, req.body, async () => ({
          status: 200,
          body: await svc.complete(req.actor!, req.params.id, req.body, rid(req)),
        })),
    );

    // ---- proof of service: outlet, center, quality (data scope applies) ----

    app.get(
      '/api/v1/orders/:id/proof',
      {
        config: { permission: 'workorder:read' },
        schema: {
          tags,
          summary: 'Proof of service: visits, check-in distances, stamped photos, signature, flags',
          params: IdParams,
          response: { 200: ProofViewSchema, ...problems },
        },
      },
      async (req) => svc.proof(req.actor!, req.params.id),
    );

    app.get(
      '/api/v1/orders/:id/proof/photos/:photoId',
      {
        config: { permission: 'workorder:read' },
        schema: { tags, summary: 'A proof photo or the signature', params: PhotoParams },
      },
      async (req, reply) => {
        const p = await svc.openProofPhoto(req.actor!, req.params.id, req.params.photoId);
        return reply.type(p.contentType).header('content-length', p.sizeBytes).send(p.stream);
      },
    );

    app.post(
      '/api/v1/orders/:id/proof/photos/:photoId/verify',
      {
        config: { permission: 'workorder:read' },
        schema: {
          tags,
          summary: 'Recompute the stored photo’s sha256 and compare (a mismatch raises photo_hash_mismatch)',
          params: PhotoParams,
          response: { 200: PhotoVerifySchema, ...problems },
        },
      },
      async (req) => svc.verifyPhoto(req.actor!, req.params.id, req.params.photoId),
    );
  };
}
