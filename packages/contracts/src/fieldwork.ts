import { z } from 'zod';

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
  faultCodeId: z.string().min(1).max(64).nullable().optional(),
  symptomCodes: z.array(z.string().min(1).max(64)).max(20).default([]),
  findings: z.string().trim().min(1).max(2000),
});
export type DiagnosisRequest = z.infer<typeof DiagnosisRequestSchema>;

export const PartUsedSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  quantity: z.number().int().min(1).max(999),
  note: z.string().trim().max(200).optional(),
});
export type PartUsed = z.infer<typeof PartUsedSchema>;

export const WorkRequestSchema = z.strictObject({
  workDone: z.string().trim().min(1).max(2000),
  parts: z.array(PartUsedSchema).max(50).default([]),
});
export type WorkRequest = z.infer<typeof WorkRequestSchema>;

export const SignatureRequestSchema = z.strictObject({
  /** `data:image/png;base64,...` from a canvas (or the bare base64). */
  png: z.string().min(32).max(2_000_000),
});

export const ResultRequestSchema = z.strictObject({
  outcome: z.enum(FIELD_OUTCOMES),
  note: z.string().trim().max(1000).default(''),
});
export type ResultRequest = z.infer<typeof ResultRequestSchema>;

export const CompleteRequestSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('code'), code: z.string().regex(/^\d{6}$/, 'six digits') }),
  /** The customer has no phone at hand: the signature already collected confirms (flag signature_only). */
  z.strictObject({ method: z.literal('signature') }),
]);
export type CompleteRequest = z.infer<typeof CompleteRequestSchema>;

export const PhotoStampSchema = z.object({
  number: z.string(),
  at: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  address: z.string().nullable(),
  /** True when the stamp is burned into the stored image (sharp), not only recorded. */
  burnedIn: z.boolean(),
});
export type PhotoStamp = z.infer<typeof PhotoStampSchema>;

export const FieldPhotoViewSchema = z.object({
  id: z.string(),
  kind: z.enum([...FIELD_PHOTO_KINDS, 'signature']),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  stamp: PhotoStampSchema,
  url: z.string(),
  verifiedAt: z.string().nullable(),
  verifiedOk: z.boolean().nullable(),
  createdAt: z.string(),
});
export type FieldPhotoView = z.infer<typeof FieldPhotoViewSchema>;

export const FieldFlagViewSchema = z.object({
  flag: z.enum(FIELD_FLAGS),
  detail: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type FieldFlagView = z.infer<typeof FieldFlagViewSchema>;

export const FieldVisitViewSchema = z.object({
  id: z.string(),
  departedAt: z.string(),
  arrivedAt: z.string().nullable(),
  arrival: z
    .object({
      lat: z.number(),
      lng: z.number(),
      accuracyM: z.number().nullable(),
      distanceM: z.number().nullable(),
    })
    .nullable(),
  startedAt: z.string().nullable(),
  diagnosis: z
    .object({
      faultCodeId: z.string().nullable(),
      symptomCodes: z.array(z.string()),
      findings: z.string(),
      at: z.string(),
    })
    .nullable(),
  work: z.object({ workDone: z.string(), parts: z.array(PartUsedSchema), at: z.string() }).nullable(),
  result: z.object({ outcome: z.enum(FIELD_OUTCOMES), note: z.string(), at: z.string() }).nullable(),
  completedAt: z.string().nullable(),
  completionMethod: z.enum(['code', 'signature']).nullable(),
});
export type FieldVisitView = z.infer<typeof FieldVisitViewSchema>;

export const FieldJobSchema = z.object({
  id: z.string(),
  number: z.string(),
  type: z.string(),
  status: z.string(),
  urgency: z.string(),
  /** 'today' (due today, overdue or under way), 'upcoming', or 'done' (completed today). */
  bucket: z.enum(['today', 'upcoming', 'done']),
  appointment: z.object({ start: z.string(), end: z.string() }).nullable(),
  customerName: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  product: z
    .object({
      id: z.string(),
      brand: z.string(),
      modelName: z.string().nullable(),
      serial: z.string().nullable(),
      categoryCode: z.string(),
      warrantyStatus: z.string(),
    })
    .nullable(),
  categoryCode: z.string().nullable(),
  faultDescription: z.string(),
  faultCodeId: z.string().nullable(),
  slaState: z.string(),
  slaDueAt: z.string().nullable(),
  version: z.number(),
});
export type FieldJob = z.infer<typeof FieldJobSchema>;

export const FieldJobDetailSchema = FieldJobSchema.extend({
  visit: FieldVisitViewSchema.nullable(),
  photos: z.array(FieldPhotoViewSchema),
  signature: FieldPhotoViewSchema.nullable(),
  flags: z.array(FieldFlagViewSchema),
  completionCode: z.object({ sentAt: z.string(), expiresAt: z.string(), sentTo: z.string() }).nullable(),
});
export type FieldJobDetail = z.infer<typeof FieldJobDetailSchema>;

export const FieldJobListSchema = z.object({ items: z.array(FieldJobSchema), today: z.string() });

export const CompletionCodeSentSchema = z.object({
  sentTo: z.string(),
  expiresInSeconds: z.number(),
  resendAfterSeconds: z.number(),
});

export const ProofViewSchema = z.object({
  orderId: z.string(),
  visits: z.array(FieldVisitViewSchema),
  photos: z.array(FieldPhotoViewSchema),
  signature: FieldPhotoViewSchema.nullable(),
  flags: z.array(FieldFlagViewSchema),
});
export type ProofView = z.infer<typeof ProofViewSchema>;

export const PhotoVerifySchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  storedSha256: z.string(),
  actualSha256: z.string().nullable(),
  verifiedAt: z.string(),
});
