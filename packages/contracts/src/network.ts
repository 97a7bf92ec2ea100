import { z } from 'zod';
import { BusinessDateSchema, IsoInstantSchema, storedText } from './common.ts';

/** The service network (服务网络): outlets, technicians, their calendars, the pipeline, coverage. */
export const OUTLET_TYPES = ['self_built', 'entrusted'] as const;
export const OUTLET_KINDS = ['outlet', 'dealer', 'regional_agent'] as const;
export const OUTLET_STATUSES = ['active', 'suspended'] as const;
export const OUTLET_GRADES = ['A', 'B', 'C', 'D'] as const;
export const LEAVE_KINDS = ['leave', 'sick', 'training', 'other'] as const;
export const ROTA_KINDS = ['duty', 'off'] as const;
export const PROSPECT_STAGES = ['prospect', 'negotiating', 'signed', 'active'] as const;
export const CERT_STATUSES = ['valid', 'expiring', 'expired'] as const;
export type OutletType = (typeof OUTLET_TYPES)[number];
export type OutletKindName = (typeof OUTLET_KINDS)[number];
export type ProspectStageName = (typeof PROSPECT_STAGES)[number];
export type CertStatus = (typeof CERT_STATUSES)[number];

const text = (max: number) => storedText().trim().min(1).max(max);
const optText = (max: number) => storedText().trim().max(max).nullable();
/** GB/T 2260: a province (2 digits), city (4) or district (6); a shorter code covers all below it. */
export const RegionCodeSchema = storedText().regex(
  /^\d{2}(\d{2}(\d{2})?)?$/,
  'region code (2, 4 or 6 digits)',
);
const categoryCode = storedText().trim().min(1).max(40);
const minute = z.number().int().min(0).max(1440);
const lat = z.number().min(-90).max(90).nullable();
const lng = z.number().min(-180).max(180).nullable();

export const RegionRefSchema = z.object({ code: storedText(), name: storedText() });

export const OutletInputSchema = z.strictObject({
  code: storedText()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ - only'),
  name: text(120),
  type: z.enum(OUTLET_TYPES),
  kind: z.enum(OUTLET_KINDS).default('outlet'),
  parentId: storedText().max(64).nullable().default(null),
  contactName: optText(40).default(null),
  contactPhone: optText(32).default(null),
  provinceCode: storedText().regex(/^\d{2}(0000)?$/, 'province code'),
  cityCode: storedText().regex(/^\d{4}(00)?$/, 'city code'),
  districtCode: storedText().regex(/^\d{6}$/, 'district code'),
  address: text(200),
  lat: lat.default(null),
  lng: lng.default(null),
  dailyCapacity: z.number().int().min(0).max(10_000).default(20),
  grade: z.enum(OUTLET_GRADES).default('B'),
  serviceAreas: z.array(RegionCodeSchema).min(1).max(300),
  categories: z.array(categoryCode).min(1).max(50),
});
export type OutletInput = z.infer<typeof OutletInputSchema>;

export const UpdateOutletSchema = OutletInputSchema.omit({ code: true })
  .partial()
  .extend({ version: z.number().int().min(1) });
export type UpdateOutlet = z.infer<typeof UpdateOutletSchema>;

export const OutletStatusChangeSchema = z.strictObject({
  version: z.number().int().min(1),
  reason: text(500),
});

export const OutletSchema = z.object({
  id: storedText(),
  code: storedText(),
  name: storedText(),
  type: z.enum(OUTLET_TYPES),
  kind: z.enum(OUTLET_KINDS),
  parentId: storedText().nullable(),
  parentName: storedText().nullable(),
  contactName: storedText().nullable(),
  contactPhone: storedText().nullable(),
  provinceCode: storedText(),
  cityCode: storedText(),
  districtCode: storedText(),
  regionName: storedText(),
  address: storedText(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  dailyCapacity: z.number().int(),
  status: z.enum(OUTLET_STATUSES),
  grade: z.enum(OUTLET_GRADES),
  serviceAreas: z.array(RegionRefSchema),
  categories: z.array(storedText()),
  technicianCount: z.number().int(),
  createdAt: storedText(),
  updatedAt: storedText(),
  version: z.number().int(),
});
export type Outlet = z.infer<typeof OutletSchema>;

export const OutletListQuerySchema = z.object({
  region: RegionCodeSchema.optional(),
  category: categoryCode.optional(),
  status: z.enum(OUTLET_STATUSES).optional(),
  type: z.enum(OUTLET_TYPES).optional(),
  kind: z.enum(OUTLET_KINDS).optional(),
  q: storedText().trim().max(64).optional(),
  cursor: storedText().max(128).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type OutletListQuery = z.infer<typeof OutletListQuerySchema>;

export const CalendarOverrideSchema = z.object({
  date: BusinessDateSchema,
  open: z.boolean(),
  note: storedText().nullable(),
});
export type OutletCalendarOverride = z.infer<typeof CalendarOverrideSchema>;
export const PutCalendarOverrideSchema = z.strictObject({
  open: z.boolean(),
  note: optText(200).default(null),
});

// Technicians
export const SkillSchema = z.strictObject({ categoryCode, level: z.number().int().min(1).max(5) });
export const ShiftSchema = z
  .strictObject({
    weekday: z.number().int().min(1).max(7),
    startMinute: minute,
    endMinute: minute,
    breakStartMinute: minute.nullable().default(null),
    breakEndMinute: minute.nullable().default(null),
  })
  .refine((s) => s.startMinute < s.endMinute, { path: ['endMinute'], message: 'end after start' })
  .refine((s) => (s.breakStartMinute === null) === (s.breakEndMinute === null), {
    path: ['breakEndMinute'],
    message: 'break needs both start and end',
  })
  .refine(
    (s) =>
      s.breakStartMinute === null ||
      (s.breakStartMinute >= s.startMinute &&
        s.breakEndMinute! > s.breakStartMinute &&
        s.breakEndMinute! <= s.endMinute),
    { path: ['breakStartMinute'], message: 'break inside the shift, end after start' },
  );
export type Shift = z.infer<typeof ShiftSchema>;
export const CertificationInputSchema = z.strictObject({
  id: storedText().max(64).optional(),
  name: text(80),
  number: optText(60).default(null),
  categoryCode: categoryCode.nullable().default(null),
  issuedOn: BusinessDateSchema,
  expiresOn: BusinessDateSchema.nullable().default(null),
});
export const CertificationSchema = z.object({
  id: storedText(),
  name: storedText(),
  number: storedText().nullable(),
  categoryCode: storedText().nullable(),
  issuedOn: storedText(),
  expiresOn: storedText().nullable(),
  status: z.enum(CERT_STATUSES),
});

export const TechnicianInputSchema = z.strictObject({
  outletId: storedText().max(64).nullable().default(null),
  userId: storedText().max(64).nullable().default(null),
  name: text(40),
  phone: optText(32).default(null),
  /** 1 technician, 2 outlet senior, 3 provincial HQ field engineer, 4 HQ expert. */
  tier: z.number().int().min(1).max(4).default(1),
  provinceCode: storedText()
    .regex(/^\d{2}$/, 'province code')
    .nullable()
    .default(null),
  startLat: lat.default(null),
  startLng: lng.default(null),
  active: z.boolean().default(true),
  skills: z.array(SkillSchema).max(50).default([]),
  certifications: z.array(CertificationInputSchema).max(50).default([]),
  shifts: z.array(ShiftSchema).max(7).default([]),
});
export type TechnicianInput = z.infer<typeof TechnicianInputSchema>;
export const UpdateTechnicianSchema = z.strictObject({
  ...TechnicianInputSchema.partial().shape,
  version: z.number().int().min(1),
});
export type UpdateTechnician = z.infer<typeof UpdateTechnicianSchema>;

export const TechnicianSchema = z.object({
  id: storedText(),
  outletId: storedText().nullable(),
  outletName: storedText().nullable(),
  userId: storedText().nullable(),
  name: storedText(),
  phone: storedText().nullable(),
  tier: z.number().int(),
  provinceCode: storedText().nullable(),
  startLat: z.number().nullable(),
  startLng: z.number().nullable(),
  active: z.boolean(),
  skills: z.array(z.object({ categoryCode: storedText(), level: z.number().int() })),
  certifications: z.array(CertificationSchema),
  /** The worst certification status (null: none on file). */
  certificationAlert: z.enum(CERT_STATUSES).nullable(),
  shifts: z.array(
    z.object({
      weekday: z.number().int(),
      startMinute: z.number().int(),
      endMinute: z.number().int(),
      breakStartMinute: z.number().int().nullable(),
      breakEndMinute: z.number().int().nullable(),
    }),
  ),
  createdAt: storedText(),
  updatedAt: storedText(),
  version: z.number().int(),
});
export type Technician = z.infer<typeof TechnicianSchema>;

export const TechnicianListQuerySchema = z.object({
  outletId: storedText().max(64).optional(),
  /** `hq`: HQ staff (no outlet; tiers 3 and 4); `outlet`: outlet staff. */
  staff: z.enum(['hq', 'outlet']).optional(),
  tier: z.coerce.number().int().min(1).max(4).optional(),
  category: categoryCode.optional(),
  active: z.enum(['true', 'false']).optional(),
  q: storedText().trim().max(64).optional(),
  cursor: storedText().max(128).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TechnicianListQuery = z.infer<typeof TechnicianListQuerySchema>;

export const LeaveInputSchema = z
  .strictObject({
    startAt: IsoInstantSchema,
    endAt: IsoInstantSchema,
    kind: z.enum(LEAVE_KINDS).default('leave'),
    note: optText(200).default(null),
  })
  .refine((l) => Date.parse(l.endAt) > Date.parse(l.startAt), {
    path: ['endAt'],
    message: 'end after start',
  });
export type LeaveInput = z.infer<typeof LeaveInputSchema>;
export const LeaveSchema = z.object({
  id: storedText(),
  technicianId: storedText(),
  startAt: storedText(),
  endAt: storedText(),
  kind: z.enum(LEAVE_KINDS),
  note: storedText().nullable(),
  createdAt: storedText(),
});
export type Leave = z.infer<typeof LeaveSchema>;
export const RotaDaySchema = z.object({ date: storedText(), kind: z.enum(ROTA_KINDS) });
export const PutRotaSchema = z.strictObject({ kind: z.enum(ROTA_KINDS) });
export const IntervalSchema = z.object({ start: storedText(), end: storedText() });
export const RangeQuerySchema = z.object({ from: IsoInstantSchema, to: IsoInstantSchema });

// Pipeline
export const ProspectInputSchema = z.strictObject({
  regionCode: RegionCodeSchema,
  name: text(120),
  contactName: optText(40).default(null),
  contactPhone: optText(32).default(null),
  categories: z.array(categoryCode).max(50).default([]),
  notes: optText(2000).default(null),
});
export type ProspectInput = z.infer<typeof ProspectInputSchema>;
export const UpdateProspectSchema = z.strictObject({
  ...ProspectInputSchema.partial().shape,
  version: z.number().int().min(1),
});
export type UpdateProspect = z.infer<typeof UpdateProspectSchema>;
/** Forward one stage at a time; going back needs a reason. `active` may name the outlet it became. */
export const MoveProspectSchema = z.strictObject({
  version: z.number().int().min(1),
  stage: z.enum(PROSPECT_STAGES),
  reason: optText(500).default(null),
  linkedOutletId: storedText().max(64).nullable().default(null),
});
export type MoveProspect = z.infer<typeof MoveProspectSchema>;
export const ProspectSchema = z.object({
  id: storedText(),
  regionCode: storedText(),
  regionName: storedText(),
  name: storedText(),
  contactName: storedText().nullable(),
  contactPhone: storedText().nullable(),
  categories: z.array(storedText()),
  stage: z.enum(PROSPECT_STAGES),
  notes: storedText().nullable(),
  linkedOutletId: storedText().nullable(),
  createdAt: storedText(),
  updatedAt: storedText(),
  version: z.number().int(),
});
export type Prospect = z.infer<typeof ProspectSchema>;

// Coverage
export const CoverageTargetsSchema = z.strictObject({
  /** Share of (district, category) pairs with installed products that an active outlet covers. */
  regionCoverage: z.number().min(0).max(1),
  /** Share of active outlets that are self-built. */
  selfBuiltShare: z.number().min(0).max(1),
});
export type CoverageTargets = z.infer<typeof CoverageTargetsSchema>;
export const PutCoverageTargetsSchema = CoverageTargetsSchema.extend({ version: z.number().int().min(0) });
export const CertificationSettingsSchema = z.strictObject({
  /** A certification expiring within this many days is flagged as expiring soon. */
  expiringSoonDays: z.number().int().min(0).max(365),
});
export type CertificationSettings = z.infer<typeof CertificationSettingsSchema>;
export const PutCertificationSettingsSchema = CertificationSettingsSchema.extend({
  version: z.number().int().min(0),
});

export const CoverageReportSchema = z.object({
  targets: CoverageTargetsSchema.extend({ version: z.number().int() }),
  regionCoverage: z.object({
    covered: z.number().int(),
    total: z.number().int(),
    /** null when no installed products exist yet. */
    ratio: z.number().nullable(),
    byCategory: z.array(
      z.object({
        categoryCode: storedText(),
        covered: z.number().int(),
        total: z.number().int(),
        ratio: z.number().nullable(),
      }),
    ),
  }),
  selfBuilt: z.object({
    selfBuilt: z.number().int(),
    active: z.number().int(),
    ratio: z.number().nullable(),
  }),
  uncovered: z.array(
    z.object({
      districtCode: storedText(),
      regionName: storedText(),
      categoryCode: storedText(),
      installedProducts: z.number().int(),
      prospects: z.array(
        z.object({
          id: storedText(),
          name: storedText(),
          stage: z.enum(PROSPECT_STAGES),
          regionCode: storedText(),
        }),
      ),
    }),
  ),
});
export type CoverageReport = z.infer<typeof CoverageReportSchema>;

/** The outlet and technician imports' limits (setting `network.import`). */
export const NetworkImportPolicySchema = z.strictObject({
  /** Most data rows one file may hold; a bigger file is refused before any row is checked. */
  maxRows: z.number().int().min(1).max(20000),
});
export type NetworkImportPolicy = z.infer<typeof NetworkImportPolicySchema>;
export const DEFAULT_NETWORK_IMPORT_POLICY: NetworkImportPolicy = { maxRows: 2000 };

/** What an outlet or technician import did (or, on a dry run, would do): all rows or none. */
export const NetworkImportResultSchema = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
});
export type NetworkImportResult = z.infer<typeof NetworkImportResultSchema>;
