import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { Db } from '../../platform/db/types.ts';
import { CallingService } from './calling.service.ts';
import { campaignRoutes } from './campaigns.routes.ts';
import { CampaignsService } from './campaigns.service.ts';
import { optedOutAmong } from './campaigns.repository.ts';
import type { CampaignContext, CampaignPorts } from './context.ts';
import './campaigns.events.ts';

export type { CampaignTables } from './campaigns.schema.ts';
export type { CampaignPorts } from './context.ts';
export type { Selected as ContactListEntry } from './domain/selection.ts';
export { recordOptOut } from './calling.service.ts';
export { CAMPAIGN_SETTINGS, CAMPAIGN_POLICY_KEY } from './campaigns.settings.ts';
export { campaignReport } from './figures.ts';
export { conversionPct, outcomesByKind } from './domain/figures.ts';

/**
 * Whether customers opted out of outbound campaigns: other modules (recalls, events) check this
 * before they call or message a customer. Returns the opted-out ids among `customerIds`.
 */
export const optedOutCustomers = (db: Db, customerIds: readonly string[]): Promise<Set<string>> =>
  optedOutAmong(db, customerIds);

/**
 * Outbound campaigns (外呼活动 / 售后大回访, issue #18 item 5): call lists built from filters over
 * the customer base (read through customers' index), a script and questionnaire, agents' attempts
 * and outcomes, opt-outs, and each campaign's figures.
 */
export function createCampaigns(deps: AppDeps, ports: CampaignPorts) {
  const ctx: CampaignContext = { db: deps.db, dialect: deps.dialect, clock: deps.clock, ports };
  const service = new CampaignsService(ctx);
  const calling = new CallingService(ctx, service);
  return {
    service,
    calling,
    register: (app: FastifyInstance) => app.register(campaignRoutes(service, calling)),
  };
}
export type CampaignsModule = ReturnType<typeof createCampaigns>;
