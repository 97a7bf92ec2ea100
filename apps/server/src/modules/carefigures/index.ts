import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { careFiguresRoutes } from './carefigures.routes.ts';
import { CareFiguresService } from './carefigures.service.ts';
import type { CareFiguresPorts } from './context.ts';

export type { CareFiguresPorts } from './context.ts';
export { CAREFIGURES_SETTINGS, CAREFIGURES_POLICY_KEY } from './carefigures.settings.ts';

/**
 * Installed-base figures (设备与服务运营, issue #18 item 7): a thin report over maintenance,
 * telemetry, service contracts, recalls and campaigns; each computes its own part.
 */
export function createCareFigures(deps: AppDeps, ports: CareFiguresPorts) {
  const service = new CareFiguresService({ db: deps.db, dialect: deps.dialect, clock: deps.clock, ports });
  return { service, register: (app: FastifyInstance) => app.register(careFiguresRoutes(service)) };
}
export type CareFiguresModule = ReturnType<typeof createCareFigures>;
