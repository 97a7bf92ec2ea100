import type { CampaignFigureRow, CareFiguresScope } from '@anxin/contracts';
import type { Db } from '../../platform/db/types.ts';
import { attemptOutcomesIn, listCampaigns, targetFacts } from './campaigns.repository.ts';
import { campaignFigures, conversionPct, outcomesByKind } from './domain/figures.ts';

/**
 * Campaign reach and results of the installed base (issue #18 item 7): every built campaign with
 * the figures of its own page (list size, attempted, reached, opt-outs, completed) and the call
 * outcomes recorded in the period. Lists are built from customers, so the filters do not apply.
 */
export async function campaignReport(db: Db, scope: CareFiguresScope): Promise<CampaignFigureRow[]> {
  const campaigns = (await listCampaigns(db)).filter((c) => c.status !== 'draft');
  const attempts = await attemptOutcomesIn(db, scope.fromAt, scope.toAt);
  const rows: CampaignFigureRow[] = [];
  for (const c of campaigns) {
    const f = campaignFigures([], await targetFacts(db, c.id), []);
    rows.push({
      id: c.id,
      name: c.name,
      purpose: c.purpose,
      status: c.status,
      listSize: f.targets,
      attempted: f.attempted,
      reached: f.reached,
      outcomes: outcomesByKind(attempts.filter((a) => a.campaignId === c.id).map((a) => a.outcome)),
      optedOut: f.optedOut,
      completed: f.completed,
      conversionPct: conversionPct(f.completed, f.reached),
    });
  }
  return rows;
}
