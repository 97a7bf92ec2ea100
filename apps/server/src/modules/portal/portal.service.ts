import type { Readable } from 'node:stream';
import type {
  CallbackAnswers,
  FieldError,
  PortalCancel,
  PortalModel,
  PortalRating,
  PortalNewRequestSchema,
  PortalRegisterProductSchema,
  PortalReschedule,
  TimeWindow,
  WorkOrderDetail,
} from '@anxin/contracts';
import { APPOINTABLE_STATUSES, PORTAL_CANCELLABLE_STATUSES } from '@anxin/contracts';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { appendEvent, type EventActor } from '../../platform/events/append.ts';
import { DomainError, notFound, refuse, versionConflict } from '../../platform/http/errors.ts';
import type { Db } from '../../platform/db/types.ts';
import type { PortalPorts } from './ports.ts';
import {
  APPOINTMENT_CONFIRMED,
  customerPhotoIds,
  detailView,
  isConfirmed,
  productView,
  summaryView,
  timelineView,
} from './portal.views.ts';
import { eventActorOf } from '../../platform/auth/actor.ts';

export interface PortalServiceDeps {
  db: Db;
  clock: Clock;
  ports: PortalPorts;
}

/** The signed-in customer: who they are and which customer record they may touch. */
export interface CustomerActor {
  actor: Actor;
  customerId: string;
}

const invalid = (errors: FieldError[]) =>
  new DomainError('request.validation_failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), {
    errors,
  });

/**
 * The work-orders module authorises its use cases by staff role and data scope. The portal has
 * already established that the order is this customer's and that the step is one a customer may
 * take (early cancel, moving the window), so it calls those use cases on the customer's behalf
 * with the desk's role. Events still record the customer (actor kind `customer`, their user id).
 */
function onBehalf(a: Actor): Actor {
  return {
    ...a,
    kind: 'customer',
    roles: ['agent'],
    permissions: new Set(),
    scope: { level: 'all', regionCodes: [], outletId: null, userId: a.userId },
  };
}

const eventActor = (c: CustomerActor): EventActor => eventActorOf(c.actor);

/** A customer's window must lie ahead: a window already under way cannot be promised any more. */
function futureWindowErrors(w: TimeWindow, now: Date, path: string): FieldError[] {
  const start = Date.parse(w.start);
  const end = Date.parse(w.end);
  if (!(end > start))
    return [{ path: `${path}.end`, rule: 'after_start', message: 'end must be after start' }];
  if (start < now.getTime())
    return [{ path: `${path}.start`, rule: 'not_in_past', message: 'the window must not start in the past' }];
  return [];
}

export class PortalService {
  private readonly d: PortalServiceDeps;

  constructor(d: PortalServiceDeps) {
    this.d = d;
  }

  private get wo() {
    return this.d.ports.workOrders;
  }

  // ---- products ----

  async products(c: CustomerActor) {
    return { items: (await this.d.ports.customers.listProducts(c.customerId)).map(productView) };
  }

  async registerProduct(c: CustomerActor, input: z.infer<typeof PortalRegisterProductSchema>) {
    const p = await this.d.ports.customers.registerProduct(
      c.customerId,
      {
        ...input,
        salesChannel: null,
        installDate: null,
        warrantyCardNo: null,
        activateWarranty: false,
        addressId: null,
      },
      eventActor(c),
    );
    return productView(p);
  }

  /** Active models to pick from when registering (the catalogue is not customer data). */
  async models(): Promise<{ items: PortalModel[] }> {
    const items: PortalModel[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page++) {
      const rows = await this.d.ports.catalog.service.listModels({ after, limit: 200 });
      for (const m of rows)
        if (m.active)
          items.push({
            id: m.id,
            brand: m.brand,
            modelCode: m.modelCode,
            name: m.name,
            categoryCode: m.categoryCode,
          });
      if (rows.length < 200) break;
      after = rows.at(-1)!.id;
    }
    return { items };
  }

  // ---- orders ----

  async orders(c: CustomerActor, cursor: string | undefined, limit: number) {
    const page = await this.wo.list(onBehalf(c.actor), {
      customerId: c.customerId,
      sort: '-created_at',
      cursor,
      limit,
    });
    return { items: page.items.map(summaryView), nextCursor: page.nextCursor };
  }

  /** Another customer's order is simply not found: the portal never confirms that it exists. */
  private async own(c: CustomerActor, id: string): Promise<WorkOrderDetail> {
    let o: WorkOrderDetail;
    try {
      o = await this.wo.get(onBehalf(c.actor), id);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'resource.not_found') throw notFound('work order', id);
      throw err;
    }
    if (o.customer?.id !== c.customerId) throw notFound('work order', id);
    return o;
  }

  contact(c: CustomerActor) {
    return this.d.ports.customers.contact(c.customerId);
  }

  async order(c: CustomerActor, id: string) {
    return detailView(await this.own(c, id));
  }

  async createRequest(c: CustomerActor, input: z.infer<typeof PortalNewRequestSchema>, requestId: string) {
    const now = this.d.clock.now();
    const errors = input.preferredWindows.flatMap((w, i) =>
      futureWindowErrors(w, now, `preferredWindows.${i}`),
    );
    const product = await this.d.ports.customers.getProduct(input.productId).catch(() => undefined);
    if (!product || product.customerId !== c.customerId)
      errors.push({ path: 'productId', rule: 'not_found', message: 'no such product of yours' });
    if (errors.length) throw invalid(errors);
    const { order } = await this.wo.create(
      onBehalf(c.actor),
      {
        type: input.type,
        channel: 'portal',
        customerId: c.customerId,
        productId: input.productId,
        faultDescription: input.faultDescription,
        symptomCodes: [],
        urgency: 'normal',
        preferredWindows: input.preferredWindows,
        ...(input.contactName ? { contactName: input.contactName } : {}),
        ...(input.contactPhone ? { contactPhone: input.contactPhone } : {}),
      },
      requestId,
    );
    return order.id;
  }

  /** One of the customer's own photos of their order (staff attachments are not served here). */
  async photo(c: CustomerActor, orderId: string, photoId: string) {
    const o = await this.own(c, orderId);
    if (!customerPhotoIds(o).includes(photoId)) throw notFound('attachment', photoId);
    return this.wo.openAttachment(onBehalf(c.actor), orderId, photoId);
  }

  async rating(c: CustomerActor, orderId: string): Promise<PortalRating> {
    await this.own(c, orderId);
    return this.ratings().orderRating(orderId);
  }

  async rate(
    c: CustomerActor,
    orderId: string,
    body: { answers: CallbackAnswers; comment?: string | undefined },
  ) {
    await this.own(c, orderId);
    return this.ratings().rateOrder(orderId, body.answers, body.comment);
  }

  private ratings() {
    if (!this.d.ports.ratings) throw new Error('portal: the callbacks module was not bound');
    return this.d.ports.ratings;
  }

  async addPhoto(
    c: CustomerActor,
    orderId: string,
    up: { filename: string; mimetype: string; stream: Readable },
    requestId: string,
  ) {
    await this.own(c, orderId).catch((err: unknown) => {
      up.stream.resume();
      throw err;
    });
    return this.wo.addAttachment(onBehalf(c.actor), orderId, up, requestId);
  }

  async confirm(c: CustomerActor, id: string, version: number) {
    const o = await this.own(c, id);
    if (o.version !== version) throw versionConflict('work order', id, version);
    if (!o.appointment || !(APPOINTABLE_STATUSES as readonly string[]).includes(o.status)) {
      throw refuse(
        'portal.nothing_to_confirm',
        {},
        { path: 'status', detail: 'There is no appointment to confirm' },
      );
    }
    if (isConfirmed(timelineView(o.timeline), o.appointment)) return detailView(o);
    // The work-orders module has no "confirm" use case yet; the confirmation is an event on the
    // order's stream (the timeline and the desk read it), not a change of the order row.
    await appendEvent(this.d.db, {
      streamType: 'work_order',
      streamId: id,
      type: APPOINTMENT_CONFIRMED,
      actor: eventActor(c),
      at: this.d.clock.now(),
      data: { window: o.appointment },
    });
    return this.order(c, id);
  }

  async reschedule(c: CustomerActor, id: string, input: PortalReschedule, requestId: string) {
    const o = await this.own(c, id);
    if (o.version !== input.version) throw versionConflict('work order', id, input.version);
    if (!o.appointment || !(APPOINTABLE_STATUSES as readonly string[]).includes(o.status)) {
      throw refuse(
        'portal.reschedule_not_allowed',
        { status: o.status },
        { path: 'status', detail: `The appointment cannot be moved in status ${o.status}` },
      );
    }
    const errors = futureWindowErrors(input, this.d.clock.now(), 'window').map((e) => ({
      ...e,
      path: e.path.replace('window.', ''),
    }));
    if (errors.length) throw invalid(errors);
    const updated = await this.wo.appointment(
      onBehalf(c.actor),
      id,
      { start: input.start, end: input.end, version: input.version, reason: input.reason },
      requestId,
    );
    return detailView(updated);
  }

  async cancel(c: CustomerActor, id: string, input: PortalCancel, requestId: string) {
    const o = await this.own(c, id);
    if (o.version !== input.version) throw versionConflict('work order', id, input.version);
    if (!(PORTAL_CANCELLABLE_STATUSES as readonly string[]).includes(o.status)) {
      throw refuse(
        'portal.cancel_not_allowed',
        { status: o.status },
        {
          path: 'status',
          detail: `An order in status ${o.status} can no longer be cancelled here; please call the hotline`,
        },
      );
    }
    const updated = await this.wo.transition(
      onBehalf(c.actor),
      id,
      { to: 'cancelled', version: input.version, reason: input.reason, data: {} },
      { requestId },
    );
    return detailView(updated);
  }
}
