import fastifyMultipart from '@fastify/multipart';
import { contentDisposition } from '../../../platform/http/disposition.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdSchema,
  PartImportResultSchema,
  PartItemInputSchema,
  PartItemListSchema,
  PartItemPatchSchema,
  PartItemQuerySchema,
  PartItemSchema,
} from '@anxin/contracts';
import { readUploadedFile } from '../../../platform/http/upload.ts';
import { problemResponses } from '../../../platform/http/responses.ts';
import { importCatalogue, importTemplate } from '../import.service.ts';
import { CatalogService } from '../catalog.service.ts';
import type { PartsContext } from '../context.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const tags = ['parts'];
const P = '/api/v1/parts/items';
const IdParams = z.object({ id: IdSchema });
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The parts catalogue (备件目录): list, read, create and edit items with their compatible models. */
const readUpload = async (req: FastifyRequest) => (await readUploadedFile(req, MAX_IMPORT_BYTES)).body;

export function catalogRoutes(ctx: PartsContext) {
  const svc = new CatalogService(ctx);
  return async function routes(fastify: FastifyInstance): Promise<void> {
    await fastify.register(fastifyMultipart, {
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 2, parts: 3 },
    });
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.post(
      `${P}/import`,
      {
        config: { permission: 'parts:manage' },
        schema: {
          tags,
          summary:
            'Import the catalogue from .xlsx (multipart field `file`, template columns); one bad row imports nothing',
          response: { 200: PartImportResultSchema, ...problems },
        },
      },
      async (req) => importCatalogue(ctx, req.actor!, await readUpload(req), String(req.id)),
    );

    app.get(
      `${P}/template.xlsx`,
      {
        config: { permission: 'parts:read' },
        schema: { tags, summary: 'The empty catalogue import template' },
      },
      async (_req, reply) =>
        reply
          .type(XLSX)
          .header('content-disposition', contentDisposition('attachment', '备件目录模板.xlsx'))
          .send(await importTemplate()),
    );

    app.get(
      P,
      {
        config: { permission: 'parts:read' },
        schema: {
          tags,
          summary:
            'Catalogue items by code; filter by text, kind, compatible model (universal included), active',
          querystring: PartItemQuerySchema,
          response: { 200: PartItemListSchema, ...problems },
        },
      },
      async (req) => svc.list(req.query),
    );

    app.post(
      P,
      {
        config: { permission: 'parts:manage' },
        schema: {
          tags,
          summary: 'Add a catalogue item',
          body: PartItemInputSchema,
          response: { 201: PartItemSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.create(req.actor!, req.body, req.id)),
    );

    app.get(
      `${P}/:id`,
      {
        config: { permission: 'parts:read' },
        schema: {
          tags,
          summary: 'One catalogue item',
          params: IdParams,
          response: { 200: PartItemSchema, ...problems },
        },
      },
      async (req) => svc.get(req.params.id),
    );

    app.patch(
      `${P}/:id`,
      {
        config: { permission: 'parts:manage' },
        schema: {
          tags,
          summary: 'Edit a catalogue item at the version read; `modelIds` replaces the compatible models',
          params: IdParams,
          body: PartItemPatchSchema,
          response: { 200: PartItemSchema, ...problems },
        },
      },
      async (req) => svc.patch(req.actor!, req.params.id, req.body, req.id),
    );
  };
}
