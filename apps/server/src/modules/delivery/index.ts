import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { LocalDiskStorage, type FileStorage } from '../../platform/files/index.ts';
import { BookingsService } from './bookings.service.ts';
import type { DeliveryContext, DeliveryFollowUps, SalesPort } from './context.ts';
import type { WorkingDays } from './domain/window.ts';
import { CrewsService } from './crews.service.ts';
import { deliveryRoutes } from './delivery.routes.ts';
import { deliveryFigures } from './figures.service.ts';
import { installProducts, openRmaCase } from './follow-ups.ts';
import { DeliveryPhotos } from './photos.ts';
import { INSTALL_TOPIC, RMA_TOPIC, StepsService, type FollowUpPayload } from './steps.service.ts';
import './delivery.events.ts';

export type { DeliveryTables } from './delivery.schema.ts';
export { DELIVERY_SETTINGS } from './delivery.settings.ts';
export { DELIVERY_POLICY_KEY, type Contract, type DeliveryFollowUps, type SalesPort } from './context.ts';
export { DELIVERY_NUMBER_PREFIX } from './bookings.service.ts';
export { INSTALL_TOPIC, RMA_TOPIC } from './steps.service.ts';

export interface DeliveryOptions {
  sales: SalesPort;
  followUps: DeliveryFollowUps;
  calendar: () => Promise<WorkingDays>;
  travel: () => Promise<{ roadFactor: number; speedKmh: number }>;
  storage?: FileStorage;
}

export interface DeliveryServices {
  bookings: BookingsService;
  steps: StepsService;
  crews: CrewsService;
  photos: DeliveryPhotos;
  figures: (actor: Actor, q: { month: string; by: 'store' | 'crew' }) => ReturnType<typeof deliveryFigures>;
}

/**
 * Delivery and installation of sales contracts (送货安装, issue #16 items 3, 4, 6): bookings within
 * the working-day window, crews and day plans with the routing optimiser, the crew's phone job
 * (checklist, photos, signature, exceptions), installed products and RMA cases as follow-ups, the
 * returned voucher, the installation callback and the delivery figures.
 */
export function createDelivery(deps: AppDeps, opts: DeliveryOptions) {
  const ctx: DeliveryContext = {
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    storage: opts.storage ?? new LocalDiskStorage(path.join(deps.config.dataDir, 'files')),
    sales: opts.sales,
    followUps: opts.followUps,
    calendar: opts.calendar,
    travel: opts.travel,
    nudgeOutbox: () => deps.runtime.outbox.nudge(),
  };
  const bookings = new BookingsService(ctx);
  const services: DeliveryServices = {
    bookings,
    steps: new StepsService(ctx, bookings),
    crews: new CrewsService(ctx),
    photos: new DeliveryPhotos(ctx, bookings),
    figures: (actor, q) => deliveryFigures(ctx, actor, q),
  };
  deps.runtime.outbox.registerTopic<FollowUpPayload>(INSTALL_TOPIC, (p) => installProducts(ctx, p.bookingId));
  deps.runtime.outbox.registerTopic<FollowUpPayload>(RMA_TOPIC, (p) => openRmaCase(ctx, p.bookingId));
  return {
    ctx,
    ...services,
    /** The follow-ups by hand (tests, repairs); both are idempotent. */
    installProducts: (bookingId: string) => installProducts(ctx, bookingId),
    openRmaCase: (bookingId: string) => openRmaCase(ctx, bookingId),
    register: async (app: FastifyInstance) => {
      await app.register(deliveryRoutes(services, deps.config.uploadLimitBytes));
    },
  };
}
export type DeliveryModule = ReturnType<typeof createDelivery>;
