import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { DocumentsPorts } from './context.ts';
import { documentsRoutes } from './documents.routes.ts';
import { DocumentsService } from './documents.service.ts';

export type { DocumentsPorts } from './context.ts';
export type { FittedPart, ServiceReportData } from './service-report.ts';
export { DOCUMENTS_SETTINGS, documentsPolicy } from './documents.settings.ts';
// The A4 layout, font and language choice other modules' reports reuse (fault analysis).
export { Sheet, type Column } from './layout.ts';
export { documentFont } from './fonts.ts';
export { documentLocale } from './locale.ts';
export { beijing } from './render.ts';

/**
 * Printable documents (issue #19 item 4): the service report (维修单), quotes and receipts, and
 * settlement statements as PDF drawn with a vendored CJK font. Owns no tables: every figure is
 * read through the owning module (ports bound in modules.ts).
 */
export function createDocuments(deps: AppDeps, ports: DocumentsPorts) {
  const service = new DocumentsService({
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    logger: deps.logger,
    ports,
  });
  return {
    service,
    register: (app: FastifyInstance) => app.register(documentsRoutes(service)),
  };
}
export type DocumentsModule = ReturnType<typeof createDocuments>;
