import type { FastifyInstance } from 'fastify';
import type { AppDeps } from './platform/deps.ts';
import { startRuntime, stopRuntime } from './platform/runtime.ts';
import { createIdentity, IDENTITY_SETTINGS } from './modules/identity/index.ts';
import { CALENDAR_SETTINGS, createCalendar, PROVISIONAL_YEARS_KEY } from './modules/calendar/index.ts';
import { createCatalog, productCategoriesByCodes } from './modules/catalog/index.ts';
import { createCustomers, CUSTOMER_SETTINGS } from './modules/customers/index.ts';
import { createNetwork, NETWORK_SETTINGS } from './modules/network/index.ts';
import { createSla, SLA_SETTINGS } from './modules/sla/index.ts';
import {
  createWorkOrders,
  customerOrderPrivacy,
  moveCustomerOrders,
  WORKORDER_SETTINGS,
} from './modules/workorders/index.ts';
import { createPortal, PORTAL_SETTINGS } from './modules/portal/index.ts';
import { createRouting, ROUTING_SETTINGS } from './modules/routing/index.ts';
import { createFieldwork, FIELDWORK_SETTINGS } from './modules/fieldwork/index.ts';
import { createDispatch, DISPATCH_SETTINGS } from './modules/dispatch/index.ts';
import { ASSIGNMENT_SETTINGS, createAssignment } from './modules/assignment/index.ts';
import { createEscalation, ESCALATION_SETTINGS } from './modules/escalation/index.ts';
import { CALLBACK_SETTINGS, createCallbacks } from './modules/callbacks/index.ts';
import { createSettlement, gradingExclusions, SETTLEMENT_SETTINGS } from './modules/settlement/index.ts';
import { complaintFacts } from './modules/complaints/index.ts';
import { gradeOf } from './modules/grading/index.ts';
import { COMPLAINT_SETTINGS, createComplaints } from './modules/complaints/index.ts';
import { createGrading, GRADING_SETTINGS } from './modules/grading/index.ts';
import { createEvaluation, EVALUATION_SETTINGS } from './modules/evaluation/index.ts';
import { CARDS_SETTINGS, createCards } from './modules/cards/index.ts';
import {
  consumedPartsOfOrder,
  createParts,
  itemsByIds,
  listPartItems,
  partClaimsOf,
  PARTS_SETTINGS,
} from './modules/parts/index.ts';
import { CHARGES_SETTINGS, createCharges, type PricedPart } from './modules/charges/index.ts';
import { PERMISSIONS, type InstalledProduct } from '@anxin/contracts';
import { systemActor } from './platform/auth/actor.ts';
import { notFound } from './platform/http/errors.ts';
import { businessDateOf } from './platform/calendar/index.ts';
import { createWarranty } from './modules/warranty/index.ts';
import { createRma, rmaChargebacksBetween, RMA_SETTINGS } from './modules/rma/index.ts';
import { createSettings } from './platform/settings/module.ts';

export interface ModuleHandle {
  register(app: FastifyInstance): unknown;
}

/** The module graph in one place: each factory gets shared deps and what it needs from others. */
export function createModules(deps: AppDeps) {
  const identity = createIdentity(deps);
  const calendar = createCalendar(deps);
  const catalog = createCatalog(deps);
  const customers = createCustomers(deps, catalog);
  const network = createNetwork(deps, { catalog, calendar: () => calendar.service.current() });
  const sla = createSla(deps, { calendar: () => calendar.service.current() });
  const workOrders = createWorkOrders(deps, sla, { validateFaultCodes: catalog.validateFaultCodes });
  // A customer merge moves orders through the module that owns work_orders.
  customers.useOrders(moveCustomerOrders);
  // PIPL erasure and retention anonymise the customer's orders through the same module.
  customers.useOrderPrivacy(customerOrderPrivacy);
  const portal = createPortal(deps, { identity, customers, catalog, workOrders });
  const fieldwork = createFieldwork(deps, { workOrders, catalog });
  const dispatch = createDispatch(deps, { workOrders, calendar: () => calendar.service.current() });
  const assignment = createAssignment(deps, {
    workOrders,
    calendar: () => calendar.service.current(),
    availability: network.availability,
  });
  const routing = createRouting(deps, {
    workOrders,
    calendar: () => calendar.service.current(),
    // The same working hours the assignment checks use (weekly shifts, else the fallback hours).
    availability: (ids, from, to) => assignment.service.working(ids, from, to),
    // modules/assignment tells the customer on every appointment; the plan does not send a second SMS.
    tellCustomers: false,
  });
  const escalation = createEscalation(deps, { workOrders });
  const callbacks = createCallbacks(deps, { workOrders, calendar: () => calendar.service.current() });
  const complaints = createComplaints(deps, {
    workOrders,
    callbacks,
    calendar: () => calendar.service.current(),
  });
  // Outlet grading (reads complaints through the complaints module's complaintFacts).
  const grading = createGrading(deps, { workOrders, network, exclusions: gradingExclusions });
  // Settlement reads complaint findings, monthly grades, passed 旧件 claims and RMA charge-backs
  // through the four modules' read functions.
  const settlement = createSettlement(deps, {
    complaintFacts,
    gradeOf,
    partClaimsOf,
    chargebacksOf: rmaChargebacksBetween,
  });
  // GB/T 27922 evaluation and the KPI panel: coverage from the network, complaints via complaintFacts.
  const evaluation = createEvaluation(deps, {
    coverage: (actor) => network.service.pipeline.coverage(actor),
    complaintFacts,
  });
  // Spare parts: stock, requests against orders (待件 through the work-order module), 旧件 claims.
  const parts = createParts(deps, { workOrders });
  // 三包 policies and evaluations: products from customers, fault codes from the catalogue.
  const warranty = createWarranty(deps, {
    workOrders,
    // The stored record, not the product view: the view's warranty comes from this engine.
    getInstalledProduct: async (id) => {
      const p = await customers.findProductRecord(id);
      if (!p) throw notFound('installed product', id);
      return p;
    },
    partClassesOf: async (orderIds) => {
      const out = new Map<string, string[]>();
      for (const id of orderIds) {
        const used = await consumedPartsOfOrder(deps.db, id);
        const items = await itemsByIds(deps.db, [...new Set(used.map((u) => u.itemId))]);
        out.set(id, [...new Set(items.map((i) => i.partClass).filter(Boolean))]);
      }
      return out;
    },
    categoryTerms: async (code) => {
      const c = await catalog.getCategory(code).catch(() => null);
      return c ? { unitMonths: c.unitWarrantyMonths, mainPartsMonths: c.mainPartsWarrantyMonths } : null;
    },
    faultCodesOf: async (ids) => {
      const out = new Map<string, string>();
      for (const id of new Set(ids)) {
        const fc = await catalog.getFaultCode(id).catch(() => null);
        if (fc) out.set(id, fc.code);
      }
      return out;
    },
    calendar: () => calendar.service.current(),
  });
  // Every product view (agent console, portal, card page) shows the engine's coverage: repair and
  // parts-waiting days added, the last day moved past a statutory holiday.
  customers.useWarranty(async (products, asOf) => {
    const out = new Map<string, InstalledProduct['warranty']>();
    for (const p of products) {
      const { coverage: c } = await warranty.evaluateProduct(p.id, { asOf });
      out.set(p.id, {
        status: c.status,
        startsOn: c.startsOn,
        unitUntil: c.unitUntil,
        mainPartsUntil: c.mainPartsUntil,
        asOf,
      });
    }
    return out;
  });
  // Warranty cards, transfers, repaired parts' warranty, workshop receipts (issue #14); the card
  // page shows the product view's warranty, which is the engine's (above).
  // The technician's job card shows the same 保内/保外 as the order's 三包 card.
  fieldwork.service.warrantyStatusOf = async (ids, asOf) => {
    const out = new Map<string, string>();
    for (const id of new Set(ids))
      out.set(id, (await warranty.evaluateProduct(id, { asOf })).coverage.status);
    return out;
  };
  const cards = createCards(deps, { customers, workOrders });
  // Paid out-of-warranty service: quotes priced from the price list and the parts catalogue; the
  // order's coverage from the 三包 engine.
  const chargesSystem = systemActor(PERMISSIONS);
  const priced = (p: {
    id: string;
    code: string;
    nameZh: string;
    nameEn: string;
    unit: string;
    listPriceFen: number;
    active: boolean;
  }): PricedPart => ({ ...p });
  const charges = createCharges(deps, {
    workOrders,
    ports: {
      order: (actor, id) => workOrders.service.findInScope(actor, id),
      // The 三包 engine's coverage today (repair and parts-waiting days, holiday move included).
      coverageOf: async (orderId) => {
        const o = await workOrders.service.findInScope(chargesSystem, orderId);
        if (!o?.productId) return 'unknown';
        const asOf = businessDateOf(deps.clock.now());
        return (await warranty.evaluateProduct(o.productId, { asOf })).coverage.status;
      },
      partsByIds: async (ids) => (await itemsByIds(deps.db, ids)).map(priced),
      categories: async (codes) =>
        (await productCategoriesByCodes(deps.db, codes)).map((c) => ({
          code: c.code,
          nameZh: c.nameZh,
          nameEn: c.nameEn,
        })),
      activeParts: async () =>
        (await listPartItems(deps.db, { active: true, kind: 'part', limit: 500 })).map(priced),
    },
  });
  // RMA cases (退换货/补配件) decided by the 三包 engine's evaluation of the product.
  const rma = createRma(deps, {
    workOrders: workOrders.service,
    evaluateProduct: (productId, req) => warranty.evaluateProduct(productId, req),
  });
  // Every module's business settings in one registry (a key registered twice fails start-up).
  const settings = createSettings(deps, [
    ...IDENTITY_SETTINGS,
    ...CALENDAR_SETTINGS,
    ...CUSTOMER_SETTINGS,
    ...NETWORK_SETTINGS,
    ...SLA_SETTINGS,
    ...WORKORDER_SETTINGS,
    ...PORTAL_SETTINGS,
    ...FIELDWORK_SETTINGS,
    ...DISPATCH_SETTINGS,
    ...ASSIGNMENT_SETTINGS,
    ...ROUTING_SETTINGS,
    ...ESCALATION_SETTINGS,
    ...CALLBACK_SETTINGS,
    ...COMPLAINT_SETTINGS,
    ...GRADING_SETTINGS,
    ...SETTLEMENT_SETTINGS,
    ...EVALUATION_SETTINGS,
    ...PARTS_SETTINGS,
    ...CARDS_SETTINGS,
    ...CHARGES_SETTINGS,
    ...RMA_SETTINGS,
  ]);
  settings.service.onChange(PROVISIONAL_YEARS_KEY, () => calendar.service.invalidate());
  // Every hook named in workorders/hooks.ts HOOK_ORDER is registered by now (startup fails otherwise).
  workOrders.hooks.assertComplete();
  const all: ModuleHandle[] = [
    settings,
    identity,
    calendar,
    catalog,
    customers,
    network,
    sla,
    workOrders,
    portal,
    fieldwork,
    dispatch,
    assignment,
    routing,
    escalation,
    callbacks,
    complaints,
    grading,
    settlement,
    evaluation,
    parts,
    cards,
    charges,
    warranty,
    rma,
  ];
  return {
    settings,
    network,
    identity,
    calendar,
    catalog,
    customers,
    sla,
    workOrders,
    portal,
    routing,
    fieldwork,
    dispatch,
    assignment,
    escalation,
    callbacks,
    complaints,
    grading,
    settlement,
    evaluation,
    parts,
    cards,
    charges,
    warranty,
    rma,
    all,
    /** Starts the job queue and every module's recurring jobs (not in API-only nodes or tests). */
    startWorkers: async () => {
      await startRuntime(deps.runtime);
      await sla.scheduleJobs(deps.runtime.jobs);
      await dispatch.scheduleJobs(deps.runtime.jobs);
      await escalation.scheduleJobs(deps.runtime.jobs);
      await callbacks.scheduleJobs(deps.runtime.jobs);
      await complaints.scheduleJobs(deps.runtime.jobs);
      await grading.scheduleJobs(deps.runtime.jobs);
      await customers.scheduleJobs(deps.runtime.jobs);
      await parts.scheduleJobs(deps.runtime.jobs);
    },
    stopWorkers: () => stopRuntime(deps.runtime),
  };
}
export type Modules = ReturnType<typeof createModules>;
