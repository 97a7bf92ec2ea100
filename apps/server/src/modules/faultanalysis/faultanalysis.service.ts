import type { DocumentLocale, FaultAnalysisQuery } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { analyse, analyseAll, type Period } from './analysis.ts';
import type { FaultAnalysisContext } from './context.ts';
import { exportWorkbook } from './export.xlsx.ts';
import { faultAnalysisPolicy } from './faultanalysis.settings.ts';
import { reportPdf } from './report.pdf.ts';
import { listRuns, runReport } from './runs.ts';

const periodOf = (q: FaultAnalysisQuery): Period => ({
  from: q.from,
  to: q.to,
  category: q.category ?? null,
});

export class FaultAnalysisService {
  readonly ctx: FaultAnalysisContext;
  constructor(ctx: FaultAnalysisContext) {
    this.ctx = ctx;
  }

  async analyse(q: FaultAnalysisQuery) {
    return analyse(this.ctx, periodOf(q), q.dimension, await faultAnalysisPolicy(this.ctx.db));
  }

  async exportXlsx(actor: Actor, q: FaultAnalysisQuery, locale: DocumentLocale, requestId: string | null) {
    const all = await analyseAll(this.ctx, periodOf(q), await faultAnalysisPolicy(this.ctx.db));
    return exportWorkbook(this.ctx, actor, all, locale, requestId);
  }

  async reportPdf(actor: Actor, q: FaultAnalysisQuery, locale: DocumentLocale, requestId: string | null) {
    const all = await analyseAll(this.ctx, periodOf(q), await faultAnalysisPolicy(this.ctx.db));
    const cat = q.category ? (await this.ctx.ports.categoryNames([q.category])).get(q.category) : undefined;
    const categoryName = cat ? (locale === 'en-US' ? cat.nameEn : cat.nameZh) : null;
    return reportPdf(this.ctx, actor, all, { locale, requestId, categoryName });
  }

  runs() {
    return listRuns(this.ctx);
  }

  runReport() {
    return runReport(this.ctx);
  }
}
