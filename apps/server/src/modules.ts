import type { FastifyInstance } from 'fastify';
import { NET_SETTINGS } from './platform/net/outbound.ts';
import type { AppDeps } from './platform/deps.ts';
import { startRuntime, stopRuntime } from './platform/runtime.ts';
import {
  createIdentity,
  IdentityRepository,
  IDENTITY_SETTINGS,
  userIdsByLogin,
  userNames,
} from './modules/identity/index.ts';
import { CALENDAR_SETTINGS, createCalendar, PROVISIONAL_YEARS_KEY } from './modules/calendar/index.ts';
import { createCatalog, productCategoriesByCodes } from './modules/catalog/index.ts';
import { createCustomers, CUSTOMER_SETTINGS } from './modules/customers/index.ts';
import { createNetwork, NETWORK_SETTINGS, outletNamesOf } from './modules/network/index.ts';
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
  consumedPartsCostFen,
  consumedPartsOfOrder,
  createParts,
  itemsByIds,
  listPartItems,
  partClaimsOf,
  PARTS_SETTINGS,
} from './modules/parts/index.ts';
import { CHARGES_SETTINGS, createCharges, type PricedPart } from './modules/charges/index.ts';
import { PERMISSIONS, regionPrefixOf, type InstalledProduct } from '@anxin/contracts';
import { systemActor } from './platform/auth/actor.ts';
import { notFound } from './platform/http/errors.ts';
import { businessDateOf } from './platform/calendar/index.ts';
import { createWarranty } from './modules/warranty/index.ts';
import { createRma, rmaChargebacksBetween, RMA_SETTINGS } from './modules/rma/index.ts';
import { createTraining, TRAINING_SETTINGS } from './modules/training/index.ts';
import {
  createSales,
  getDeliveryContract,
  listContractsToBook,
  markContractFulfilment,
  SALES_SETTINGS,
} from './modules/sales/index.ts';
import { createDelivery, DELIVERY_SETTINGS } from './modules/delivery/index.ts';
import { productModelsByCodes } from './modules/catalog/index.ts';
import {
  DEFAULT_PLANNING_SETTINGS,
  PLANNING_SETTINGS_KEY,
  PlanningSettingsSchema,
} from './modules/routing/index.ts';
import { readSetting } from './platform/settings/index.ts';
import { createSettings } from './platform/settings/module.ts';
import { createNotify, NOTIFY_SETTINGS } from './platform/notify/module.ts';
import { articleRef, createKnowledge, KNOWLEDGE_SETTINGS } from './modules/knowledge/index.ts';
import { remoteResolutionCounts } from './modules/workorders/index.ts';
import { createWebhooks, WEBHOOK_SETTINGS } from './modules/webhooks/index.ts';
import { CALLCENTER_SETTINGS, createCallCenter } from './modules/callcenter/index.ts';
import { countWorkOrders, orderOutletOf, ordersPerHour, slaAlarms } from './modules/workorders/index.ts';
import { alarmingClocksOf } from './modules/sla/index.ts';
import { RequestsService, ReturnsService } from './modules/parts/index.ts';
import { createWorkbench } from './modules/workbench/index.ts';
import { callbackVerdictsPerHour } from './modules/callbacks/index.ts';
import { createMaintenance, MAINTENANCE_SETTINGS } from './modules/maintenance/index.ts';
import { createDocuments, DOCUMENTS_SETTINGS } from './modules/documents/index.ts';
import { createTelemetry, runningHoursOf, TELEMETRY_SETTINGS } from './modules/telemetry/index.ts';
import { createTelephony, TELEPHONY_SETTINGS } from './modules/telephony/index.ts';
import { CAMPAIGN_SETTINGS, createCampaigns } from './modules/campaigns/index.ts';
import {
  customerNamesOf,
  installedProductsByIds,
  maintainedProducts,
  outreachContactsOf,
  outreachPopulation,
  productContactsOf,
  productOwnersOf,
  productsForRecall,
} from './modules/customers/index.ts';
import { createRecalls, RECALL_SETTINGS } from './modules/recalls/index.ts';
import { createFaultAnalysis, FAULT_ANALYSIS_SETTINGS } from './modules/faultanalysis/index.ts';
import { createAnalytics, ANALYTICS_SETTINGS } from './modules/analytics/index.ts';
import { orderCreatedAtOf, orderCreationSpan, orderFactsCreatedIn } from './modules/workorders/index.ts';
import { classesOfOrders, verdictsOfOrders } from './modules/callbacks/index.ts';
import { complaintCountsOfOrders, complaintOrderIds } from './modules/complaints/index.ts';
import { consumedPartsByOrder } from './modules/parts/index.ts';
import { technicianNamesOf } from './modules/network/index.ts';
import { clocksOfOrders } from './modules/sla/index.ts';
import { regionName } from './modules/customers/index.ts';
import { createReportSubs, REPORTSUBS_SETTINGS } from './modules/reportsubs/index.ts';
import { repairCountsBy, repairOrderIdsIn } from './modules/workorders/index.ts';
import { consumedPartCountsOfOrders as consumedPartCountsOf } from './modules/parts/index.ts';
import {
  communityFigures,
  COMMUNITY_SETTINGS,
  createCommunity,
  REFERRAL_PREFIX,
} from './modules/community/index.ts';
import {
  createServiceContracts,
  SERVICE_CONTRACT_PREFIX,
  SERVICE_CONTRACT_SETTINGS,
} from './modules/servicecontracts/index.ts';
import { BRAND_INBOX_SETTINGS, createBrandInbox } from './modules/brandinbox/index.ts';
import { drawRecordNumber, orderOutcomesOf } from './modules/workorders/index.ts';
import { CAREFIGURES_SETTINGS, createCareFigures } from './modules/carefigures/index.ts';
import { maintenanceFigures } from './modules/maintenance/index.ts';
import { telemetryFigures } from './modules/telemetry/index.ts';
import { serviceContractFigures } from './modules/servicecontracts/index.ts';
import { recallFigures } from './modules/recalls/index.ts';
import { campaignReport } from './modules/campaigns/index.ts';

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
    preferPreviousTechnician: async () => (await dispatch.service.policy()).value.redoToSameOutlet,
  });
  // A redo goes back to its technician only while he may still take it (active, on the outlet, skilled).
  dispatch.useTechnicianFit((orderId, outletId, technicianId) =>
    assignment.service.redoFit(orderId, outletId, technicianId),
  );
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
  portal.useRatings({
    orderRating: (orderId) => callbacks.service.orderRating(orderId),
    rateOrder: (orderId, answers, comment) => callbacks.service.rateOrder(orderId, answers, comment),
  });
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
  // Knowledge base (issue #17): a remote resolution's article is checked here; closed orders feed
  // the case library (order and visits read through their modules, as the system).
  const knowledgeSystem = systemActor(PERMISSIONS);
  const knowledge = createKnowledge(deps, {
    workOrders,
    ports: {
      remoteResolutions: (from, to) => remoteResolutionCounts(deps.db, from, to),
      closedOrder: async (orderId) => {
        const o = await workOrders.service.get(knowledgeSystem, orderId).catch(() => null);
        if (!o || o.status !== 'closed' || !o.closedAt) return null;
        const proof = await fieldwork.service.proof(knowledgeSystem, orderId);
        const visits = proof.visits;
        const fc = o.faultCodeId ? await catalog.getFaultCode(o.faultCodeId).catch(() => null) : null;
        const product = o.product ? await customers.findProductRecord(o.product.id) : null;
        const model = product ? await catalog.getModel(product.modelId).catch(() => null) : null;
        return {
          orderId,
          orderNo: o.number,
          closedAt: o.closedAt,
          categoryCode: o.product?.categoryCode ?? null,
          modelCode: model?.modelCode ?? null,
          faultCodes: fc ? [fc.code] : [],
          fault: o.faultDescription,
          diagnosis: visits
            .map((v) => v.diagnosis?.findings ?? '')
            .filter(Boolean)
            .join('\n'),
          fix: [...visits.map((v) => v.work?.workDone ?? ''), o.remoteGuidance ?? '']
            .filter(Boolean)
            .join('\n'),
          parts: visits.flatMap((v) => (v.work?.parts ?? []).map((p) => `${p.name} ×${p.quantity}`)),
          personal: [o.customer?.name ?? '', o.contactName, o.contactPhone, o.address ?? ''].filter(Boolean),
        };
      },
    },
  });
  workOrders.useKnowledge(async (id) => {
    const a = await knowledge.service.articleForResolution(id);
    return a ? { title: a.title, published: a.published } : null;
  });
  // Training (培训): passed courses grant certifications through network's index; a lesson's
  // linked article is shown while the knowledge base has it published.
  const training = createTraining(deps, {
    articles: async (id) => {
      const a = await articleRef(deps.db, id);
      return a && a.status === 'published' ? { id: a.id, title: a.title } : null;
    },
  });
  // Sales contracts (issue #16): customers found or created by phone, showroom samples registered
  // as the store's installed products; stores are outlets of the network.
  const sales = createSales(deps, {
    calendar: () => calendar.service.current(),
    customers: {
      findCustomerByPhone: customers.findCustomerByPhone,
      createIndividualCustomer: customers.createIndividualCustomer,
      registerProductForCustomer: customers.registerProductForCustomer,
      findProductBySerial: customers.findProductBySerial,
    },
    stores: async (id) => {
      const o = await network.service.getOutlet(id);
      return o ? { name: o.name, contactPhone: o.contactPhone } : undefined;
    },
  });
  // Delivery and installation of sales contracts (issue #16): contracts from modules/sales, installed
  // products in modules/customers (warranty from the install day), exceptions as RMA cases.
  const deliverySystem = systemActor(PERMISSIONS);
  const delivery = createDelivery(deps, {
    sales: { getDeliveryContract, listContractsToBook, markContractFulfilment },
    calendar: () => calendar.service.current(),
    travel: async () => {
      const { value } = await readSetting(
        deps.db,
        PLANNING_SETTINGS_KEY,
        PlanningSettingsSchema,
        DEFAULT_PLANNING_SETTINGS,
      );
      return { roadFactor: value.roadFactor, speedKmh: value.speedKmh };
    },
    followUps: {
      customerFor: async (c) => {
        if (c.customerId) return c.customerId;
        const phone = c.phones[0] ?? '';
        const found = await customers.findCustomerByPhone(phone);
        return found
          ? found.id
          : (await customers.createIndividualCustomer({ name: c.customerName, phone })).id;
      },
      modelKnown: async (model) => (await productModelsByCodes(deps.db, [model])).length > 0,
      installProduct: async (customerId, p) => {
        const known = await customers.findProductBySerial(p.serial);
        if (known) return known.id;
        const model = (await productModelsByCodes(deps.db, [p.model]))[0];
        if (!model) return null;
        const product = await customers.registerProductForCustomer(customerId, {
          modelId: model.id,
          serial: p.serial,
          purchaseDate: p.purchaseDate,
          salesChannel: p.channel.slice(0, 60),
          invoiceNo: null,
          installDate: p.installDate,
          warrantyCardNo: null,
          activateWarranty: false,
          addressId: null,
        });
        return product.id;
      },
      openRmaCase: async (req) => {
        const kase = await rma.service.create(
          deliverySystem,
          {
            kind: req.kind,
            remedy: req.kind === 'exchange' ? 'exchange' : 'refund',
            installedProductId: req.installedProductId,
            requestedOn: req.requestedOn,
            performanceFault: false,
            cause: req.cause,
            description: req.description,
            // The door is not the 三包 desk: when the engine would not allow it, an approver decides.
            override: { reason: req.description },
          },
          'store',
        );
        return kase.id;
      },
    },
  });
  // Webhooks (issue #21): every appended event of a subscribed type is delivered, signed, from the outbox.
  // An endpoint limited to one outlet hears of that outlet's orders only (issue #21 item 1).
  const webhooks = createWebhooks(deps, {
    outlets: { orderOutlet: orderOutletOf, names: (ids) => outletNamesOf(deps.db, ids) },
  });
  // Call-centre figures and the Erlang C staffing planner (issue #19 item 5).
  const callcenter = createCallCenter(deps);
  // Telephony (来电弹屏, issue #21 item 4): agents by username (identity), the caller's record by
  // phone (customers' index), ended calls into the call-centre records through its own batch intake.
  const telephonySystem = systemActor(PERMISSIONS);
  const telephony = createTelephony(deps, {
    agentByLogin: async (login) => (await userIdsByLogin(deps.db, [login])).get(login),
    customerByPhone: async (phone) => {
      const c = await customers.findCustomerByPhone(phone);
      return c ? { id: c.id, name: c.name } : null;
    },
    recordCall: async (record, requestId) => {
      await callcenter.service.postBatch(telephonySystem, [record], requestId);
    },
  });
  // 工作台 (issue #22): each to-do counted by the module that owns its list, the way that list does
  // (lists that stop at a page size report a capped count).
  const partRequests = new RequestsService(parts.ctx);
  const oldParts = new ReturnsService(parts.ctx);
  const workbench = createWorkbench(deps, {
    countOrders: (scope, filter) => countWorkOrders(deps.db, scope, filter),
    slaAlarms: (scope, limit) => slaAlarms(deps.db, scope, limit),
    alarmClocks: (ids) => alarmingClocksOf(deps.db, ids),
    ordersPerHour: (scope, column, from, to) => ordersPerHour(deps.db, scope, column, from, to),
    callbackVerdictsPerHour: (scope, from, to) => callbackVerdictsPerHour(deps.db, scope, from, to),
    jobsToday: async (actor) => (await fieldwork.service.list(actor)).items.length,
    callbacksDue: async (actor) => {
      // Counted up to 100 tasks; the queue page itself loads more on request.
      const r = await callbacks.service.queue(actor, {
        status: 'open',
        due: 'today',
        sort: 'due_at',
        limit: 100,
      });
      return { count: r.items.length, capped: r.nextCursor !== null };
    },
    complaintsOpen: async (actor) => {
      // Counted up to 100 complaints; the desk itself loads more on request.
      const r = await complaints.service.list(actor, { status: 'open', limit: 100 });
      return { count: r.items.length, capped: r.nextCursor !== null };
    },
    statements: async (actor, status) => {
      // Counted up to 200 statements; the settlement page itself loads more on request.
      const r = await settlement.service.list(actor, { status, limit: 200 });
      return { count: r.items.length, capped: r.nextCursor !== null };
    },
    partsToApprove: async (actor) => {
      const r = await partRequests.list(actor, { status: 'pending_approval', limit: 200 });
      return { count: r.items.length, capped: r.nextCursor !== null };
    },
    oldPartsToInspect: async (actor) => {
      const [a, b] = await Promise.all([
        oldParts.list(actor, { status: 'in_transit', limit: 200 }),
        oldParts.list(actor, { status: 'received', limit: 200 }),
      ]);
      return {
        count: a.items.length + b.items.length,
        capped: a.nextCursor !== null || b.nextCursor !== null,
      };
    },
  });
  // Maintenance plans (保养计划, issue #18 item 1): installed products read through customers' index,
  // 保养 orders created through the work-order module as the system.
  const maintenanceSystem = systemActor(PERMISSIONS);
  const maintenance = createMaintenance(deps, {
    products: (target) => maintainedProducts(deps.db, target),
    productLabels: async (ids) => new Map((await productOwnersOf(deps.db, ids)).map((p) => [p.id, p])),
    runningHours: (ids) => runningHoursOf(deps.db, ids),
    modelExists: async (id) => !!(await catalog.getModel(id).catch(() => null)),
    categoryExists: async (code) => !!(await catalog.getCategory(code).catch(() => null)),
    createOrder: async (input) => {
      const { order } = await workOrders.service.create(maintenanceSystem, input);
      return { id: order.id, number: order.number };
    },
  });
  // Printable documents (issue #19 item 4): each object read through its owner with the requesting
  // actor, so a PDF is readable exactly when its object is.
  const documents = createDocuments(deps, {
    order: (actor, id) => workOrders.service.get(actor, id),
    proof: (actor, orderId) => fieldwork.service.proof(actor, orderId),
    signature: async (actor, orderId, photoId) => {
      const { stream } = await fieldwork.service.openProofPhoto(actor, orderId, photoId);
      return Buffer.concat(await stream.toArray());
    },
    product: async (id) => {
      const p = await customers.findProductRecord(id);
      if (!p) return null;
      const model = await catalog.getModel(p.modelId).catch(() => null);
      // Model names often start with the brand (安心 大1匹 变频挂机): print it once.
      const name = model ? `${model.name} ${model.modelCode}` : '';
      return { brand: name.startsWith(p.brand) ? '' : p.brand, model: name, serial: p.serial };
    },
    partsFitted: async (orderId) => {
      const used = await consumedPartsOfOrder(deps.db, orderId);
      const items = new Map(
        (await itemsByIds(deps.db, [...new Set(used.map((u) => u.itemId))])).map((i) => [i.id, i]),
      );
      return used.map((u) => ({
        code: u.itemCode,
        nameZh: u.itemName,
        nameEn: items.get(u.itemId)?.nameEn ?? '',
        qty: u.qty,
        newSerial: u.newSerial,
        paidBy: u.paidBy,
      }));
    },
    quotesOfOrder: async (actor, orderId) => (await charges.quotes.forOrder(actor, orderId)).items,
    quote: (actor, id) => charges.quotes.get(actor, id),
    statement: (actor, id) => settlement.service.detail(actor, id),
  });
  // Equipment alerts (设备预警, issue #18 item 2): devices on installed products (customers' index),
  // one order per alert created through the work-order module as the system; alerts resolve when
  // their order closes (transition hooks).
  const telemetrySystem = systemActor(PERMISSIONS);
  const telemetry = createTelemetry(
    deps,
    {
      product: async (id) => {
        const [p] = await installedProductsByIds(deps.db, [id]);
        if (!p) return null;
        const [owner] = await productOwnersOf(deps.db, [id]);
        return {
          id: p.id,
          serial: p.serial,
          customerId: p.customerId,
          customerName: owner?.customerName ?? '',
          modelId: p.modelId,
          categoryCode: p.categoryCode,
          districtCode: owner?.districtCode ?? null,
        };
      },
      productLabels: async (ids) => new Map((await productOwnersOf(deps.db, ids)).map((p) => [p.id, p])),
      modelExists: async (id) => !!(await catalog.getModel(id).catch(() => null)),
      categoryExists: async (code) => !!(await catalog.getCategory(code).catch(() => null)),
      createOrder: async (input) => {
        const { order } = await workOrders.service.create(telemetrySystem, input);
        return { id: order.id, number: order.number, contactPhone: order.contactPhone || null };
      },
    },
    workOrders,
  );
  // Service contracts (服务合同, issue #18 item 3): products and customers read through customers'
  // index; completions counted from the work-order module's transition hook.
  const contractProduct = (p: {
    id: string;
    customerId: string;
    modelId: string;
    serial: string;
    addressId: string | null;
  }) => ({
    id: p.id,
    customerId: p.customerId,
    modelId: p.modelId,
    serial: p.serial,
    addressId: p.addressId,
  });
  const serviceContracts = createServiceContracts(deps, {
    workOrders,
    ports: {
      products: async (ids) => (await installedProductsByIds(deps.db, ids)).map(contractProduct),
      productBySerial: async (serial) => {
        const p = await customers.findProductBySerial(serial);
        return p && contractProduct(p);
      },
      customerNames: (ids) => customerNamesOf(deps.db, ids),
      drawNumber: (trx, at) => drawRecordNumber(trx, SERVICE_CONTRACT_PREFIX, at),
    },
  });
  // A covered product's contract tier sets the new order's response clock (issue #18 item 3).
  workOrders.useContracts((productId, at) => serviceContracts.service.promiseFor(productId, at));
  // Outbound campaigns (外呼活动, issue #18 item 5): the population and contacts read through
  // customers' index, warranty terms of categories through the catalogue's.
  const campaigns = createCampaigns(deps, {
    population: (regionCode) =>
      outreachPopulation(deps.db, { regionPrefix: regionCode && regionPrefixOf(regionCode) }),
    categoryTerms: async (codes) =>
      new Map(
        (await productCategoriesByCodes(deps.db, codes)).map((c) => [
          c.code,
          { unitWarrantyMonths: c.unitWarrantyMonths, mainPartsWarrantyMonths: c.mainPartsWarrantyMonths },
        ]),
      ),
    contacts: (ids) => outreachContactsOf(deps.db, ids),
    products: async (ids) =>
      new Map(
        (await installedProductsByIds(deps.db, ids)).map((p) => [
          p.id,
          { serial: p.serial, categoryCode: p.categoryCode },
        ]),
      ),
  });
  // Product recalls (产品召回, issue #18 item 4): affected products and their owners read through
  // customers' index; one order per product created as the system; completion from transition hooks.
  const recallSystem = systemActor(PERMISSIONS);
  const recalls = createRecalls(
    deps,
    {
      candidates: (filter) => productsForRecall(deps.db, filter),
      contacts: (ids) => productContactsOf(deps.db, ids),
      modelExists: async (id) => !!(await catalog.getModel(id).catch(() => null)),
      createOrder: async (input) => {
        const { order } = await workOrders.service.create(recallSystem, input);
        return { id: order.id, number: order.number };
      },
    },
    workOrders,
  );
  // Customer organisation (客户社群, issue #18 item 6): invitations from a campaigns contact list
  // (opt-outs left out), contacts through customers' index, conversions checked against sales.
  const community = createCommunity(deps, {
    contacts: (ids) => outreachContactsOf(deps.db, ids),
    contractExists: async (id) => !!(await getDeliveryContract(deps.db, id)),
    contactList: async (filters) => {
      const { selected, optedOut } = await campaigns.service.selectCounting(filters);
      return { customerIds: selected.map((s) => s.customerId), optedOut };
    },
    drawNumber: (trx, at) => drawRecordNumber(trx, REFERRAL_PREFIX, at),
  });
  // Multi-brand outlet inbox (issue #21 item 6): other brands' orders for an outlet, mirrored from
  // their Anxin through the partner API; outlets named through network's index.
  const brandInbox = createBrandInbox(deps, { outletNames: (ids) => outletNamesOf(deps.db, ids) });
  // Installed-base figures (设备与服务运营, issue #18 item 7): each module's own figures function;
  // order outcomes read through the work-order module, parts consumed through the parts module.
  const orders = (ids: string[]) => orderOutcomesOf(deps.db, ids);
  const careFigures = createCareFigures(deps, {
    maintenance: (scope, graceDays) => maintenanceFigures(deps.db, scope, { graceDays, orders }),
    alerts: (scope) => telemetryFigures(deps.db, scope, { orders }),
    contracts: (scope, labourCostPerVisitFen) =>
      serviceContractFigures(deps.db, scope, {
        labourCostPerVisitFen,
        partsCostFen: (orderIds) => consumedPartsCostFen(deps.db, orderIds),
      }),
    recalls: (scope) => recallFigures(deps.db, scope),
    campaigns: (scope) => campaignReport(deps.db, scope),
    community: (scope) => communityFigures(deps.db, { from: scope.from, to: scope.to }),
  });
  // Fault analysis (故障分析, issue #19 item 3): failures read from work orders and parts, names
  // from the catalogue and the parts catalogue, each through its owner's index.ts.
  const named = <T>(rows: T[], key: (r: T) => string, zh: (r: T) => string, en: (r: T) => string) =>
    new Map(rows.map((r) => [key(r), { nameZh: zh(r), nameEn: en(r) }]));
  const faultAnalysis = createFaultAnalysis(deps, {
    repairCounts: (w, by) => repairCountsBy(deps.db, { ...w, by }),
    repairOrderIds: (w) => repairOrderIdsIn(deps.db, w),
    partCounts: (ids) => consumedPartCountsOf(deps.db, ids),
    modelNames: async (ids) =>
      named(
        await catalog.findModels(ids),
        (m) => m.id,
        (m) => m.name,
        (m) => m.name,
      ),
    // The same fault name exists in several categories (漏水: washer and fridge): the category says which.
    faultNames: async (ids) => {
      const codes = await catalog.service.repo.findFaultCodes(ids);
      const cats = new Map(
        (
          await productCategoriesByCodes(
            deps.db,
            codes.map((f) => f.categoryCode),
          )
        ).map((c) => [c.code, c]),
      );
      return named(
        codes,
        (f) => f.id,
        (f) => `${f.nameZh}（${cats.get(f.categoryCode)?.nameZh ?? ''}）`,
        (f) => `${f.nameEn} (${cats.get(f.categoryCode)?.nameEn ?? ''})`,
      );
    },
    partNames: async (ids) =>
      named(
        await itemsByIds(deps.db, ids),
        (p) => p.id,
        (p) => p.nameZh,
        (p) => p.nameEn,
      ),
    categoryNames: async (codes) =>
      named(
        await productCategoriesByCodes(deps.db, codes),
        (c) => c.code,
        (c) => c.nameZh,
        (c) => c.nameEn,
      ),
  });
  // Analytics (统计分析, issue #19 items 1–2): daily rollups from the owners' read functions.
  const analytics = createAnalytics(deps, {
    ordersCreatedIn: (from, to) => orderFactsCreatedIn(deps.db, from, to),
    createdAtOf: (ids) => orderCreatedAtOf(deps.db, ids),
    creationSpan: () => orderCreationSpan(deps.db),
    classesOf: (ids) => classesOfOrders(deps.db, ids),
    clocksOf: (ids, metric) => clocksOfOrders(deps.db, ids, metric),
    verdictsOf: (ids) => verdictsOfOrders(deps.db, ids),
    complaintsOf: (ids) => complaintCountsOfOrders(deps.db, ids),
    complaintOrders: (ids) => complaintOrderIds(deps.db, ids),
    partsOf: (ids) => consumedPartsByOrder(deps.db, ids),
    outletNames: (ids) => outletNamesOf(deps.db, ids),
    technicianNames: (ids) => technicianNamesOf(deps.db, ids),
    categoryNames: async (codes) =>
      new Map(
        (await productCategoriesByCodes(deps.db, codes)).map((c) => [
          c.code,
          { nameZh: c.nameZh, nameEn: c.nameEn },
        ]),
      ),
    regionName: (code) => regionName(code) || null,
  });
  // Scheduled reports (订阅报表, issue #19 item 6): each report made by its owner's service as the
  // subscriber (permissions and data scope as theirs), figures for the message's summary.
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const users = new IdentityRepository(deps.db);
  const faultQuery = (r: { period: { from: string; to: string }; scope: { category?: string } }) => ({
    from: r.period.from,
    to: r.period.to,
    dimension: 'fault_code' as const,
    ...(r.scope.category ? { category: r.scope.category } : {}),
  });
  const faultFigures = async (q: ReturnType<typeof faultQuery>) => {
    const a = await faultAnalysis.service.analyse(q);
    return { orders: a.orders, alerts: a.alerts.length };
  };
  const reportSubs = createReportSubs(deps, {
    actorOf: async (id) => {
      const u = await users.findUserById(id);
      return u?.active && u.kind === 'staff' ? identity.auth.actorFor(u, 'user', null) : null;
    },
    userNames: (ids) => userNames(deps.db, ids),
    producers: {
      fault_analysis_pdf: async (actor, r) => {
        const f = await faultAnalysis.service.reportPdf(actor, faultQuery(r), r.locale, null);
        return { ...f, contentType: 'application/pdf', figures: await faultFigures(faultQuery(r)) };
      },
      fault_analysis_xlsx: async (actor, r) => {
        const f = await faultAnalysis.service.exportXlsx(actor, faultQuery(r), r.locale, null);
        return { ...f, contentType: XLSX, figures: await faultFigures(faultQuery(r)) };
      },
      callcenter_xlsx: async (actor, r) => {
        const q = { from: r.period.from, to: r.period.to, interval: 'day' as const };
        const [f, figures] = await Promise.all([
          callcenter.service.exportFigures(actor, q, null),
          callcenter.service.figures(actor, q),
        ]);
        return {
          ...f,
          contentType: XLSX,
          figures: { offered: figures.total.offered, answered: figures.total.answered },
        };
      },
      care_figures_xlsx: async (actor, r) => {
        const f = await careFigures.service.export(
          actor,
          { from: r.period.from, to: r.period.to, ...r.scope },
          null,
        );
        return { ...f, contentType: XLSX, figures: {} };
      },
    },
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
    ...KNOWLEDGE_SETTINGS,
    ...TRAINING_SETTINGS,
    ...SALES_SETTINGS,
    ...DELIVERY_SETTINGS,
    ...WEBHOOK_SETTINGS,
    ...CALLCENTER_SETTINGS,
    ...MAINTENANCE_SETTINGS,
    ...DOCUMENTS_SETTINGS,
    ...TELEMETRY_SETTINGS,
    ...TELEPHONY_SETTINGS,
    ...SERVICE_CONTRACT_SETTINGS,
    ...CAMPAIGN_SETTINGS,
    ...RECALL_SETTINGS,
    ...COMMUNITY_SETTINGS,
    ...BRAND_INBOX_SETTINGS,
    ...CAREFIGURES_SETTINGS,
    ...NOTIFY_SETTINGS,
    ...NET_SETTINGS,
    ...FAULT_ANALYSIS_SETTINGS,
    ...ANALYTICS_SETTINGS,
    ...REPORTSUBS_SETTINGS,
  ]);
  settings.service.onChange(PROVISIONAL_YEARS_KEY, () => calendar.service.invalidate());
  // Every hook named in workorders/hooks.ts HOOK_ORDER is registered by now (startup fails otherwise).
  workOrders.hooks.assertComplete();
  const notify = createNotify(deps);
  const all: ModuleHandle[] = [
    settings,
    notify,
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
    knowledge,
    training,
    sales,
    delivery,
    webhooks,
    callcenter,
    workbench,
    maintenance,
    documents,
    telemetry,
    telephony,
    serviceContracts,
    campaigns,
    recalls,
    community,
    brandInbox,
    careFigures,
    faultAnalysis,
    analytics,
    reportSubs,
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
    knowledge,
    training,
    sales,
    delivery,
    webhooks,
    callcenter,
    workbench,
    maintenance,
    documents,
    telemetry,
    telephony,
    serviceContracts,
    campaigns,
    recalls,
    community,
    brandInbox,
    faultAnalysis,
    analytics,
    reportSubs,
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
      await maintenance.scheduleJobs(deps.runtime.jobs);
      await serviceContracts.scheduleJobs(deps.runtime.jobs);
      await brandInbox.scheduleJobs(deps.runtime.jobs);
      await faultAnalysis.scheduleJobs(deps.runtime.jobs);
      await analytics.scheduleJobs(deps.runtime.jobs);
      await reportSubs.scheduleJobs(deps.runtime.jobs);
    },
    stopWorkers: () => stopRuntime(deps.runtime),
  };
}
export type Modules = ReturnType<typeof createModules>;
