import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { CatalogModule } from '../catalog/index.ts';
import { regionName, type CustomersModule } from '../customers/index.ts';
import type { AuthService } from '../identity/index.ts';
import type { WorkOrdersService } from '../workorders/index.ts';
import { PortalAuthService } from './portal-auth.service.ts';
import { PortalRepository } from './portal.repository.ts';
import { portalRoutes } from './portal.routes.ts';
import { PortalService } from './portal.service.ts';
import type { PortalCustomersPort, PortalPorts, PortalRatingsPort } from './ports.ts';

export { DEFAULT_PORTAL_OTP_POLICY, PORTAL_OTP_POLICY_KEY, PortalOtpPolicySchema } from './domain/otp.ts';
export type { PortalCustomersPort, PortalPorts, PortalRatingsPort } from './ports.ts';

export interface PortalModuleDeps {
  identity: { auth: AuthService };
  customers: Pick<
    CustomersModule,
    | 'findCustomerByPhone'
    | 'getCustomer'
    | 'createIndividualCustomer'
    | 'listProducts'
    | 'getInstalledProduct'
    | 'registerProductForCustomer'
  >;
  catalog: Pick<CatalogModule, 'service'>;
  workOrders: { service: WorkOrdersService };
}

/** The customer portal (H5 at /portal): one-time-code sign-in, own products, requests and orders. */
export function createPortal(deps: AppDeps, m: PortalModuleDeps) {
  const customers: PortalCustomersPort = {
    findCustomerByPhone: async (phone) => {
      const c = await m.customers.findCustomerByPhone(phone);
      return c && { id: c.id, name: c.name };
    },
    createIndividualCustomer: (input, actor) => m.customers.createIndividualCustomer(input, actor),
    listProducts: (customerId) => m.customers.listProducts(customerId),
    contact: async (customerId) => {
      const c = await m.customers.getCustomer(customerId);
      const phone = c.phones.find((p) => p.isPrimary) ?? c.phones[0];
      const a = c.addresses.find((x) => x.isDefault) ?? c.addresses[0];
      return {
        name: c.name,
        phone: phone?.phone ?? null,
        address: a ? `${regionName(a.districtCode)} ${a.detail}`.trim() : null,
      };
    },
    getProduct: (id) => m.customers.getInstalledProduct(id),
    registerProduct: (customerId, input, actor) =>
      m.customers.registerProductForCustomer(customerId, input, actor),
  };
  const ports: PortalPorts = {
    auth: m.identity.auth,
    customers,
    catalog: m.catalog,
    workOrders: m.workOrders.service,
  };
  const repo = new PortalRepository(deps.db);
  const auth = new PortalAuthService({
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    repo,
    ports,
    nudgeOutbox: () => deps.runtime.outbox.nudge(),
  });
  const portal = new PortalService({ db: deps.db, clock: deps.clock, ports });
  const register = (app: FastifyInstance) =>
    app.register(
      portalRoutes({
        auth,
        portal,
        cookieSecure: deps.config.cookieSecure,
        maxUploadBytes: deps.config.uploadLimitBytes,
        signInPerIpPerMinute: deps.config.loginRatePerMinute,
      }),
    );
  /** The callbacks module is built after the portal (it needs work orders): bound in modules.ts. */
  const useRatings = (port: PortalRatingsPort) => {
    ports.ratings = port;
  };
  return { auth, portal, register, useRatings };
}
export type PortalModule = ReturnType<typeof createPortal>;
export { PORTAL_SETTINGS } from './portal.settings.ts';
