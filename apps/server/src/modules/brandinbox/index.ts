import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import { ActionService, sendDue } from './actions.ts';
import { BrandInboxRepository } from './brandinbox.repository.ts';
import { brandInboxRoutes } from './brandinbox.routes.ts';
import { brandInboxPolicy } from './brandinbox.settings.ts';
import { ConnectionService } from './connections.service.ts';
import type { BrandInboxContext, BrandInboxPorts } from './context.ts';
import { HookService } from './hooks.service.ts';
import { InboxService } from './inbox.service.ts';
import { guardedRemote, type RemoteCall } from './remote.ts';
import { TokenSealer } from './seal.ts';
import { syncAll, syncConnection } from './sync.ts';
import './brandinbox.events.ts';

export type { BrandInboxTables } from './brandinbox.schema.ts';
export type { BrandInboxPorts } from './context.ts';
export { BRAND_INBOX_SETTINGS, BRAND_INBOX_POLICY_KEY } from './brandinbox.settings.ts';
/** How a brand signs its webhooks (Standard Webhooks 1.0); tests sign with it. */
export { signHook } from './domain/webhook.ts';

export const BRAND_SYNC_JOB = 'brandinbox.sync';
export const BRAND_SEND_JOB = 'brandinbox.send';

export interface BrandInboxServices {
  connections: ConnectionService;
  inbox: InboxService;
  actions: ActionService;
  hooks: HookService;
}

/**
 * Multi-brand outlet inbox (issue #21 item 6): connections to other brands' Anxin, a pull job that
 * mirrors their orders for the outlet, and an outbox that forwards the outlet's answers.
 */
export function createBrandInbox(deps: AppDeps, ports: BrandInboxPorts, opts: { remote?: RemoteCall } = {}) {
  let sending: Promise<unknown> = Promise.resolve();
  let pulling: Promise<unknown> = Promise.resolve();
  const waiting = new Set<string>();
  const ctx: BrandInboxContext = {
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    logger: deps.logger.child({ c: 'brandinbox' }),
    repo: new BrandInboxRepository(deps.db),
    sealer: new TokenSealer(deps.config.dataDir),
    remote: opts.remote ?? guardedRemote(deps.db),
    ports,
    // One send run at a time per node; the claim keeps two nodes from sending an attempt twice.
    kickSender: () => {
      sending = sending
        .then(() => sendDue(ctx))
        .catch((err: unknown) => ctx.logger.warn({ err }, 'brand send'));
    },
    // A burst of webhooks for one connection is one pull: a kick while one waits adds nothing.
    kickPull: (connectionId) => {
      if (waiting.has(connectionId)) return;
      waiting.add(connectionId);
      pulling = pulling
        .then(async () => {
          waiting.delete(connectionId);
          const conn = await ctx.repo.connection(connectionId);
          if (conn?.enabled) await syncConnection(ctx, conn);
        })
        .catch((err: unknown) => ctx.logger.warn({ err, connection: connectionId }, 'brand webhook pull'));
    },
  };
  const connections = new ConnectionService(ctx);
  const services: BrandInboxServices = {
    connections,
    inbox: new InboxService(ctx, connections),
    actions: new ActionService(ctx, connections),
    hooks: new HookService(ctx, connections),
  };
  return {
    ctx,
    services,
    /** Pull every enabled connection now (the job's run; tests call it by hand). */
    syncAll: () => syncAll(ctx),
    /** Send every due answer now (the job's run; tests call it by hand). */
    sendDue: () => sendDue(ctx),
    /** Waits for sends started right after a commit and pulls started by webhooks. */
    idle: async () => {
      await pulling;
      await sending;
    },
    register: (app: FastifyInstance) => app.register(brandInboxRoutes(services)),
    scheduleJobs: async (jobs: JobQueue) => {
      const policy = await brandInboxPolicy(deps.db);
      jobs.register(BRAND_SYNC_JOB, async () => void (await syncAll(ctx)), { retryLimit: 0 });
      jobs.register(BRAND_SEND_JOB, async () => void (await sendDue(ctx)), { retryLimit: 0 });
      await jobs.schedule(BRAND_SYNC_JOB, policy.syncEverySeconds);
      await jobs.schedule(BRAND_SEND_JOB, policy.sendEverySeconds);
    },
  };
}
export type BrandInboxModule = ReturnType<typeof createBrandInbox>;
