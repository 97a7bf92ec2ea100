/**
 * Stable error codes shared by server and web. The server maps every code to an HTTP status
 * (exhaustive: adding a code without a status fails the type check) and sends the code's
 * parameters (`ERROR_PARAMS`) in the problem document's `params` member; the web translates
 * codes through i18n keys `errors.<code>` with those parameters and never shows server prose.
 */
export const ERROR_STATUS = {
  'request.validation_failed': 400,
  'request.malformed_json': 400,
  'request.unknown_field': 400,
  /** NUL or a lone UTF-16 surrogate: neither database can store it faithfully. */
  'request.unstorable_text': 400,
  'request.payload_too_large': 413,
  'request.unsupported_media_type': 415,
  'request.not_found': 404,
  'request.rate_limited': 429,
  'auth.unauthenticated': 401,
  'auth.invalid_credentials': 401,
  'auth.session_expired': 401,
  /** Too many wrong passwords for this account from this source (or from this source overall). */
  'auth.sign_in_throttled': 429,
  'auth.csrf_failed': 403,
  'auth.forbidden': 403,
  'auth.invalid_token': 401,
  'auth.otp_invalid': 401,
  /** One-time code caps (anti SMS pumping): per phone, per source, and for the whole service. */
  'portal.otp_resend_too_soon': 429,
  'portal.otp_phone_limit': 429,
  'portal.otp_source_limit': 429,
  'portal.otp_service_limit': 429,
  /** Role edits that would leave a role with nothing, or nobody able to administer roles. */
  'identity.role_lockout': 422,
  'identity.last_administrator': 422,
  /** An API token may carry only permissions its owner holds, and never token management. */
  'identity.token_scope_exceeded': 422,
  'identity.token_cannot_manage_tokens': 422,
  'resource.not_found': 404,
  'resource.conflict': 409,
  'resource.version_conflict': 409,
  'resource.already_exists': 409,
  'state.invalid_transition': 409,
  'calendar.no_data_for_year': 422,
  'idempotency.key_reused': 422,
  'idempotency.in_progress': 409,
  'fieldwork.code_invalid': 422,
  'fieldwork.signature_required': 422,
  'callback.task_closed': 409,
  'callback.link_used': 409,
  'callback.link_expired': 410,
  'settlement.statement_locked': 409,
  'settlement.line_not_adjustable': 422,
  'settlement.adjustment_unchanged': 422,
  'settlement.dispute_via_respond': 422,
  'settlement.disputes_open': 422,
  'appeal.line_not_appealable': 422,
  'appeal.class_not_appealable': 422,
  'appeal.already_upheld': 422,
  'evaluation.bonus_limit': 422,
  'evaluation.items_unassessed': 422,
  'routing.plan_not_proposal': 422,
  'routing.plan_infeasible': 422,
  'product.model_unknown': 422,
  'product.model_retired': 422,
  'customer.merged': 409,
  /** PIPL erasure waits until the customer's orders are closed (service still owed). */
  'customer.erasure_blocked': 409,
  /** The customer's personal data was erased; a returning customer is created anew. */
  'customer.erased': 409,
  'assignment.no_outlet': 422,
  'assignment.unskilled': 422,
  'assignment.unavailable': 422,
  'assignment.outside_shift': 422,
  'assignment.double_booked': 422,
  'technician.tier_needs_outlet': 422,
  'technician.tier_needs_province': 422,
  'technician.hq_has_no_outlet': 422,
  'technician.leave_overlaps': 422,
  'outlet.parent_not_dealer': 422,
  'outlet.parent_cycle': 422,
  'prospect.stage_unchanged': 422,
  'prospect.one_step_forward': 422,
  'prospect.back_needs_reason': 422,
  'dispatch.outlet_suspended': 422,
  'dispatch.outlet_not_covering': 422,
  'grading.month_final': 422,
  'grading.no_draft': 422,
  'portal.nothing_to_confirm': 422,
  'portal.reschedule_not_allowed': 422,
  'portal.cancel_not_allowed': 422,
  'workorder.escalation_not_allowed': 422,
  'workorder.max_escalation_tier': 422,
  'workorder.reopen_window_passed': 422,
  'workorder.appointment_locked': 422,
  /** Spare parts (issue #15). */
  'parts.unknown_item': 422,
  'parts.item_inactive': 422,
  'parts.incompatible_model': 422,
  'parts.insufficient_stock': 409,
  'parts.reservation_required': 422,
  'parts.serial_required': 422,
  'parts.old_part_required': 422,
  'parts.order_not_in_service': 409,
  'parts.location_not_allowed': 422,
  'parts.same_location': 422,
  'parts.below_reserved': 409,
  'parts.unconsumed_reservations': 409,
  'parts.stocktake_open': 409,
  'parts.import_invalid': 422,
  /** 三包 policies (issue #14). */
  'warranty.policy_in_use': 409,
  'warranty.unknown_category': 422,
  'warranty.dates_out_of_order': 422,
  'warranty.invalid_params': 422,
  /** RMA cases (issue #14). */
  'rma.remedy_not_allowed': 422,
  'rma.remedy_kind_mismatch': 422,
  'rma.override_reason_required': 422,
  'rma.dates_out_of_order': 422,
  'rma.photos_required': 422,
  'rma.photo_limit': 422,
  'rma.refund_exceeds': 422,
  'rma.product_not_customer': 422,
  'server.internal': 500,
  'server.unavailable': 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export function statusForCode(code: ErrorCode): number {
  return ERROR_STATUS[code];
}

/**
 * Kinds of parameter values: a trailing `?` marks an optional one. The description is data (the
 * locale test checks every required parameter appears in each translation) and gives the types.
 */
export type ParamKind = 'string' | 'number' | 'strings' | 'string?' | 'number?' | 'strings?';
export type ParamSpec = Readonly<Record<string, ParamKind>>;

type KindValue<K> = K extends 'string' | 'string?'
  ? string
  : K extends 'number' | 'number?'
    ? number
    : K extends 'strings' | 'strings?'
      ? readonly string[]
      : never;
type RequiredKeys<S> = { [K in keyof S]: S[K] extends `${string}?` ? never : K }[keyof S];
type OptionalKeys<S> = Exclude<keyof S, RequiredKeys<S>>;
/** The value type described by a parameter spec (`{ orderNo: 'string' }` → `{ orderNo: string }`). */
export type ParamsOf<S> = { -readonly [K in RequiredKeys<S>]: KindValue<S[K]> } & {
  -readonly [K in OptionalKeys<S>]?: KindValue<S[K]>;
};

/** The parameters each code carries (exhaustive, like ERROR_STATUS). */
export const ERROR_PARAMS = {
  'request.validation_failed': {},
  'request.malformed_json': {},
  'request.unknown_field': {},
  'request.unstorable_text': {},
  'request.payload_too_large': { limitBytes: 'number?' },
  'request.unsupported_media_type': { allowed: 'strings?' },
  'request.not_found': {},
  'request.rate_limited': { retryAfterSeconds: 'number?' },
  'auth.unauthenticated': {},
  'auth.invalid_credentials': {},
  'auth.session_expired': {},
  'auth.sign_in_throttled': { retryAfterSeconds: 'number' },
  'auth.csrf_failed': {},
  'auth.forbidden': { permission: 'string?' },
  'auth.invalid_token': {},
  'auth.otp_invalid': {},
  'portal.otp_resend_too_soon': { retryAfterSeconds: 'number' },
  'portal.otp_phone_limit': { retryAfterSeconds: 'number' },
  'portal.otp_source_limit': { retryAfterSeconds: 'number' },
  'portal.otp_service_limit': { retryAfterSeconds: 'number' },
  'identity.role_lockout': { role: 'string' },
  'identity.last_administrator': { permission: 'string' },
  'identity.token_scope_exceeded': { permission: 'string' },
  'identity.token_cannot_manage_tokens': {},
  'resource.not_found': { resource: 'string?', id: 'string?' },
  'resource.conflict': { resource: 'string?' },
  'resource.version_conflict': { resource: 'string?', id: 'string?' },
  'resource.already_exists': { resource: 'string?', value: 'string?' },
  'state.invalid_transition': { from: 'string?', to: 'string?', allowed: 'strings?' },
  'calendar.no_data_for_year': { year: 'number' },
  'idempotency.key_reused': {},
  'idempotency.in_progress': {},
  'fieldwork.code_invalid': { reason: 'string', attemptsLeft: 'number?' },
  'fieldwork.signature_required': {},
  'callback.task_closed': {},
  'callback.link_used': {},
  'callback.link_expired': {},
  'settlement.statement_locked': { number: 'string', status: 'string' },
  'settlement.line_not_adjustable': {},
  'settlement.adjustment_unchanged': {},
  'settlement.dispute_via_respond': {},
  'settlement.disputes_open': { count: 'number' },
  'appeal.line_not_appealable': {},
  'appeal.class_not_appealable': { class: 'string' },
  'appeal.already_upheld': {},
  'evaluation.bonus_limit': { max: 'number' },
  'evaluation.items_unassessed': { count: 'number', items: 'strings' },
  'routing.plan_not_proposal': { status: 'string' },
  'routing.plan_infeasible': { count: 'number' },
  'product.model_unknown': { modelId: 'string' },
  'product.model_retired': { modelCode: 'string' },
  'customer.merged': { mergedIntoId: 'string' },
  'customer.erasure_blocked': { openOrders: 'number' },
  'customer.erased': {},
  'assignment.no_outlet': {},
  'assignment.unskilled': { category: 'string', minLevel: 'number' },
  'assignment.unavailable': {},
  'assignment.outside_shift': { start: 'string?', end: 'string?' },
  'assignment.double_booked': { orderNo: 'string', start: 'string?', end: 'string?' },
  'technician.tier_needs_outlet': { tier: 'number' },
  'technician.tier_needs_province': { tier: 'number' },
  'technician.hq_has_no_outlet': { tier: 'number' },
  'technician.leave_overlaps': { count: 'number' },
  'outlet.parent_not_dealer': {},
  'outlet.parent_cycle': {},
  'prospect.stage_unchanged': { stage: 'string' },
  'prospect.one_step_forward': { from: 'string', next: 'string' },
  'prospect.back_needs_reason': {},
  'dispatch.outlet_suspended': { outletCode: 'string' },
  'dispatch.outlet_not_covering': { outletCode: 'string' },
  'grading.month_final': { month: 'string' },
  'grading.no_draft': { month: 'string' },
  'portal.nothing_to_confirm': {},
  'portal.reschedule_not_allowed': { status: 'string' },
  'portal.cancel_not_allowed': { status: 'string' },
  'workorder.escalation_not_allowed': { status: 'string' },
  'workorder.max_escalation_tier': { tier: 'number' },
  'workorder.reopen_window_passed': { days: 'number' },
  'workorder.appointment_locked': { status: 'string' },
  'parts.unknown_item': { itemId: 'string' },
  'parts.item_inactive': { itemCode: 'string' },
  'parts.incompatible_model': { itemCode: 'string', modelCode: 'string?' },
  'parts.insufficient_stock': { itemCode: 'string', available: 'number', requested: 'number' },
  'parts.reservation_required': { itemCode: 'string?' },
  'parts.serial_required': { itemCode: 'string' },
  'parts.old_part_required': { itemCode: 'string?' },
  'parts.order_not_in_service': { orderStatus: 'string' },
  'parts.location_not_allowed': {},
  'parts.same_location': {},
  'parts.below_reserved': { itemCode: 'string', reserved: 'number' },
  'parts.unconsumed_reservations': { count: 'number' },
  'parts.stocktake_open': { locationName: 'string' },
  'parts.import_invalid': { count: 'number' },
  'warranty.policy_in_use': { version: 'number' },
  'warranty.unknown_category': { categoryCode: 'string' },
  'warranty.dates_out_of_order': { effectiveFrom: 'string', effectiveTo: 'string' },
  'warranty.invalid_params': { kind: 'string' },
  'rma.remedy_not_allowed': { remedy: 'string', rule: 'string?' },
  'rma.remedy_kind_mismatch': { kind: 'string', remedy: 'string' },
  'rma.override_reason_required': {},
  'rma.dates_out_of_order': { field: 'string', earliest: 'string' },
  'rma.photos_required': { min: 'number' },
  'rma.photo_limit': { max: 'number' },
  'rma.refund_exceeds': { maxFen: 'number' },
  'rma.product_not_customer': {},
  'server.internal': {},
  'server.unavailable': {},
} as const satisfies Record<ErrorCode, ParamSpec>;

/** Typed parameters of one code: `ErrorParams<'assignment.double_booked'>` → `{ orderNo, start, end }`. */
export type ErrorParams<C extends ErrorCode> = ParamsOf<(typeof ERROR_PARAMS)[C]>;

/**
 * The resources a `resource.not_found` / `resource.version_conflict` names (its `resource`
 * parameter); the web words them as `resources.<name with _ for spaces>`.
 */
export const RESOURCES = [
  'adjustment',
  'api token',
  'appeal',
  'attachment',
  'calendar override',
  'callback task',
  'complaint',
  'corrective action',
  'customer',
  'evaluation',
  'evaluation item',
  'evaluation scheme',
  'evidence',
  'fault code',
  'installed product',
  'job',
  'leave',
  'offer',
  'old part',
  'outlet',
  'outlet calendar day',
  'part request',
  'part usage',
  'part item',
  'photo',
  'pool order',
  'product category',
  'product model',
  'prospect',
  'rating link',
  'rma case',
  'region',
  'role',
  'rota day',
  'route plan',
  'scorecard',
  'setting',
  'statement',
  'stock location',
  'stocktake',
  'technician',
  'user',
  'warranty policy',
  'work order',
] as const;
export type ResourceName = (typeof RESOURCES)[number];
export const resourceKey = (name: string): string => name.replace(/ /g, '_');

/** Names of the parameters a code must carry (the translations must use each of them). */
export const requiredParams = (spec: ParamSpec): string[] =>
  Object.entries(spec)
    .filter(([, k]) => !k.endsWith('?'))
    .map(([name]) => name);
