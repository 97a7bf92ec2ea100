import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CalendarService } from './calendar.service.ts';
import { problemResponses } from '../../platform/http/responses.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const DateParam = z.object({ date: z.iso.date() });
const Interval = z.strictObject({
  start: z.number().int().min(0).max(1440),
  end: z.number().int().min(0).max(1440),
});
const Hours = z.object({ standard: z.array(Interval), byWeekday: z.record(z.string(), z.array(Interval)) });
const Coverage = z.object({
  version: z.string(),
  years: z.array(z.number()),
  provisionalYears: z.array(z.number()),
  warning: z.object({ code: z.string(), year: z.number() }).nullable(),
});

export function calendarRoutes(svc: CalendarService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/v1/calendar/coverage',
      {
        config: { permission: 'calendar:read' },
        schema: {
          tags: ['calendar'],
          summary: 'Which years have holiday data; warns from November when next year is missing',
          response: { 200: Coverage, ...problems },
        },
      },
      () => svc.coverage(),
    );

    app.get(
      '/api/v1/calendar/years/:year',
      {
        config: { permission: 'calendar:read' },
        schema: {
          tags: ['calendar'],
          summary: 'Every day of a year: working or not, holiday name, and where that comes from',
          params: z.object({ year: z.coerce.number().int().min(2007).max(2100) }),
          response: {
            200: z.object({
              year: z.number(),
              version: z.string(),
              days: z.array(
                z.object({
                  date: z.string(),
                  workday: z.boolean(),
                  name: z.string().nullable(),
                  source: z.string(),
                  provisional: z.boolean(),
                }),
              ),
              coverage: Coverage.omit({ version: true }),
            }),
            ...problems,
          },
        },
      },
      (req) => svc.yearView(req.params.year),
    );

    app.put(
      '/api/v1/calendar/overrides/:date',
      {
        config: { permission: 'calendar:manage' },
        schema: {
          tags: ['calendar'],
          summary: 'Mark a date as a working day or a day off for this tenant (wins over statutory data)',
          params: DateParam,
          body: z.strictObject({
            kind: z.enum(['workday', 'offday']),
            name: z.string().trim().min(1).max(60),
          }),
          response: { 200: z.object({ date: z.string(), kind: z.string(), name: z.string() }), ...problems },
        },
      },
      (req) => svc.setOverride(req.actor!, req.params.date, req.body.kind, req.body.name),
    );

    app.delete(
      '/api/v1/calendar/overrides/:date',
      {
        config: { permission: 'calendar:manage' },
        schema: {
          tags: ['calendar'],
          summary: 'Remove a tenant override',
          params: DateParam,
          response: { 204: z.null(), ...problems },
        },
      },
      async (req, reply) => {
        await svc.removeOverride(req.actor!, req.params.date);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/calendar/hours',
      {
        config: { permission: 'calendar:read' },
        schema: {
          tags: ['calendar'],
          summary: 'Business hours (minutes since midnight, Asia/Shanghai)',
          response: { 200: Hours, ...problems },
        },
      },
      async () => normalizeHours(await svc.hours()),
    );

    app.put(
      '/api/v1/calendar/hours',
      {
        config: { permission: 'calendar:manage' },
        schema: {
          tags: ['calendar'],
          summary: 'Replace business hours; byWeekday keys are ISO weekdays 1 (Mon) … 7 (Sun)',
          body: z.strictObject({
            standard: z.array(Interval).min(1).max(6),
            byWeekday: z
              .partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), z.array(Interval).max(6))
              .default({}),
          }),
          response: { 200: Hours, ...problems },
        },
      },
      async (req) =>
        normalizeHours(
          await svc.setHours(req.actor!, {
            standard: req.body.standard,
            byWeekday: req.body.byWeekday as Record<string, z.infer<typeof Interval>[]>,
          }),
        ),
    );
  };
}

function normalizeHours(h: {
  standard: ReadonlyArray<{ start: number; end: number }>;
  byWeekday?: Partial<Record<number, ReadonlyArray<{ start: number; end: number }>>>;
}) {
  const byWeekday: Record<string, Array<{ start: number; end: number }>> = {};
  for (const [k, v] of Object.entries(h.byWeekday ?? {})) if (v) byWeekday[k] = [...v];
  return { standard: [...h.standard], byWeekday };
}
