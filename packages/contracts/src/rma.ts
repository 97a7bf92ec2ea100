import { z } from 'zod';
import { BusinessDateSchema, IdSchema, PageQuerySchema, pageOf, storedText } from './common.ts';
import { COST_PARTIES, REMEDIES, WarrantyEvaluationSchema } from './warranty.ts';

/**
 * RMA cases (退换货 / 补配件, issue #14): a customer's return, exchange or replacement part for an
 * installed product, decided by the 三包 engine's evaluation (stored on the case at request time),
 * an approver's override when the engine says no, an inspection with photos, logistics, and the
 * refund or exchange; at closing the cause, the responsible party and the charge-back lines.
 */

export const RMA_KINDS = ['return', 'exchange', 'part_replacement'] as const;
export type RmaKind = (typeof RMA_KINDS)[number];

/** The remedies each kind may ask the engine for (a return is a refund or the online 7-day return). */
export const RMA_KIND_REMEDIES: Record<RmaKind, readonly (typeof REMEDIES)[number][]> = {
  return: ['refund', 'no_reason_return'],
  exchange: ['exchange'],
  part_replacement: ['part_replacement'],
};

export const RMA_STATUSES = [
  'requested',
  'override_pending',
  'eligible',
  'inspecting',
  'approved',
  'rejected',
  'in_logistics',
  'refunded',
  'exchanged',
  'closed',
] as const;
export type RmaStatus = (typeof RMA_STATUSES)[number];

export const RMA_SOURCES = ['hotline', 'store', 'portal'] as const;
export type RmaSource = (typeof RMA_SOURCES)[number];

/** Cause categories of the 顾客退换货和补配件记录 form. */
export const RMA_CAUSES = [
  'quality_defect',
  'repeated_repair_failure',
  'transport_damage',
  'installation_fault',
  'wrong_or_missing_item',
  'customer_misuse',
  'no_reason',
  'other',
] as const;
export type RmaCause = (typeof RMA_CAUSES)[number];

/** What can happen to a case; the server's state table (modules/rma/domain/lifecycle.ts) says when. */
export const RMA_ACTIONS = [
  'approve_override',
  'reject_override',
  'start_inspection',
  'approve',
  'reject',
  'ship',
  'record_refund',
  'record_exchange',
  'close',
] as const;
export type RmaAction = (typeof RMA_ACTIONS)[number];

/** One step of the RMA state machine: from where, to where, who may take it, for which kinds. */
export interface RmaRule {
  action: RmaAction;
  from: readonly RmaStatus[];
  to: RmaStatus;
  permission: 'rma:approve' | 'rma:manage';
  kinds: readonly RmaKind[];
}
const ALL_KINDS: readonly RmaKind[] = RMA_KINDS;

/**
 * The RMA state machine as one table (shared so server and web derive the same actions). A case
 * is created `requested` and, in the same transaction, the engine's verdict moves it on:
 * `eligible` when the remedy is allowed without approval, `override_pending` when the requester
 * asks an approver (with a reason) to allow it anyway. Then inspection, a decision, logistics,
 * the refund or exchange, and closing (a rejected case is closed too, with its cause).
 */
export const RMA_RULES: readonly RmaRule[] = [
  {
    action: 'approve_override',
    from: ['override_pending'],
    to: 'eligible',
    permission: 'rma:approve',
    kinds: ALL_KINDS,
  },
  {
    action: 'reject_override',
    from: ['override_pending'],
    to: 'rejected',
    permission: 'rma:approve',
    kinds: ALL_KINDS,
  },
  {
    action: 'start_inspection',
    from: ['eligible'],
    to: 'inspecting',
    permission: 'rma:manage',
    kinds: ALL_KINDS,
  },
  { action: 'approve', from: ['inspecting'], to: 'approved', permission: 'rma:manage', kinds: ALL_KINDS },
  { action: 'reject', from: ['inspecting'], to: 'rejected', permission: 'rma:manage', kinds: ALL_KINDS },
  { action: 'ship', from: ['approved'], to: 'in_logistics', permission: 'rma:manage', kinds: ALL_KINDS },
  {
    action: 'record_refund',
    from: ['in_logistics'],
    to: 'refunded',
    permission: 'rma:manage',
    kinds: ['return'],
  },
  {
    action: 'record_exchange',
    from: ['in_logistics'],
    to: 'exchanged',
    permission: 'rma:manage',
    kinds: ['exchange', 'part_replacement'],
  },
  {
    action: 'close',
    from: ['refunded', 'exchanged', 'rejected'],
    to: 'closed',
    permission: 'rma:manage',
    kinds: ALL_KINDS,
  },
];

/** The actions open on a case of this kind and status (what the workbench offers). */
export const rmaActionsFrom = (status: RmaStatus, kind: RmaKind): RmaAction[] =>
  RMA_RULES.filter((r) => r.from.includes(status) && r.kinds.includes(kind)).map((r) => r.action);

const Fen = z.number().int().min(0).max(1_000_000_000);
const Note = storedText().max(500);
const Version = z.number().int().min(1);

export const RmaPolicySchema = z.strictObject({
  /** Photos an inspection needs before the case can be approved or rejected. */
  minInspectionPhotos: z.number().int().min(0).max(20),
  maxPhotosPerCase: z.number().int().min(1).max(100),
  maxPhotoBytes: z
    .number()
    .int()
    .min(100_000)
    .max(50 * 1024 * 1024),
});
export type RmaPolicy = z.infer<typeof RmaPolicySchema>;
export const DEFAULT_RMA_POLICY: RmaPolicy = {
  minInspectionPhotos: 1,
  maxPhotosPerCase: 12,
  maxPhotoBytes: 10 * 1024 * 1024,
};

export const ChargebackLineSchema = z.strictObject({
  party: z.enum(COST_PARTIES),
  amountFen: Fen,
  note: Note.optional(),
});
export type ChargebackLine = z.infer<typeof ChargebackLineSchema>;

export const CreateRmaSchema = z.strictObject({
  kind: z.enum(RMA_KINDS),
  remedy: z.enum(REMEDIES),
  installedProductId: IdSchema,
  orderId: IdSchema.optional(),
  /** Business date the customer asked (the engine's `asOf`); defaults to today. */
  requestedOn: BusinessDateSchema.optional(),
  performanceFault: z.boolean().default(false),
  /** Price paid, from the invoice: the engine's refund depreciation (第13条) or a car's usage fee (第27条). */
  pricePaidFen: Fen.optional(),
  /** Cars: odometer on the request date (三包 km limits, 第27条 usage fee). */
  mileageKm: z.number().int().min(0).max(10_000_000).optional(),
  cause: z.enum(RMA_CAUSES),
  responsibleParty: z.enum(COST_PARTIES).optional(),
  description: storedText().min(1).max(1000),
  /** Ask an approver to allow a remedy the evaluation does not (or that needs approval). */
  override: z.strictObject({ reason: storedText().max(500) }).optional(),
});
export type CreateRma = z.infer<typeof CreateRmaSchema>;

/** The portal's request: the customer's own product; cause and description in their words. */
export const PortalRmaRequestSchema = z.strictObject({
  kind: z.enum(RMA_KINDS),
  remedy: z.enum(REMEDIES),
  installedProductId: IdSchema,
  description: storedText().min(1).max(1000),
});

/** An approver's decision on an override request (permission `rma:approve`). */
export const RmaOverrideDecisionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('approve_override'), version: Version, note: Note.optional() }),
  z.strictObject({ action: z.literal('reject_override'), version: Version, reason: storedText().max(500) }),
]);

/** The working steps of a case (permission `rma:manage`). */
export const RmaStepSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('start_inspection'), version: Version }),
  z.strictObject({ action: z.literal('approve'), version: Version, findings: storedText().min(1).max(1000) }),
  z.strictObject({
    action: z.literal('reject'),
    version: Version,
    findings: storedText().min(1).max(1000),
    reason: storedText().min(1).max(500),
  }),
  z.strictObject({
    action: z.literal('ship'),
    version: Version,
    pickupCarrier: storedText().max(40).optional(),
    pickupTrackingNo: storedText().max(60).optional(),
    pickedUpOn: BusinessDateSchema.optional(),
    dispatchCarrier: storedText().max(40).optional(),
    dispatchTrackingNo: storedText().max(60).optional(),
    dispatchedOn: BusinessDateSchema.optional(),
  }),
  z.strictObject({
    action: z.literal('record_refund'),
    version: Version,
    refundFen: Fen,
    refundedOn: BusinessDateSchema,
  }),
  z.strictObject({
    action: z.literal('record_exchange'),
    version: Version,
    newSerial: storedText().max(64),
    exchangedOn: BusinessDateSchema,
  }),
  z.strictObject({
    action: z.literal('close'),
    version: Version,
    cause: z.enum(RMA_CAUSES),
    responsibleParty: z.enum(COST_PARTIES),
    chargebacks: z.array(ChargebackLineSchema).max(10),
    note: Note.optional(),
  }),
]);
export const RmaTransitionSchema = z.discriminatedUnion('action', [
  ...RmaOverrideDecisionSchema.options,
  ...RmaStepSchema.options,
]);
export type RmaTransition = z.infer<typeof RmaTransitionSchema>;

export const RmaPhotoSchema = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
});

export const RmaEventSchema = z.object({
  type: z.string(),
  at: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
});

export const RmaCaseSchema = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(RMA_KINDS),
  remedy: z.enum(REMEDIES),
  status: z.enum(RMA_STATUSES),
  source: z.enum(RMA_SOURCES),
  installedProductId: z.string(),
  productSerial: z.string().nullable(),
  customerId: z.string(),
  customerName: z.string().nullable(),
  orderId: z.string().nullable(),
  orderNumber: z.string().nullable(),
  outletId: z.string().nullable(),
  outletName: z.string().nullable(),
  requestedOn: BusinessDateSchema,
  performanceFault: z.boolean(),
  description: z.string(),
  evaluation: WarrantyEvaluationSchema,
  overrideReason: z.string().nullable(),
  overrideDecidedBy: z.string().nullable(),
  overrideNote: z.string().nullable(),
  findings: z.string().nullable(),
  rejectReason: z.string().nullable(),
  pickupCarrier: z.string().nullable(),
  pickupTrackingNo: z.string().nullable(),
  pickedUpOn: z.string().nullable(),
  dispatchCarrier: z.string().nullable(),
  dispatchTrackingNo: z.string().nullable(),
  dispatchedOn: z.string().nullable(),
  refundFen: z.number().int().nullable(),
  depreciationFen: z.number().int().nullable(),
  refundedOn: z.string().nullable(),
  newSerial: z.string().nullable(),
  exchangedOn: z.string().nullable(),
  cause: z.enum(RMA_CAUSES),
  responsibleParty: z.enum(COST_PARTIES).nullable(),
  chargebacks: z.array(
    z.object({ party: z.enum(COST_PARTIES), amountFen: z.number().int(), note: z.string().nullable() }),
  ),
  closedAt: z.string().nullable(),
  photos: z.array(RmaPhotoSchema),
  events: z.array(RmaEventSchema),
  createdAt: z.string(),
  version: z.number().int(),
});
export type RmaCase = z.infer<typeof RmaCaseSchema>;

/** Requested latest first (the default) or earliest first. */
export const RMA_SORTS = ['-requested_on', 'requested_on'] as const;
export type RmaSort = (typeof RMA_SORTS)[number];

export const RmaQuerySchema = PageQuerySchema.extend({
  status: z.enum(RMA_STATUSES).optional(),
  kind: z.enum(RMA_KINDS).optional(),
  outletId: IdSchema.optional(),
  /** Case number (prefix). */
  q: storedText().trim().min(2).max(32).optional(),
  sort: z.enum(RMA_SORTS).default('-requested_on'),
  installedProductId: IdSchema.optional(),
  orderId: IdSchema.optional(),
});
export const RmaListSchema = pageOf(
  RmaCaseSchema.omit({ events: true, photos: true, evaluation: true, chargebacks: true }),
);
export type RmaListItem = z.infer<typeof RmaListSchema>['items'][number];
