import { CertificationSettingsSchema, type OutletCompletion, type TrainingFigures } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { businessDateOf } from '../../platform/calendar/dates.ts';
import { readSetting } from '../../platform/settings/index.ts';
import {
  CERTIFICATION_SETTINGS_KEY,
  DEFAULT_CERTIFICATION_SETTINGS,
  certificationStatus,
  certificationsOf,
} from '../network/index.ts';
import { trainingPolicy, type TrainingContext } from './context.ts';
import { coursesOf, learnerStatus } from './domain/rules.ts';
import { standing } from './learning.service.ts';
import { activeLearners } from './learners.ts';
import { assignments, attempts, courses } from './training.repository.ts';

/**
 * The training figures: per outlet, technician-courses assigned, completed (passed, or out of
 * attempts), passed, overdue and the mean best score; and certifications expiring soon or expired.
 * Scoped readers count the technicians they may see (their outlet, their regions' outlets).
 */
export async function trainingFigures(ctx: TrainingContext, actor: Actor): Promise<TrainingFigures> {
  const today = businessDateOf(ctx.clock.now());
  const learners = await activeLearners(ctx.db, actor.scope);
  const [rows, policy, all, certs, certSettings] = await Promise.all([
    assignments.all(ctx.db),
    trainingPolicy(ctx.db),
    attempts.ofTechnicians(
      ctx.db,
      learners.map((l) => l.technicianId),
    ),
    certificationsOf(
      ctx.db,
      learners.map((l) => l.technicianId),
    ),
    readSetting(
      ctx.db,
      CERTIFICATION_SETTINGS_KEY,
      CertificationSettingsSchema,
      DEFAULT_CERTIFICATION_SETTINGS,
    ),
  ]);
  const current = await courses.published(ctx.db, [...new Set(rows.map((r) => r.seriesId))]);
  const byOutlet = new Map<string, OutletCompletion & { scores: number[] }>();
  for (const l of learners) {
    const key = l.outletId ?? '';
    const o = byOutlet.get(key) ?? {
      outletId: l.outletId,
      outletName: l.outletName,
      assigned: 0,
      completed: 0,
      passed: 0,
      overdue: 0,
      averageScore: null,
      scores: [],
    };
    const mine = all.filter((a) => a.technicianId === l.technicianId);
    for (const [seriesId, dueOn] of coursesOf(rows, l)) {
      const course = current.get(seriesId);
      if (!course) continue;
      const s = standing(mine, course, today);
      const status = learnerStatus({
        passed: s.passedValid,
        attemptsUsed: s.used,
        maxAttempts: policy.maxAttempts,
        started: !!s.open,
        dueOn,
        today,
      });
      o.assigned++;
      if (s.passedValid || s.used >= policy.maxAttempts) o.completed++;
      if (s.passedValid) o.passed++;
      if (status === 'overdue') o.overdue++;
      if (s.bestScore !== null) o.scores.push(s.bestScore);
    }
    byOutlet.set(key, o);
  }
  const names = new Map(learners.map((l) => [l.technicianId, l]));
  const soon = certSettings.value.expiringSoonDays;
  const expiring = certs
    .filter((c) => c.expiresOn !== null)
    .map((c) => ({ c, status: certificationStatus(c.expiresOn, today, soon) }))
    .filter((x) => x.status !== 'valid')
    .map(({ c, status }) => ({
      technicianId: c.technicianId,
      technicianName: names.get(c.technicianId)?.name ?? '',
      outletName: names.get(c.technicianId)?.outletName ?? null,
      name: c.name,
      categoryCode: c.categoryCode,
      expiresOn: c.expiresOn!,
      status: status as 'expiring' | 'expired',
    }))
    .sort(
      (a, b) => a.expiresOn.localeCompare(b.expiresOn) || a.technicianName.localeCompare(b.technicianName),
    );
  return {
    asOf: today,
    expiringSoonDays: soon,
    byOutlet: [...byOutlet.values()]
      .filter((o) => o.assigned > 0)
      .map(({ scores, ...o }) => ({
        ...o,
        averageScore: scores.length
          ? Math.round((scores.reduce((x, y) => x + y, 0) / scores.length) * 10) / 10
          : null,
      }))
      .sort((a, b) => (a.outletName ?? '').localeCompare(b.outletName ?? '', 'zh-CN')),
    expiring,
  };
}
