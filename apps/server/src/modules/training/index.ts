import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { LocalDiskStorage, type FileStorage } from '../../platform/files/index.ts';
import type { ArticleLookup, TrainingContext } from './context.ts';
import { CoursesService } from './courses.service.ts';
import { LearningService } from './learning.service.ts';
import { trainingRoutes } from './training.routes.ts';
import './training.events.ts';

export type { TrainingTables } from './training.schema.ts';
export { TRAINING_SETTINGS } from './training.settings.ts';
export { TRAINING_POLICY_KEY, type ArticleLookup } from './context.ts';
export { CoursesService } from './courses.service.ts';
export { LearningService } from './learning.service.ts';
export { trainingFigures } from './figures.ts';

export interface TrainingOptions {
  /** modules/knowledge `articleRef`, narrowed; without it lessons show no article title. */
  articles?: ArticleLookup;
  storage?: FileStorage;
}

/**
 * Training (培训, issue #17 item 6): versioned courses of lessons and a quiz, assignments to roles,
 * outlets or technicians, server-scored attempts whose passes grant or renew the technician's
 * certification (through network's `grantCertification`), and the completion figures.
 */
export function createTraining(deps: AppDeps, opts: TrainingOptions = {}) {
  const ctx: TrainingContext = {
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    storage: opts.storage ?? new LocalDiskStorage(path.join(deps.config.dataDir, 'files')),
    articles: opts.articles ?? (async () => null),
  };
  const courses = new CoursesService(ctx);
  const learning = new LearningService(ctx);
  return {
    ctx,
    courses,
    learning,
    register: async (app: FastifyInstance) => {
      await app.register(trainingRoutes(ctx, { courses, learning }, deps.config.uploadLimitBytes));
    },
  };
}
export type TrainingModule = ReturnType<typeof createTraining>;
