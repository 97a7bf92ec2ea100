import type { CareFiguresScope, RecallFigureRow } from '@anxin/contracts';
import { businessDateOf } from '../../platform/calendar/index.ts';
import type { Db } from '../../platform/db/types.ts';
import { figuresOf } from './domain/contact.ts';
import { weeklyCompletions } from './domain/trend.ts';
import { RecallRepository } from './recalls.repository.ts';

/**
 * Recall completion of the installed base (issue #18 item 7): every launched recall with the same
 * figures its own page shows (affected, contacted, orders, completed ÷ affected) and the weekly
 * completions within the period. A recall names its own population, so the region and category
 * filters do not apply here.
 */
export async function recallFigures(db: Db, scope: CareFiguresScope): Promise<RecallFigureRow[]> {
  const repo = new RecallRepository(db);
  const recalls = (await repo.listRecalls()).filter((r) => r.status !== 'draft');
  const ids = recalls.map((r) => r.id);
  const [counts, done] = await Promise.all([repo.counts(ids), repo.completions(ids)]);
  return recalls.map((r) => {
    const f = figuresOf(counts.get(r.id)!);
    const days = done.filter((d) => d.recallId === r.id).map((d) => businessDateOf(new Date(d.completedAt)));
    return {
      id: r.id,
      title: r.title,
      status: r.status,
      launchedAt: r.launchedAt,
      affected: f.affected,
      contacted: f.contacted,
      ordersCreated: f.ordersCreated,
      completed: f.completed,
      completionPct: f.completionPct,
      trend: weeklyCompletions(days, scope.from, scope.to),
    };
  });
}
