import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { communityRoutes } from './community.routes.ts';
import type { CommunityContext, CommunityPorts } from './context.ts';
import { EventsService } from './events.service.ts';
import { ReferralsService } from './referrals.service.ts';
import './community.events.ts';

export type { CommunityTables } from './community.schema.ts';
export type { CommunityPorts } from './context.ts';
export { COMMUNITY_SETTINGS, COMMUNITY_POLICY_KEY } from './community.settings.ts';
export { COMMUNITY_EVENTS } from './community.events.ts';
/** Referral and event figures over a business-date range, for other figures pages. */
export { communityFigures } from './figures.ts';
/** Referral numbers (转介 ZJ20261207-0001) on the shared daily record sequence. */
export const REFERRAL_PREFIX = 'ZJ';

/**
 * Customer organisation (客户社群 / 将顾客组织化, issue #18 item 6): referrals with their referrer
 * and conversion, and user events with invitations from a campaigns contact list (opt-outs
 * respected, through campaigns' index), registrations under capacity, and check-in.
 */
export function createCommunity(deps: AppDeps, ports: CommunityPorts) {
  const ctx: CommunityContext = {
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    ports,
    nudgeOutbox: () => deps.runtime.outbox.nudge(),
  };
  const referrals = new ReferralsService(ctx);
  const events = new EventsService(ctx);
  return {
    referrals,
    events,
    register: (app: FastifyInstance) =>
      app.register(communityRoutes({ db: deps.db, clock: deps.clock, referrals, events })),
  };
}
export type CommunityModule = ReturnType<typeof createCommunity>;
export { sendInvitation } from './invite-sender.ts';
