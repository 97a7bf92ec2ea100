import { z } from 'zod';
import { storedText } from './common.ts';
import { RedoInfoSchema } from './workorders.ts';

/**
 * The technician's field app (H5 at /m/jobs) and proof of service: requests and views of
 * `/api/v1/field/...` and `GET /api/v1/orders/:id/proof`. Every POST carries an `Idempotency-Key`.
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

export const FIELD_OUTCOMES = ['fixed', 'needs_parts', 'needs_escalation'] as const;
export type FieldOutcomeName = (typeof FIELD_OUTCOMES)[number];

export const FIELD_PHOTO_KINDS = ['before', 'after', 'other'] as const;
export type FieldPhotoKindName = (typeof FIELD_PHOTO_KINDS)[number];

export const FIELD_FLAGS = [
  'far_check_in',
  'no_location',
  'signature_only',
  'photo_hash_mismatch',
  'completed_without_proof',
] as const;
export type FieldFlag = (typeof FIELD_FLAGS)[number];

const Lat = z.number().min(-90).max(90);
const Lng = z.number().min(-180).max(180);

export const EmptyBodySchema = z.strictObject({}).default({});

export const ArriveRequestSchema = z
  .strictObject({
    lat: Lat.optional(),
    lng: Lng.optional(),
    accuracy: z.number().min(0).max(100_000).optional(),
  })
  .default({})
  .refine((b) => (b.lat === undefined) === (b.lng === undefined), {
    message: 'lat and lng go together',
    path: ['lng'],
  });
export type ArriveRequest = z.infer<typeof ArriveRequestSchema>;

export const DiagnosisRequestSchema = z.strictObject({
  faultCodeId: storedText().min(1).max(64).nullable().optional(),
  symptomCodes: z.array(storedText().min(1).max(64)).max(20).default([]),
  findings: storedText().trim().min(1).max(2000),
});
export type DiagnosisRequest = z.infer<typeof DiagnosisRequestSchema>;

export const PartUsedSchema = z.strictObject({
  name: storedText().trim().min(1).max(100),
  quantity: z.number().int().min(1).max(999),
  note: storedText().trim().max(200).optional(),
});
export type PartUsed = z.infer<typeof PartUsedSchema>;

export const WorkRequestSchema = z.strictObject({
  workDone: storedText().trim().min(1).max(2000),
  parts: z.array(PartUsedSchema).max(50).default([]),
});
export type WorkRequest = z.infer<typeof WorkRequestSchema>;

export const SignatureRequestSchema = z.strictObject({
  /** `data:image/png;base64,...` from a canvas (or the bare base64). */
  png: storedText().min(32).max(2_000_000),
});

export const ResultRequestSchema = z.strictObject({
  outcome: z.enum(FIELD_OUTCOMES),
  note: storedText().trim().max(1000).default(''),
});
export type ResultRequest = z.infer<typeof ResultRequestSchema>;

export const CompleteRequestSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('code'), code: storedText().regex(/^\d{6}$/, 'six digits') }),
  /** The customer has no phone at hand: the signature already collected confirms (flag signature_only). */
  z.strictObject({ method: z.literal('signature') }),
]);
export type CompleteRequest = z.infer<typeof CompleteRequestSchema>;

export const PhotoStampSchema = z.object({
  number: storedText(),
  at: storedText(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  address: storedText().nullable(),
  /** True when the stamp is burned into the stored image (sharp), not only recorded. */
  burnedIn: z.boolean(),
});
export type PhotoStamp = z.infer<typeof PhotoStampSchema>;

export const FieldPhotoViewSchema = z.object({
  id: storedText(),
  kind: z.enum([...FIELD_PHOTO_KINDS, 'signature']),
  contentType: storedText(),
  sizeBytes: z.number(),
  sha256: storedText(),
  stamp: PhotoStampSchema,
  url: storedText(),
  verifiedAt: storedText().nullable(),
  verifiedOk: z.boolean().nullable(),
  createdAt: storedText(),
});
export type FieldPhotoView = z.infer<typeof FieldPhotoViewSchema>;

export const FieldFlagViewSchema = z.object({
  flag: z.enum(FIELD_FLAGS),
  detail: z.record(storedText(), z.unknown()),
  createdAt: storedText(),
});
export type FieldFlagView = z.infer<typeof FieldFlagViewSchema>;

export const FieldVisitViewSchema = z.object({
  id: storedText(),
  departedAt: storedText(),
  arrivedAt: storedText().nullable(),
  arrival: z
    .object({
      lat: z.number(),
      lng: z.number(),
      accuracyM: z.number().nullable(),
      distanceM: z.number().nullable(),
    })
    .nullable(),
  startedAt: storedText().nullable(),
  diagnosis: z
    .object({
      faultCodeId: storedText().nullable(),
      symptomCodes: z.array(storedText()),
      findings: storedText(),
      at: storedText(),
    })
    .nullable(),
  work: z.object({ workDone: storedText(), parts: z.array(PartUsedSchema), at: storedText() }).nullable(),
  result: z.object({ outcome: z.enum(FIELD_OUTCOMES), note: storedText(), at: storedText() }).nullable(),
  completedAt: storedText().nullable(),
  completionMethod: z.enum(['code', 'signature']).nullable(),
});
export type FieldVisitView = z.infer<typeof FieldVisitViewSchema>;

export const FieldJobSchema = z.object({
  id: storedText(),
  number: storedText(),
  type: storedText(),
  status: storedText(),
  urgency: storedText(),
  /** 'today' (due today, overdue or under way), 'upcoming', or 'done' (completed today). */
  bucket: z.enum(['today', 'upcoming', 'done']),
  appointment: z.object({ start: storedText(), end: storedText() }).nullable(),
  customerName: storedText(),
  contactName: storedText(),
  contactPhone: storedText(),
  address: storedText().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  product: z
    .object({
      id: storedText(),
      brand: storedText(),
      modelName: storedText().nullable(),
      serial: storedText().nullable(),
      categoryCode: storedText(),
      warrantyStatus: storedText(),
    })
    .nullable(),
  categoryCode: storedText().nullable(),
  faultDescription: storedText(),
  faultCodeId: storedText().nullable(),
  symptomCodes: z.array(storedText()),
  slaState: storedText(),
  slaDueAt: storedText().nullable(),
  version: z.number(),
});
export type FieldJob = z.infer<typeof FieldJobSchema>;

export const FieldJobDetailSchema = FieldJobSchema.extend({
  visit: FieldVisitViewSchema.nullable(),
  photos: z.array(FieldPhotoViewSchema),
  signature: FieldPhotoViewSchema.nullable(),
  flags: z.array(FieldFlagViewSchema),
  completionCode: z
    .object({ sentAt: storedText(), expiresAt: storedText(), sentTo: storedText() })
    .nullable(),
  /** A 返修 or reopened job: why, and the previous visit (the technician sees it on the job card). */
  redo: RedoInfoSchema.nullable(),
  /** On a redo: the visit that did not hold (its diagnosis, the work and parts), for the next visit. */
  previousVisit: FieldVisitViewSchema.nullable(),
});
export type FieldJobDetail = z.infer<typeof FieldJobDetailSchema>;

export const FieldJobListSchema = z.object({ items: z.array(FieldJobSchema), today: storedText() });

export const CompletionCodeSentSchema = z.object({
  sentTo: storedText(),
  expiresInSeconds: z.number(),
  resendAfterSeconds: z.number(),
});

export const ProofViewSchema = z.object({
  orderId: storedText(),
  visits: z.array(FieldVisitViewSchema),
  photos: z.array(FieldPhotoViewSchema),
  signature: FieldPhotoViewSchema.nullable(),
  flags: z.array(FieldFlagViewSchema),
});
export type ProofView = z.infer<typeof ProofViewSchema>;

export const PhotoVerifySchema = z.object({
  id: storedText(),
  ok: z.boolean(),
  storedSha256: storedText(),
  actualSha256: storedText().nullable(),
  verifiedAt: storedText(),
});
