import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  NotifyDeliveryListSchema,
  NotifyDeliveryQuerySchema,
  NotifyPreviewSchema,
  NotifyTemplateListSchema,
  NotifyTemplateParamsSchema,
  NotifyTestResultSchema,
  NotifyTestSchema,
  PreviewNotifyTemplateSchema,
  PutNotifyTemplateSchema,
} from '@anxin/contracts';
import type { AppDeps } from '../deps.ts';
import { withTransaction } from '../db/transaction.ts';
import { notFound, refuse } from '../http/errors.ts';
import { problemResponses } from '../http/responses.ts';
import { isNotifyEvent, placeholdersOf, render, sampleParams, templateIssues } from './domain/templates.ts';
import { notifyChannel } from './notify.ts';
import { listDeliveries, listTemplates, saveTemplate } from './templates.repository.ts';

export { NOTIFY_SETTINGS } from './channels.settings.ts';

const problems = problemResponses(400, 401, 403, 404, 409, 422);
const tags = ['notify'];
const P = '/api/v1/notify';
// Channel secrets and templates are configuration: the same permission as the settings holding them.
const config = { permission: 'settings:manage' } as const;

/** A template whose placeholders its event does not fill is refused at save (and preview) time. */
function checkTemplate(event: string, t: { subject: string; body: string }): void {
  if (!isNotifyEvent(event)) throw notFound('notification template', event);
  const [issue] = templateIssues(event, t);
  if (issue)
    throw refuse(
      'notify.unknown_placeholder',
      { names: issue.unknown.join(', '), allowed: placeholdersOf(event).join(', ') },
      { path: issue.path },
    );
}

/** Notification templates, the delivery log and test messages (channel settings: `notify.channels`). */
export function createNotify(deps: AppDeps) {
  const routes = async (fastify: FastifyInstance): Promise<void> => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      `${P}/templates`,
      {
        config,
        schema: {
          tags,
          summary: 'Every template (event × channel × locale), edited or default',
          response: { 200: NotifyTemplateListSchema, ...problems },
        },
      },
      async () => ({ items: await listTemplates(deps.db) }),
    );
    app.put(
      `${P}/templates/:event/:channel/:locale`,
      {
        config,
        schema: {
          tags,
          summary: 'Edit one template (placeholders checked; optimistic version)',
          params: NotifyTemplateParamsSchema,
          body: PutNotifyTemplateSchema,
          response: { 200: NotifyTemplateListSchema, ...problems },
        },
      },
      async (req) => {
        checkTemplate(req.params.event, req.body);
        await saveTemplate(deps.db, req.params, req.body, req.actor!.userId, deps.clock.now());
        return { items: (await listTemplates(deps.db)).filter((t) => t.event === req.params.event) };
      },
    );
    app.post(
      `${P}/templates/:event/:channel/:locale/preview`,
      {
        config,
        schema: {
          tags,
          summary: 'Render a draft with sample values',
          params: NotifyTemplateParamsSchema,
          body: PreviewNotifyTemplateSchema,
          response: { 200: NotifyPreviewSchema, ...problems },
        },
      },
      async (req) => {
        checkTemplate(req.params.event, req.body);
        const sample = sampleParams(req.params.event);
        return { subject: render(req.body.subject, sample), body: render(req.body.body, sample) };
      },
    );
    app.get(
      `${P}/deliveries`,
      {
        config,
        schema: {
          tags,
          summary: 'The delivery log, newest first',
          querystring: NotifyDeliveryQuerySchema,
          response: { 200: NotifyDeliveryListSchema, ...problems },
        },
      },
      async (req) => ({ items: await listDeliveries(deps.db, req.query) }),
    );
    app.post(
      `${P}/test`,
      {
        config,
        schema: {
          tags,
          summary: 'Queue a test message on one channel',
          body: NotifyTestSchema,
          response: { 200: NotifyTestResultSchema, ...problems },
        },
      },
      async (req) => {
        const now = deps.clock.now();
        await withTransaction(deps.db, deps.dialect, async ({ trx, afterCommit }) => {
          await notifyChannel(trx, now, {
            channel: req.body.channel,
            to: req.body.to,
            event: 'notify.test',
            params: { channel: req.body.channel },
            locale: req.body.locale,
            ref: `notify-test:${req.actor!.userId}`,
          });
          afterCommit(() => deps.runtime.outbox.nudge());
        });
        return { queued: true };
      },
    );
  };
  return { register: (app: FastifyInstance) => app.register(routes) };
}
