import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { TransitionRequest } from '@anxin/contracts';
import type { TransitionHooks, WorkOrder, WorkOrdersService } from '../workorders/index.ts';
import { AssignmentRepository } from './assignment.repository.ts';
import { assignmentRoutes } from './assignment.routes.ts';
import { AssignmentService, type Availability } from './assignment.service.ts';

export { AssignmentService, type Availability } from './assignment.service.ts';
export { ASSIGNMENT_POLICY_KEY, DEFAULT_ASSIGNMENT_POLICY } from './domain/policy.ts';

export interface AssignmentModuleDeps {
  workOrders: { service: WorkOrdersService; hooks: TransitionHooks };
  /** Working days of the business calendar (modules/calendar `service.current`). */
  calendar: () => Promise<{ isWorkday(date: string): boolean }>;
  /** modules/network `availability`; without it: fallback hours on working days minus leave. */
  availability?: Availability | undefined;
  /** Whether a redo proposes the technician of the visit that did not hold first. */
  preferPreviousTechnician?: (() => Promise<boolean>) | undefined;
}

const iso = (s: string) => new Date(s).toISOString();

/**
 * Technician assignment and appointments (issue #6 part 3): suggestions, and the calendar checks
 * plugged into the work-order state machine through its hooks.
 */
export function createAssignment(deps: AppDeps, m: AssignmentModuleDeps) {
  const service = new AssignmentService({
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    repo: new AssignmentRepository(deps.db),
    workOrders: m.workOrders.service,
    calendar: m.calendar,
    availability: m.availability,
    preferPreviousTechnician: m.preferPreviousTechnician,
  });
  const hooks = m.workOrders.hooks;
  hooks.register({
    name: 'assignment.technician_free',
    to: 'assigned',
    check: async ({ order, req }) => {
      await service.checkAssign(order, req.data.technicianId!);
    },
  });
  // Assigning and booking in one step (网点已接单 → 已预约): the technician's checks first.
  hooks.register({
    name: 'assignment.technician_free_when_booking',
    to: 'scheduled',
    from: ['outlet_accepted'],
    check: async ({ order, req }) => {
      await service.checkAssign(order, req.data.technicianId!);
    },
  });
  // The technician booked: the one being assigned in this step, else the order's own.
  const bookedTechnician = (order: WorkOrder, req: TransitionRequest) =>
    (order.status === 'outlet_accepted' ? req.data.technicianId : order.technicianId) ?? null;
  hooks.register({
    name: 'assignment.window_free',
    to: 'scheduled',
    check: async ({ order, req }) => {
      const a = req.data.appointment;
      const tech = bookedTechnician(order, req);
      if (!tech || !a) return;
      await service.checkWindow(
        order,
        tech,
        { start: iso(a.start), end: iso(a.end) },
        { path: 'data.appointment' },
      );
    },
    within: async (trx, { order, req, now }) => {
      const a = req.data.appointment;
      if (!a) return;
      const w = { start: iso(a.start), end: iso(a.end) };
      const tech = bookedTechnician(order, req);
      // Again inside the transaction: a concurrent booking of the same technician loses here.
      if (tech) await service.checkWindow(order, tech, w, { path: 'data.appointment', trx });
      return service.notifyCustomer(trx, order, w, !!order.appointmentStart, now);
    },
  });
  hooks.registerAppointment({
    name: 'assignment.window_free',
    check: async ({ order, window }) => {
      if (order.technicianId) await service.checkWindow(order, order.technicianId, window, { path: 'start' });
    },
    within: async (trx, { order, window, reschedule, now }) => {
      if (order.technicianId)
        await service.checkWindow(order, order.technicianId, window, { path: 'start', trx });
      return service.notifyCustomer(trx, order, window, reschedule, now);
    },
  });
  return { service, register: (app: FastifyInstance) => app.register(assignmentRoutes(service)) };
}
export type AssignmentModule = ReturnType<typeof createAssignment>;
export { ASSIGNMENT_SETTINGS } from './assignment.settings.ts';
