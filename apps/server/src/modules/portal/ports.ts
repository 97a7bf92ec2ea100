import type {
  CallbackAnswers,
  InstalledProduct,
  PortalContact,
  PortalRating,
  RegisterProduct,
} from '@anxin/contracts';
import type { EventActor } from '../../platform/events/append.ts';
import type { CatalogModule } from '../catalog/index.ts';
import type { WorkOrdersService } from '../workorders/index.ts';
import type { AuthService } from '../identity/index.ts';

/**
 * What the portal needs from other modules, as narrow ports wired in `index.ts` from their public
 * APIs. Tests and a future BFF can supply their own.
 */
export interface PortalCustomersPort {
  findCustomerByPhone(phone: string): Promise<{ id: string; name: string } | undefined>;
  /** A new caller becomes an individual customer with this mobile as primary phone. */
  createIndividualCustomer(
    input: { name: string; phone: string },
    actor: EventActor,
  ): Promise<{ id: string }>;
  listProducts(customerId: string): Promise<InstalledProduct[]>;
  /** The name, primary phone and default address a new order uses. */
  contact(customerId: string): Promise<PortalContact>;
  getProduct(id: string): Promise<InstalledProduct>;
  registerProduct(customerId: string, input: RegisterProduct, actor: EventActor): Promise<InstalledProduct>;
}

export interface PortalPorts {
  auth: AuthService;
  customers: PortalCustomersPort;
  catalog: Pick<CatalogModule, 'service'>;
  workOrders: WorkOrdersService;
  /** Set once the callbacks module exists (see `usePortalRatings`). */
  ratings?: PortalRatingsPort;
}

/** The customer's rating of a finished service (the callbacks module; bound after it is built). */
export interface PortalRatingsPort {
  orderRating(orderId: string): Promise<PortalRating>;
  rateOrder(
    orderId: string,
    answers: CallbackAnswers,
    comment?: string,
  ): Promise<{ outcome: 'satisfied' | 'recorded' }>;
}
