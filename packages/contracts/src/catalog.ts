import { z } from 'zod';
import { storedText } from './common.ts';

const months = z.number().int().min(0).max(240);
const code = storedText()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only');
const label = storedText().trim().min(1).max(80);

/** A product category with its 三包 terms (months of whole-unit and main-parts warranty). */
export const ProductCategorySchema = z.object({
  code: storedText(),
  nameZh: storedText(),
  nameEn: storedText(),
  unitWarrantyMonths: z.number().int(),
  mainPartsWarrantyMonths: z.number().int(),
  serviceMinutes: z.number().int(),
  active: z.boolean(),
});
export type ProductCategory = z.infer<typeof ProductCategorySchema>;

export const CreateCategorySchema = z.strictObject({
  code,
  nameZh: label,
  nameEn: label,
  unitWarrantyMonths: months,
  mainPartsWarrantyMonths: months,
  serviceMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  active: z.boolean().default(true),
});
export const UpdateCategorySchema = CreateCategorySchema.omit({ code: true }).partial();

export const ProductModelSchema = z.object({
  id: storedText(),
  brand: storedText(),
  categoryCode: storedText(),
  modelCode: storedText(),
  name: storedText(),
  active: z.boolean(),
});
export type ProductModel = z.infer<typeof ProductModelSchema>;

export const CreateModelSchema = z.strictObject({
  brand: label,
  categoryCode: code,
  modelCode: code,
  name: label,
  active: z.boolean().default(true),
});
export const UpdateModelSchema = z.strictObject({ name: label, active: z.boolean() }).partial();

export const FAULT_CODE_KINDS = ['fault', 'symptom'] as const;
export const FaultCodeSchema = z.object({
  id: storedText(),
  categoryCode: storedText(),
  parentId: storedText().nullable(),
  code: storedText(),
  kind: z.enum(FAULT_CODE_KINDS),
  nameZh: storedText(),
  nameEn: storedText(),
  active: z.boolean(),
});
export type FaultCode = z.infer<typeof FaultCodeSchema>;

/** Fault categories (kind 'fault') directly under a product category; symptom codes under them. */
export const CreateFaultCodeSchema = z.strictObject({
  code,
  kind: z.enum(FAULT_CODE_KINDS),
  parentId: storedText().max(64).nullable().default(null),
  nameZh: label,
  nameEn: label,
});
export const UpdateFaultCodeSchema = z
  .strictObject({ nameZh: label, nameEn: label, active: z.boolean() })
  .partial();

export const FaultTreeSchema = z.object({
  categoryCode: storedText(),
  faults: z.array(FaultCodeSchema.extend({ symptoms: z.array(FaultCodeSchema) })),
});
export type FaultTree = z.infer<typeof FaultTreeSchema>;
