import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { CatalogService } from './catalog.service.ts';
import { catalogRoutes } from './catalog.routes.ts';
import { productModelsByCodes } from './catalog.repository.ts';

export type { CatalogService } from './catalog.service.ts';
export { productCategoriesByCodes, productModelsByCodes, productModelsByIds } from './catalog.repository.ts';

/**
 * Public API for other modules (work orders, customers): read the catalogue and validate fault
 * codes; writes go through the HTTP routes so they are audited.
 */
export function createCatalog(deps: AppDeps) {
  const service = new CatalogService({ db: deps.db, dialect: deps.dialect, clock: deps.clock });
  return {
    service,
    getCategory: (code: string) => service.getCategory(code),
    listCategories: () => service.listCategories(),
    getModel: (id: string) => service.getModel(id),
    findModels: (ids: string[]) => service.repo.findModels(ids),
    findModelsByCodes: (codes: readonly string[]) => productModelsByCodes(deps.db, codes),
    getFaultCode: (id: string) => service.getFaultCode(id),
    validateFaultCodes: (categoryCode: string, faultCodeId: string | null, symptomIds: readonly string[]) =>
      service.validateFaultCodes(categoryCode, faultCodeId, symptomIds),
    register: (app: FastifyInstance) => app.register(catalogRoutes(service)),
  };
}
export type CatalogModule = ReturnType<typeof createCatalog>;
