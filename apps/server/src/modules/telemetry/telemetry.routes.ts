import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AlertActionSchema,
  AlertListSchema,
  AlertQuerySchema,
  AlertRuleSchema,
  AlertSchema,
  CreateAlertRuleSchema,
  DeviceSchema,
  DeviceWithTokenSchema,
  IdSchema,
  RegisterDeviceSchema,
  TelemetryBatchSchema,
  TelemetryIntakeResultSchema,
  UpdateAlertRuleSchema,
} from '@anxin/contracts';
import { DomainError } from '../../platform/http/errors.ts';
import { problemResponses } from '../../platform/http/responses.ts';
import type { TelemetryServices } from './telemetry.services.ts';
import type { DeviceRecord } from './telemetry.repository.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const tags = ['telemetry'];
const P = '/api/v1/telemetry';
const IdParams = z.object({ id: IdSchema });
const read = { permission: 'telemetry:read' } as const;
const manage = { permission: 'telemetry:manage' } as const;

declare module 'fastify' {
  interface FastifyRequest {
    /** The device of a telemetry intake request (set by the route's own token check). */
    telemetryDevice: DeviceRecord | null;
  }
}

/**
 * Devices, rules and alerts (设备预警), and the device intake. The intake is `public` to the
 * session layer (no cookie, no CSRF: devices are machines) and authenticates its own credential,
 * the device token, in `onRequest` before the body is read: a missing, wrong or revoked token is
 * 401 problem+json whatever the body holds.
 */
export function telemetryRoutes(svc: TelemetryServices) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.decorateRequest('telemetryDevice', null);
    const deviceAuth = async (req: FastifyRequest) => {
      const auth = req.headers.authorization;
      if (!auth?.startsWith('Bearer '))
        throw new DomainError('auth.unauthenticated', 'Send the device token as Authorization: Bearer');
      const device = await svc.devices.authenticate(auth.slice(7).trim());
      if (!device) throw new DomainError('auth.invalid_token', 'Unknown, rotated or revoked device token');
      req.telemetryDevice = device;
    };
    app.post(
      `${P}/readings`,
      {
        config: { permission: 'public' },
        onRequest: deviceAuth,
        schema: {
          tags,
          summary:
            'Device intake: a batch of readings (Authorization: Bearer <device token>), idempotent by messageId',
          body: TelemetryBatchSchema,
          response: { 200: TelemetryIntakeResultSchema, ...problems },
        },
      },
      async (req) => svc.intake(req.telemetryDevice!, req.body),
    );

    app.get(
      `${P}/devices`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Devices',
          response: { 200: z.object({ items: z.array(DeviceSchema) }), ...problems },
        },
      },
      async (req) => ({ items: await svc.devices.list(req.actor!) }),
    );
    app.post(
      `${P}/devices`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Register a device on an installed product; the answer carries its token, once',
          body: RegisterDeviceSchema,
          response: { 201: DeviceWithTokenSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.devices.register(req.actor!, req.body)),
    );
    app.post(
      `${P}/devices/:id/token`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Issue a new token (the old one stops working); re-activates a revoked device',
          params: IdParams,
          response: { 200: DeviceWithTokenSchema, ...problems },
        },
      },
      async (req) => svc.devices.rotate(req.actor!, req.params.id),
    );
    app.post(
      `${P}/devices/:id/revoke`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Revoke the device token',
          params: IdParams,
          response: { 200: DeviceSchema, ...problems },
        },
      },
      async (req) => svc.devices.revoke(req.actor!, req.params.id),
    );

    app.get(
      `${P}/rules`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Alert rules',
          response: { 200: z.object({ items: z.array(AlertRuleSchema) }), ...problems },
        },
      },
      async () => ({ items: await svc.rules.list() }),
    );
    app.post(
      `${P}/rules`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Add an alert rule',
          body: CreateAlertRuleSchema,
          response: { 201: AlertRuleSchema, ...problems },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.rules.create(req.actor!, req.body)),
    );
    app.put(
      `${P}/rules/:id`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Replace an alert rule (optimistic version; active false disables it)',
          params: IdParams,
          body: UpdateAlertRuleSchema,
          response: { 200: AlertRuleSchema, ...problems },
        },
      },
      async (req) => svc.rules.update(req.actor!, req.params.id, req.body),
    );

    app.get(
      `${P}/alerts`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Alerts, newest activity first',
          querystring: AlertQuerySchema,
          response: { 200: AlertListSchema, ...problems },
        },
      },
      async (req) => svc.alerts.list(req.actor!, req.query),
    );
    app.post(
      `${P}/alerts/:id/acknowledge`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Acknowledge an open alert',
          params: IdParams,
          body: AlertActionSchema,
          response: { 200: AlertSchema, ...problems },
        },
      },
      async (req) => svc.alerts.acknowledge(req.actor!, req.params.id, req.body.version),
    );
    app.post(
      `${P}/alerts/:id/resolve`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Resolve an alert by hand',
          params: IdParams,
          body: AlertActionSchema,
          response: { 200: AlertSchema, ...problems },
        },
      },
      async (req) => svc.alerts.resolve(req.actor!, req.params.id, req.body.version),
    );
  };
}
