import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BusinessDateSchema,
  CalendarOverrideSchema,
  CoverageReportSchema,
  IntervalSchema,
  LeaveInputSchema,
  LeaveSchema,
  MoveProspectSchema,
  OutletInputSchema,
  OutletListQuerySchema,
  OutletSchema,
  OutletStatusChangeSchema,
  PROSPECT_STAGES,
  ProspectInputSchema,
  ProspectSchema,
  PutCalendarOverrideSchema,
  PutRotaSchema,
  RangeQuerySchema,
  RegionCodeSchema,
  RotaDaySchema,
  TechnicianInputSchema,
  TechnicianListQuerySchema,
  TechnicianSchema,
  UpdateOutletSchema,
  UpdateProspectSchema,
  UpdateTechnicianSchema,
} from '@anxin/contracts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { OutletsService } from './outlets.service.ts';
import type { PipelineService } from './pipeline.service.ts';
import type { TechniciansService } from './technicians.service.ts';

export interface NetworkRouteDeps {
  outlets: OutletsService;
  technicians: TechniciansService;
  pipeline: PipelineService;
}

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const IdParam = z.object({ id: z.string().max(64) });
const DateParam = z.object({ id: z.string().max(64), date: BusinessDateSchema });
const O = '/api/v1/outlets';
const T = '/api/v1/technicians';
const N = '/api/v1/network';
const page = <S extends z.ZodType>(s: S) =>
  z.object({ items: z.array(s), nextCursor: z.string().nullable() });

/** Outlets, technicians (incl. HQ staff), the development pipeline and coverage analytics. */
export function networkRoutes(d: NetworkRouteDeps) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = withZod(fastify);
    outletRoutes(app, d);
    technicianRoutes(app, d);
    pipelineRoutes(app, d);
  };
}

const withZod = (f: FastifyInstance) => f.withTypeProvider<ZodTypeProvider>();
type App = ReturnType<typeof withZod>;

function outletRoutes(app: App, d: NetworkRouteDeps) {
  const tags = ['outlets'];
  app.get(
    O,
    {
      config: { permission: 'outlet:read' },
      schema: {
        tags,
        summary: 'List outlets by code, with filters (region, category, status, type, kind, keyword)',
        querystring: OutletListQuerySchema,
        response: { 200: page(OutletSchema), ...problems },
      },
    },
    async (req) => d.outlets.list(req.actor!, req.query),
  );
  app.post(
    O,
    {
      config: { permission: 'outlet:manage' },
      schema: {
        tags,
        summary: 'Create an outlet',
        body: OutletInputSchema,
        response: { 201: OutletSchema, ...problems },
      },
    },
    async (req, reply) => reply.status(201).send(await d.outlets.create(req.actor!, req.body, req.id)),
  );
  app.get(
    `${O}/:id`,
    {
      config: { permission: 'outlet:read' },
      schema: { tags, summary: 'An outlet', params: IdParam, response: { 200: OutletSchema, ...problems } },
    },
    async (req) => d.outlets.detail(req.actor!, req.params.id),
  );
  app.patch(
    `${O}/:id`,
    {
      config: { permission: 'outlet:manage' },
      schema: {
        tags,
        summary: 'Update an outlet (optimistic: send the version you saw); lists replace',
        params: IdParam,
        body: UpdateOutletSchema,
        response: { 200: OutletSchema, ...problems },
      },
    },
    async (req) => d.outlets.update(req.actor!, req.params.id, req.body, req.id),
  );
  for (const [action, to] of [
    ['suspend', 'suspended'],
    ['reactivate', 'active'],
  ] as const) {
    app.post(
      `${O}/:id/${action}`,
      {
        config: { permission: 'outlet:manage' },
        schema: {
          tags,
          summary: `${action === 'suspend' ? 'Suspend' : 'Reactivate'} an outlet, with a reason`,
          params: IdParam,
          body: OutletStatusChangeSchema,
          response: { 200: OutletSchema, ...problems },
        },
      },
      async (req) => d.outlets.setStatus(req.actor!, req.params.id, to, req.body, req.id),
    );
  }
  app.get(
    `${O}/:id/calendar`,
    {
      config: { permission: 'outlet:read' },
      schema: {
        tags,
        summary: "An outlet's own calendar days (open on a holiday, closed on a working day)",
        params: IdParam,
        response: { 200: z.object({ items: z.array(CalendarOverrideSchema) }), ...problems },
      },
    },
    async (req) => d.outlets.calendar(req.actor!, req.params.id),
  );
  app.put(
    `${O}/:id/calendar/:date`,
    {
      config: { permission: 'outlet:manage' },
      schema: {
        tags,
        summary: 'Set one calendar day of an outlet',
        params: DateParam,
        body: PutCalendarOverrideSchema,
        response: { 200: CalendarOverrideSchema, ...problems },
      },
    },
    async (req) =>
      d.outlets.putCalendarDay(req.actor!, req.params.id, req.params.date, req.body.open, req.body.note),
  );
  app.delete(
    `${O}/:id/calendar/:date`,
    {
      config: { permission: 'outlet:manage' },
      schema: {
        tags,
        summary: 'Remove a calendar day of an outlet',
        params: DateParam,
        response: { 204: z.null(), ...problems },
      },
    },
    async (req, reply) => {
      await d.outlets.deleteCalendarDay(req.actor!, req.params.id, req.params.date);
      return reply.status(204).send(null);
    },
  );
}

function technicianRoutes(app: App, d: NetworkRouteDeps) {
  const tags = ['technicians'];
  app.get(
    T,
    {
      config: { permission: 'technician:read' },
      schema: {
        tags,
        summary:
          'List technicians and HQ staff by name (filters: outlet, staff, tier, category, active, keyword)',
        querystring: TechnicianListQuerySchema,
        response: { 200: page(TechnicianSchema), ...problems },
      },
    },
    async (req) => d.technicians.list(req.actor!, req.query),
  );
  app.post(
    T,
    {
      config: { permission: 'technician:manage' },
      schema: {
        tags,
        summary: 'Create a technician (outlet managers: in their own outlet; HQ staff: scope all)',
        body: TechnicianInputSchema,
        response: { 201: TechnicianSchema, ...problems },
      },
    },
    async (req, reply) => reply.status(201).send(await d.technicians.create(req.actor!, req.body, req.id)),
  );
  app.get(
    `${T}/:id`,
    {
      config: { permission: 'technician:read' },
      schema: {
        tags,
        summary: 'A technician',
        params: IdParam,
        response: { 200: TechnicianSchema, ...problems },
      },
    },
    async (req) => d.technicians.detail(req.actor!, req.params.id),
  );
  app.patch(
    `${T}/:id`,
    {
      config: { permission: 'technician:manage' },
      schema: {
        tags,
        summary: 'Update a technician (optimistic); skills, certifications and shifts replace when given',
        params: IdParam,
        body: UpdateTechnicianSchema,
        response: { 200: TechnicianSchema, ...problems },
      },
    },
    async (req) => d.technicians.update(req.actor!, req.params.id, req.body, req.id),
  );
  app.get(
    `${T}/:id/leave`,
    {
      config: { permission: 'technician:read' },
      schema: {
        tags,
        summary: 'Leave overlapping a period',
        params: IdParam,
        querystring: RangeQuerySchema,
        response: { 200: z.object({ items: z.array(LeaveSchema) }), ...problems },
      },
    },
    async (req) => d.technicians.leave(req.actor!, req.params.id, req.query.from, req.query.to),
  );
  app.post(
    `${T}/:id/leave`,
    {
      config: { permission: 'technician:manage' },
      schema: {
        tags,
        summary: 'Record leave (must not overlap other leave)',
        params: IdParam,
        body: LeaveInputSchema,
        response: { 201: LeaveSchema, ...problems },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await d.technicians.addLeave(req.actor!, req.params.id, req.body, req.id)),
  );
  app.delete(
    `${T}/:id/leave/:leaveId`,
    {
      config: { permission: 'technician:manage' },
      schema: {
        tags,
        summary: 'Remove leave',
        params: z.object({ id: z.string().max(64), leaveId: z.string().max(64) }),
        response: { 204: z.null(), ...problems },
      },
    },
    async (req, reply) => {
      await d.technicians.removeLeave(req.actor!, req.params.id, req.params.leaveId, req.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    `${T}/:id/rota`,
    {
      config: { permission: 'technician:read' },
      schema: {
        tags,
        summary: 'Duty rota days in a date range',
        params: IdParam,
        querystring: z.object({ from: BusinessDateSchema, to: BusinessDateSchema }),
        response: { 200: z.object({ items: z.array(RotaDaySchema) }), ...problems },
      },
    },
    async (req) => d.technicians.rota(req.actor!, req.params.id, req.query.from, req.query.to),
  );
  app.put(
    `${T}/:id/rota/:date`,
    {
      config: { permission: 'technician:manage' },
      schema: {
        tags,
        summary: 'Mark a day as duty (works even on a holiday) or off',
        params: DateParam,
        body: PutRotaSchema,
        response: { 204: z.null(), ...problems },
      },
    },
    async (req, reply) => {
      await d.technicians.putRota(req.actor!, req.params.id, req.params.date, req.body.kind, req.id);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    `${T}/:id/rota/:date`,
    {
      config: { permission: 'technician:manage' },
      schema: {
        tags,
        summary: 'Clear a rota day',
        params: DateParam,
        response: { 204: z.null(), ...problems },
      },
    },
    async (req, reply) => {
      await d.technicians.putRota(req.actor!, req.params.id, req.params.date, null, req.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    `${T}/:id/availability`,
    {
      config: { permission: 'technician:read' },
      schema: {
        tags,
        summary:
          'Working intervals (shift minus break and leave; rota, outlet calendar and holidays applied)',
        params: IdParam,
        querystring: RangeQuerySchema,
        response: { 200: z.object({ items: z.array(IntervalSchema) }), ...problems },
      },
    },
    async (req) => d.technicians.availabilityOf(req.actor!, req.params.id, req.query.from, req.query.to),
  );
}

function pipelineRoutes(app: App, d: NetworkRouteDeps) {
  const tags = ['network'];
  const P = `${N}/prospects`;
  app.get(
    P,
    {
      config: { permission: 'outlet:read' },
      schema: {
        tags,
        summary: 'Outlet development pipeline',
        querystring: z.object({
          stage: z.enum(PROSPECT_STAGES).optional(),
          region: RegionCodeSchema.optional(),
        }),
        response: { 200: z.object({ items: z.array(ProspectSchema) }), ...problems },
      },
    },
    async (req) => d.pipeline.list(req.actor!, req.query),
  );
  app.post(
    P,
    {
      config: { permission: 'outlet:manage' },
      schema: {
        tags,
        summary: 'Add a prospect',
        body: ProspectInputSchema,
        response: { 201: ProspectSchema, ...problems },
      },
    },
    async (req, reply) => reply.status(201).send(await d.pipeline.create(req.actor!, req.body, req.id)),
  );
  app.get(
    `${P}/:id`,
    {
      config: { permission: 'outlet:read' },
      schema: {
        tags,
        summary: 'A prospect',
        params: IdParam,
        response: { 200: ProspectSchema, ...problems },
      },
    },
    async (req) => d.pipeline.get(req.actor!, req.params.id),
  );
  app.patch(
    `${P}/:id`,
    {
      config: { permission: 'outlet:manage' },
      schema: {
        tags,
        summary: 'Update a prospect (contacts, categories, notes)',
        params: IdParam,
        body: UpdateProspectSchema,
        response: { 200: ProspectSchema, ...problems },
      },
    },
    async (req) => d.pipeline.update(req.actor!, req.params.id, req.body, req.id),
  );
  app.post(
    `${P}/:id/stage`,
    {
      config: { permission: 'outlet:manage' },
      schema: {
        tags,
        summary: 'Move a prospect: forward one stage, or back with a reason',
        params: IdParam,
        body: MoveProspectSchema,
        response: { 200: ProspectSchema, ...problems },
      },
    },
    async (req) => d.pipeline.move(req.actor!, req.params.id, req.body, req.id),
  );
  app.delete(
    `${P}/:id`,
    {
      config: { permission: 'outlet:manage' },
      schema: {
        tags,
        summary: 'Drop a prospect',
        params: IdParam,
        querystring: z.object({ version: z.coerce.number().int().min(1) }),
        response: { 204: z.null(), ...problems },
      },
    },
    async (req, reply) => {
      await d.pipeline.remove(req.actor!, req.params.id, req.query.version, req.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    `${N}/coverage`,
    {
      config: { permission: 'outlet:read' },
      schema: {
        tags,
        summary: 'Region coverage and self-built share against targets; uncovered regions with the pipeline',
        response: { 200: CoverageReportSchema, ...problems },
      },
    },
    async (req) => d.pipeline.coverage(req.actor!),
  );
}
