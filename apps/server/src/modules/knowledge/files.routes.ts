import fastifyMultipart from '@fastify/multipart';
import { contentDisposition } from '../../platform/http/disposition.ts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema, KnowledgeFileSchema } from '@anxin/contracts';
import { fieldError } from '../../platform/http/errors.ts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { KnowledgeService } from './knowledge.service.ts';

const problems = problemResponses(400, 401, 403, 404, 413, 415, 422);
const tags = ['knowledge'];
const IdParams = z.object({ id: IdSchema });

/**
 * `inline` so a browser plays the video or opens the PDF; the name as an ASCII fallback and in
 * RFC 5987 form (Chinese file names), with the characters 5987 reserves escaped too.
 */
export const inlineDisposition = (filename: string): string => contentDisposition('inline', filename);

const send = (reply: FastifyReply, f: Awaited<ReturnType<KnowledgeService['openFile']>>) =>
  reply
    .type(f.contentType)
    .header('content-length', f.sizeBytes)
    .header('content-disposition', inlineDisposition(f.filename))
    .send(f.stream);

/** Manuals and videos: upload (editors), fetch (staff readers; the portal only public live ones). */
export function knowledgeFileRoutes(svc: KnowledgeService, maxUploadBytes: number) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    await fastify.register(fastifyMultipart, {
      limits: { fileSize: maxUploadBytes, files: 1, fields: 2, parts: 3 },
    });
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/api/v1/knowledge/files',
      {
        config: { permission: 'knowledge:write' },
        schema: {
          tags,
          summary: 'Upload a manual or video for articles (multipart field `file`)',
          response: { 201: KnowledgeFileSchema, ...problems },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart())
          throw fieldError('file', 'required', 'Send the file as multipart/form-data in field `file`');
        const file = await req.file();
        if (!file || file.fieldname !== 'file')
          throw fieldError('file', 'required', 'Send the file in the multipart field `file`');
        const out = await svc.uploadFile(req.actor!, {
          filename: file.filename,
          mimetype: file.mimetype,
          stream: file.file,
        });
        return reply.status(201).send(out);
      },
    );
    app.get(
      '/api/v1/knowledge/files/:id',
      {
        config: { permission: 'knowledge:read' },
        schema: { tags, summary: 'A manual or video', params: IdParams },
      },
      async (req, reply) => send(reply, await svc.openFile(req.params.id, false)),
    );
    app.get(
      '/api/v1/portal/knowledge/files/:id',
      {
        config: { permission: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: { tags, summary: 'A file of a published public article', params: IdParams },
      },
      async (req, reply) => send(reply, await svc.openFile(req.params.id, true)),
    );
  };
}
