import { z } from 'zod';
import { FieldErrorSchema } from './problem.ts';

/**
 * The one settings API (`/api/v1/settings`): every business setting a module registers, read and
 * written through the same routes with an optimistic version and an audit event.
 */
export const SETTING_FIELD_KINDS = ['integer', 'number', 'boolean', 'string', 'enum', 'json'] as const;
export type SettingFieldKind = (typeof SETTING_FIELD_KINDS)[number];

/** One editable leaf of a setting value (dotted path), generated from the registered schema. */
export const SettingFieldSchema = z.object({
  path: z.string(),
  kind: z.enum(SETTING_FIELD_KINDS),
  /** Sanity bounds enforced on write (registry bounds over the schema's own limits). */
  min: z.number().optional(),
  max: z.number().optional(),
  options: z.array(z.string()).optional(),
  nullable: z.boolean().optional(),
  /**
   * For `json` fields (lists, maps, unions): the JSON Schema (draft 2020-12) of the value at `path`,
   * so the web can build a structured editor (rows, key → value pairs, pickers) instead of raw text.
   */
  schema: z.record(z.string(), z.unknown()).optional(),
});
export type SettingField = z.infer<typeof SettingFieldSchema>;

export const SettingViewSchema = z.object({
  key: z.string(),
  /** i18n key of the setting's name in the web (`settings.keys.<key>`). */
  label: z.string(),
  module: z.string(),
  value: z.unknown(),
  default: z.unknown(),
  /** 0 while the default is in force (never written). */
  version: z.number().int(),
  /** false when the stored value no longer parses: `value` is then the default and `issues` say why. */
  valid: z.boolean(),
  issues: z.array(FieldErrorSchema),
  /** The stored JSON when it does not parse, so an admin can see what was there. */
  stored: z.unknown().optional(),
  writable: z.boolean(),
  fields: z.array(SettingFieldSchema),
});
export type SettingView = z.infer<typeof SettingViewSchema>;

export const SettingListSchema = z.object({ items: z.array(SettingViewSchema) });
export type SettingList = z.infer<typeof SettingListSchema>;

export const SettingKeyParamsSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/),
});

export const PutSettingSchema = z.strictObject({
  value: z.unknown(),
  version: z.number().int().min(0),
});
export type PutSetting = z.infer<typeof PutSettingSchema>;

// ---------- Visit slots (setting `workorders.visit_slots`) ----------
const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** One arrival window offered to customers, in business time (Asia/Shanghai), e.g. 09:00–12:00. */
export const VisitSlotSchema = z.strictObject({ start: HHMM, end: HHMM });
export type VisitSlot = z.infer<typeof VisitSlotSchema>;

/**
 * The one vocabulary of visit windows: the portal, the agent console and the outlet desk offer the
 * same list. In order, each ending after it starts, none overlapping.
 */
export const VisitSlotsSchema = z
  .strictObject({ slots: z.array(VisitSlotSchema).min(1).max(12) })
  .superRefine((v, ctx) => {
    v.slots.forEach((s, i) => {
      if (minutesOf(s.end) <= minutesOf(s.start))
        ctx.addIssue({
          code: 'custom',
          path: ['slots', i, 'end'],
          message: 'a slot must end after it starts',
        });
      const prev = v.slots[i - 1];
      if (prev && minutesOf(s.start) < minutesOf(prev.end))
        ctx.addIssue({
          code: 'custom',
          path: ['slots', i, 'start'],
          message: 'slots must be in order and must not overlap',
        });
    });
  });
export type VisitSlots = z.infer<typeof VisitSlotsSchema>;
