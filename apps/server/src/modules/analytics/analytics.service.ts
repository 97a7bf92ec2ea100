import type { AnalyticsDashboard, AnalyticsQuery, AnalyticsRow } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { analyticsPolicy } from './analytics.settings.ts';
import type { AnalyticsContext } from './context.ts';
import { computedAt, sums, type Filter } from './dashboard.repository.ts';
import { bucketOf } from './domain/days.ts';
import { countsOf, figuresOf, listLink } from './domain/figures.ts';
import { addInto, zero, type Measures } from './domain/rollup.ts';

const filterOf = (q: AnalyticsQuery): Filter => ({
  from: q.from,
  to: q.to,
  region: q.region,
  category: q.category,
  outlet: q.outlet,
  channel: q.channel,
});

/** The dashboards: every figure from the rollups, each row with its drill-down. */
export class AnalyticsService {
  private readonly ctx: AnalyticsContext;
  constructor(ctx: AnalyticsContext) {
    this.ctx = ctx;
  }

  async dashboard(
    actor: Actor,
    q: AnalyticsQuery,
    locale: 'zh-CN' | 'en-US' = 'zh-CN',
  ): Promise<AnalyticsDashboard> {
    const { db, ports } = this.ctx;
    const f = filterOf(q);
    const scope = actor.scope;
    const { rankingSize } = await analyticsPolicy(db);
    const [total, days, outlets, technicians, categories, channels, provinces, cities, at] =
      await Promise.all([
        sums(db, f, scope, 'none'),
        sums(db, f, scope, 'day'),
        sums(db, f, scope, 'outlet', { orderBy: 'created', limit: rankingSize }),
        sums(db, f, scope, 'technician', { orderBy: 'closed', limit: rankingSize }),
        sums(db, f, scope, 'category'),
        sums(db, f, scope, 'channel'),
        sums(db, f, scope, 'province'),
        sums(db, f, scope, 'city'),
        computedAt(db, f, scope),
      ]);
    const [outletNames, techNames, catNames] = await Promise.all([
      ports.outletNames(outlets.map((o) => o.key).filter(Boolean)),
      ports.technicianNames(technicians.map((o) => o.key)),
      ports.categoryNames(categories.map((o) => o.key).filter(Boolean)),
    ]);
    const en = locale === 'en-US';
    const none = en ? '(none)' : '（无）';
    const row = (key: string, name: string, m: Measures, link: string): AnalyticsRow => ({
      key,
      name: name || none,
      link,
      ...countsOf(m),
    });
    const region = (code: string) => (code ? (ports.regionName(code) ?? code) : '');
    // A row's own filter narrows the period's; rows without a value keep the period's list.
    const narrowed = (extra: Partial<Filter>) => listLink({ ...f, ...extra });
    const trend = new Map<string, Measures>();
    for (const d of days) {
      const b = bucketOf(d.key, q.bucket);
      let m = trend.get(b);
      if (!m) trend.set(b, (m = zero()));
      addInto(m, d.m);
    }
    const bucketEnd = (b: string) => {
      const next = [...trend.keys()].find((k) => k > b);
      return next ? new Date(Date.parse(next) - 86_400_000).toISOString().slice(0, 10) : q.to;
    };
    const totals = countsOf(total[0]?.m ?? zero());
    return {
      from: q.from,
      to: q.to,
      view: q.view,
      bucket: q.bucket,
      computedAt: at,
      totals,
      figures: figuresOf(totals, f),
      trend: [...trend.entries()].map(([b, m]) =>
        row(
          b,
          b,
          m,
          narrowed({ from: b < q.from ? q.from : b, to: bucketEnd(b) > q.to ? q.to : bucketEnd(b) }),
        ),
      ),
      outlets: outlets.map((o) =>
        row(o.key, outletNames.get(o.key) ?? '', o.m, o.key ? narrowed({ outlet: o.key }) : listLink(f)),
      ),
      technicians: technicians.map((o) => row(o.key, techNames.get(o.key) ?? o.key, o.m, listLink(f))),
      categories: categories.map((o) => {
        const n = catNames.get(o.key);
        return row(
          o.key,
          n ? (en ? n.nameEn || n.nameZh : n.nameZh) : '',
          o.m,
          o.key ? narrowed({ category: o.key }) : listLink(f),
        );
      }),
      channels: channels.map((o) => row(o.key, o.key, o.m, narrowed({ channel: o.key }))),
      provinces: provinces.map((o) =>
        row(o.key, region(o.key), o.m, o.key ? narrowed({ region: o.key }) : listLink(f)),
      ),
      cities: cities.map((o) =>
        row(o.key, region(o.key), o.m, o.key ? narrowed({ region: o.key }) : listLink(f)),
      ),
    };
  }
}
