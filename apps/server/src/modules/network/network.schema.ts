import type { ColumnType } from 'kysely';

export type OutletKind = 'outlet' | 'dealer' | 'regional_agent';
export type LeaveKind = 'leave' | 'sick' | 'training' | 'other';
export type ProspectStage = 'prospect' | 'negotiating' | 'signed' | 'active';

export interface OutletsTable {
  id: string;
  code: string;
  name: string;
  type: 'self_built' | 'entrusted';
  /** 0008: dealers and regional agents are outlets that others name as parent. */
  kind: ColumnType<OutletKind, OutletKind | undefined, OutletKind>;
  parent_id: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  province_code: string;
  city_code: string;
  district_code: string;
  address: string;
  lat: number | null;
  lng: number | null;
  daily_capacity: number;
  status: 'active' | 'suspended';
  grade: 'A' | 'B' | 'C' | 'D';
  created_at: string;
  updated_at: string;
  version: number;
}
export interface OutletServiceAreasTable {
  outlet_id: string;
  region_code: string;
}
export interface OutletCategoriesTable {
  outlet_id: string;
  category_code: string;
}
export interface TechniciansTable {
  id: string;
  outlet_id: string | null;
  user_id: string | null;
  name: string;
  phone: string | null;
  tier: number;
  province_code: string | null;
  start_lat: number | null;
  start_lng: number | null;
  active: number;
  created_at: string;
  updated_at: string;
  version: number;
}
export interface TechnicianSkillsTable {
  technician_id: string;
  category_code: string;
  level: number;
}
export interface OutletCalendarOverridesTable {
  outlet_id: string;
  date: string;
  open: number;
  note: string | null;
}
export interface TechnicianShiftsTable {
  technician_id: string;
  weekday: number;
  start_minute: number;
  end_minute: number;
  break_start_minute: number | null;
  break_end_minute: number | null;
}
export interface TechnicianLeaveTable {
  id: string;
  technician_id: string;
  start_at: string;
  end_at: string;
  kind: LeaveKind;
  note: string | null;
  created_by: string | null;
  created_at: string;
}
export interface TechnicianRotaTable {
  technician_id: string;
  date: string;
  kind: 'duty' | 'off';
}
export interface TechnicianCertificationsTable {
  id: string;
  technician_id: string;
  name: string;
  number: string | null;
  category_code: string | null;
  issued_on: string;
  expires_on: string | null;
}
export interface OutletProspectsTable {
  id: string;
  region_code: string;
  name: string;
  contact_name: string | null;
  contact_phone: string | null;
  /** JSON array of category codes. */
  categories: string;
  stage: ProspectStage;
  notes: string | null;
  linked_outlet_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}
export interface NetworkTables {
  outlets: OutletsTable;
  outlet_service_areas: OutletServiceAreasTable;
  outlet_categories: OutletCategoriesTable;
  technicians: TechniciansTable;
  technician_skills: TechnicianSkillsTable;
  outlet_calendar_overrides: OutletCalendarOverridesTable;
  technician_shifts: TechnicianShiftsTable;
  technician_leave: TechnicianLeaveTable;
  technician_rota: TechnicianRotaTable;
  technician_certifications: TechnicianCertificationsTable;
  outlet_prospects: OutletProspectsTable;
}

/**
 * The tables this module owns: only its own files write them, and other modules read them through
 * its index.ts (checked by test/ownership/table-ownership.test.ts against an allow-list that may only shrink).
 */
export const OWNED_TABLES = [
  'outlets',
  'outlet_service_areas',
  'outlet_categories',
  'technicians',
  'technician_skills',
  'outlet_calendar_overrides',
  'technician_shifts',
  'technician_leave',
  'technician_rota',
  'technician_certifications',
  'outlet_prospects',
] as const satisfies readonly (keyof NetworkTables)[];
