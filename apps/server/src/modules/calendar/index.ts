import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { CalendarService } from './calendar.service.ts';
import { calendarRoutes } from './calendar.routes.ts';

export { CalendarService, PROVISIONAL_YEARS_KEY } from './calendar.service.ts';

/** The tenant's business calendar: statutory data plus overrides and hours edited in the UI. */
export function createCalendar(deps: AppDeps) {
  const service = new CalendarService({ db: deps.db, dialect: deps.dialect, clock: deps.clock });
  return { service, register: (app: FastifyInstance) => app.register(calendarRoutes(service)) };
}
export { CALENDAR_SETTINGS } from './calendar.settings.ts';
