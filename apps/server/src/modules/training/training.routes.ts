import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssignmentListSchema,
  AttemptResultSchema,
  AttemptSchema,
  CourseFileSchema,
  CourseInputSchema,
  CourseListSchema,
  CourseQuerySchema,
  CourseStepSchema,
  CreateAssignmentSchema,
  IdSchema,
  LearnerListSchema,
  LessonReadSchema,
  MyTrainingSchema,
  SubmitAttemptSchema,
  TrainingCourseSchema,
  TrainingFiguresSchema,
  UpdateCourseSchema,
} from '@anxin/contracts';
import { fieldError } from '../../platform/http/errors.ts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { TrainingContext } from './context.ts';
import type { CoursesService } from './courses.service.ts';
import { trainingFigures } from './figures.ts';
import { addCourseFile, openCourseFile } from './files.ts';
import { activeLearners } from './learners.ts';
import type { LearningService } from './learning.service.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 413, 415, 422);
const tags = ['training'];
const P = '/api/v1/training';
const IdParams = z.object({ id: IdSchema });
const FileParams = z.object({ id: IdSchema, fileId: IdSchema });

/** Training: courses and their editions, assignments, figures (managers); 我的培训 (technicians). */
export function trainingRoutes(
  ctx: TrainingContext,
  svc: { courses: CoursesService; learning: LearningService },
  maxUploadBytes: number,
) {
  const { courses, learning } = svc;
  return async function routes(fastify: FastifyInstance): Promise<void> {
    await fastify.register(fastifyMultipart, {
      limits: { fileSize: maxUploadBytes, files: 1, fields: 2, parts: 3 },
    });
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const read = { config: { permission: 'training:read' as const } };
    const manage = { config: { permission: 'training:manage' as const } };
    const learn = { config: { permission: 'training:learn' as const } };

    app.get(
      `${P}/courses`,
      {
        ...read,
        schema: {
          tags,
          summary: 'Course editions',
          querystring: CourseQuerySchema,
          response: { 200: CourseListSchema, ...problems },
        },
      },
      async (req) => courses.list(req.query.status),
    );
    app.post(
      `${P}/courses`,
      {
        ...manage,
        schema: {
          tags,
          summary: 'A new course (edition 1, draft)',
          body: CourseInputSchema,
          response: { 201: TrainingCourseSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await courses.create(req.actor!, req.body)),
    );
    app.get(
      `${P}/courses/:id`,
      {
        ...read,
        schema: {
          tags,
          summary: 'One course edition with its quiz and answers',
          params: IdParams,
          response: { 200: TrainingCourseSchema, ...problems },
        },
      },
      async (req) => courses.get(req.params.id),
    );
    app.put(
      `${P}/courses/:id`,
      {
        ...manage,
        schema: {
          tags,
          summary: 'Edit a draft (a published edition is frozen)',
          params: IdParams,
          body: UpdateCourseSchema,
          response: { 200: TrainingCourseSchema, ...problems },
        },
      },
      async (req) => courses.update(req.actor!, req.params.id, req.body),
    );
    app.post(
      `${P}/courses/:id/revise`,
      {
        ...manage,
        schema: {
          tags,
          summary: 'The next edition as a draft, copied from this one',
          params: IdParams,
          response: { 201: TrainingCourseSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await courses.revise(req.actor!, req.params.id)),
    );
    app.post(
      `${P}/courses/:id/publish`,
      {
        ...manage,
        schema: {
          tags,
          summary: 'Publish a draft (the previous edition retires)',
          params: IdParams,
          body: CourseStepSchema,
          response: { 200: TrainingCourseSchema, ...problems },
        },
      },
      async (req) => courses.publish(req.actor!, req.params.id, req.body.version),
    );
    app.post(
      `${P}/courses/:id/retire`,
      {
        ...manage,
        schema: {
          tags,
          summary: 'Retire a published edition',
          params: IdParams,
          body: CourseStepSchema,
          response: { 200: TrainingCourseSchema, ...problems },
        },
      },
      async (req) => courses.retire(req.actor!, req.params.id, req.body.version),
    );
    app.post(
      `${P}/courses/:id/files`,
      {
        ...manage,
        schema: {
          tags,
          summary: 'Add a lesson video or attachment to a draft (multipart field `file`)',
          params: IdParams,
          response: { 201: CourseFileSchema, ...problems },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart())
          throw fieldError('file', 'required', 'Send the file as multipart/form-data in field `file`');
        const file = await req.file();
        if (!file || file.fieldname !== 'file')
          throw fieldError('file', 'required', 'Send the file in the multipart field `file`');
        const out = await addCourseFile(ctx, req.actor!, req.params.id, {
          filename: file.filename,
          mimetype: file.mimetype,
          stream: file.file,
        });
        return reply.status(201).send(out);
      },
    );
    app.get(
      `${P}/courses/:id/files/:fileId`,
      { ...read, schema: { tags, summary: 'A lesson file', params: FileParams } },
      async (req, reply) => {
        const f = await openCourseFile(ctx, req.params.id, req.params.fileId);
        return reply.type(f.contentType).header('content-length', f.sizeBytes).send(f.stream);
      },
    );
    app.get(
      `${P}/assignments`,
      {
        ...read,
        schema: {
          tags,
          summary: 'Assignments with the technicians each reaches',
          response: { 200: AssignmentListSchema, ...problems },
        },
      },
      async (req) => courses.assignments(req.actor!),
    );
    app.post(
      `${P}/assignments`,
      {
        ...manage,
        schema: {
          tags,
          summary: 'Assign a course to a role, an outlet or technicians',
          body: CreateAssignmentSchema,
          response: { 201: AssignmentListSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await courses.assign(req.actor!, req.body)),
    );
    app.get(
      `${P}/learners`,
      {
        ...read,
        schema: {
          tags,
          summary: 'Active technicians an assignment can name',
          response: { 200: LearnerListSchema, ...problems },
        },
      },
      async (req) => ({
        items: (await activeLearners(ctx.db, req.actor!.scope)).map((l) => ({
          id: l.technicianId,
          name: l.name,
          outletId: l.outletId,
          outletName: l.outletName,
        })),
      }),
    );
    app.get(
      `${P}/figures`,
      {
        ...read,
        schema: {
          tags,
          summary: 'Completion by outlet, certifications expiring soon',
          response: { 200: TrainingFiguresSchema, ...problems },
        },
      },
      async (req) => trainingFigures(ctx, req.actor!),
    );

    // The technician's own training on the phone (我的培训).
    app.get(
      `${P}/my`,
      {
        ...learn,
        schema: {
          tags,
          summary: 'My assigned courses and certifications',
          response: { 200: MyTrainingSchema, ...problems },
        },
      },
      async (req) => learning.overview(req.actor!),
    );
    app.post(
      `${P}/my/courses/:id/lessons/:no/read`,
      {
        ...learn,
        schema: {
          tags,
          summary: 'Mark a lesson read',
          params: z.object({ id: IdSchema, no: z.coerce.number().int().min(1).max(100) }),
          response: { 200: LessonReadSchema, ...problems },
        },
      },
      async (req) => learning.markRead(req.actor!, req.params.id, req.params.no),
    );
    app.get(
      `${P}/my/courses/:id/files/:fileId`,
      { ...learn, schema: { tags, summary: 'A lesson file of my course', params: FileParams } },
      async (req, reply) => {
        await learning.courseFor(req.actor!, req.params.id);
        const f = await openCourseFile(ctx, req.params.id, req.params.fileId);
        return reply.type(f.contentType).header('content-length', f.sizeBytes).send(f.stream);
      },
    );
    app.post(
      `${P}/my/courses/:id/attempts`,
      {
        ...learn,
        schema: {
          tags,
          summary: 'Start the quiz (questions without answers)',
          params: IdParams,
          response: { 201: AttemptSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await learning.start(req.actor!, req.params.id)),
    );
    app.get(
      `${P}/my/attempts/:id`,
      {
        ...learn,
        schema: {
          tags,
          summary: 'An open quiz attempt',
          params: IdParams,
          response: { 200: AttemptSchema, ...problems },
        },
      },
      async (req) => learning.attempt(req.actor!, req.params.id),
    );
    app.post(
      `${P}/my/attempts/:id/submit`,
      {
        ...learn,
        schema: {
          tags,
          summary: 'Submit answers; the server scores them',
          params: IdParams,
          body: SubmitAttemptSchema,
          response: { 200: AttemptResultSchema, ...problems },
        },
      },
      async (req) => learning.submit(req.actor!, req.params.id, req.body),
    );
  };
}
